// The codebook panel: the code tree with colours, counts and definitions;
// pin codes to keys 1-9; add, rename, move, recolour, describe and merge
// codes in a dialog (the API's codebook calls; codings are kept).

import {h, clear, byId} from '../lib/dom.js';
import {codeColour} from '../lib/colours.js';
import {t, onLanguage} from '../lib/i18n.js';
import {state, on, isPinned, togglePin, pinnedCodes} from '../lib/state.js';
import * as api from '../lib/api.js';

export class CodebookPanel {
  constructor({onChanged, announce, fail}) {
    this.onChanged = onChanged;
    this.announce = announce;
    this.fail = fail;
    this.tree = byId('code-tree');
    this.dialog = byId('code-dialog');
    this.form = byId('code-form');
    this.editing = null;  // the code being edited, or null when adding
    byId('add-code').addEventListener('click', () => this.open(null));
    byId('code-cancel').addEventListener('click', () => this.dialog.close());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#save();
    });
    byId('code-merge').addEventListener('click', () => this.#merge());
    on('codebook', () => this.render());
    onLanguage(() => this.render());
  }

  render() {
    clear(this.tree);
    const lists = new Map([['', this.tree]]);
    const pinned = pinnedCodes();
    for (const code of state.codes) {
      const parentList = lists.get(code.parent || '') || this.tree;
      const swatch = h('span', {class: 'swatch', 'aria-hidden': 'true'});
      swatch.style.setProperty('background-color', codeColour(code));
      const key = pinned.indexOf(code.path);
      const children = h('ul', {});
      lists.set(code.path, children);
      const count = code.total !== undefined ? code.total : code.codings;
      const row = h('div', {class: 'code-row' + (code.retired ? ' retired' : '')},
        swatch,
        h('span', {class: 'name'}, code.name),
        key >= 0 ? h('kbd', {title: t('pinnedKey', {key: key + 1})}, String(key + 1)) : null,
        h('span', {class: 'count', title: t('codingsOf', {code: code.path})}, String(count ?? 0)),
        code.codable !== false && !code.retired ? h('button', {
          type: 'button',
          class: 'small',
          'aria-pressed': isPinned(code.path) ? 'true' : 'false',
          'aria-label': t('pinCode', {code: code.path}),
          title: t('pinCode', {code: code.path}),
          onclick: () => togglePin(code.path),
        }, isPinned(code.path) ? '★' : '☆') : null,
        h('button', {
          type: 'button',
          class: 'small',
          'aria-label': t('editCode', {code: code.path}),
          title: t('editCode', {code: code.path}),
          onclick: () => this.open(code),
        }, '✎'));
      const item = h('li', {'data-path': code.path}, row,
        code.description ? h('p', {class: 'definition'}, code.description) : null, children);
      parentList.appendChild(item);
    }
    for (const list of lists.values()) {
      if (list !== this.tree && !list.children.length) list.remove();
    }
  }

  // Opens the dialog to edit `code`, or to add a code when null.
  open(code) {
    this.editing = code;
    byId('code-dialog-title').textContent = code ? t('editCode', {code: code.path}) : t('addCode');
    byId('code-name').value = code ? code.name : '';
    const parents = state.codes.filter((c) => !code || (c.path !== code.path && !c.path.startsWith(`${code.path}/`)));
    fill(byId('code-parent'), [['', t('topLevel')], ...parents.map((c) => [c.path, c.path])], code ? code.parent || '' : '');
    byId('code-colour').value = code ? codeColour(code) : '#1f77b4';
    byId('code-description').value = code ? code.description || '' : '';
    const merge = byId('merge-group');
    merge.hidden = !code;
    if (code) {
      fill(byId('code-merge-into'), [['', '—'], ...state.codes.filter((c) => c.path !== code.path && c.codable !== false)
        .map((c) => [c.path, c.path])], '');
    }
    this.dialog.showModal();
    byId('code-name').focus();
  }

  async #save() {
    const name = byId('code-name').value.trim();
    const parent = byId('code-parent').value;
    const colour = byId('code-colour').value;
    const description = byId('code-description').value;
    const code = this.editing;
    try {
      if (!code) {
        const path = parent ? `${parent}/${name}` : name;
        await api.addCode({path, colour, description});
        this.announce(t('codeAdded', {code: path}));
      } else {
        const change = {};
        if (name !== code.name) change.name = name;
        if (parent !== (code.parent || '')) change.parent = parent;
        if (colour.toLowerCase() !== codeColour(code)) change.colour = colour;
        if (description !== (code.description || '')) change.description = description;
        if (!Object.keys(change).length) {
          this.dialog.close();
          return;
        }
        const changed = await api.changeCode(code.path, change);
        this.announce(t('codeChanged', {from: code.path, to: changed && changed.path ? changed.path : code.path}));
      }
      this.dialog.close();
      await this.onChanged();
    } catch (error) {
      this.fail(error);
    }
  }

  async #merge() {
    const into = byId('code-merge-into').value;
    const code = this.editing;
    if (!code || !into) {
      this.fail(new Error(t('chooseMergeTarget')));
      return;
    }
    try {
      const result = await api.mergeCodes(code.path, into);
      this.announce(t('merged', {from: code.path, into, n: result ? result.moved : 0}));
      this.dialog.close();
      await this.onChanged();
    } catch (error) {
      this.fail(error);
    }
  }
}

function fill(select, pairs, chosen) {
  clear(select);
  for (const [value, label] of pairs) select.appendChild(h('option', {value}, label));
  select.value = chosen;
}
