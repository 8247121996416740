// The dialog that opens on a highlight or a margin stripe: the codings there,
// each with its code, coder and memo; your own ones can get another code, a
// memo, or be removed. Others' codings are shown read-only.

import {h, clear, byId} from '../lib/dom.js';
import {codeColour} from '../lib/colours.js';
import {t} from '../lib/i18n.js';
import {state, noteUsed} from '../lib/state.js';
import * as api from '../lib/api.js';

export class CodingDialog {
  constructor(storyText, palette, {onChanged, announce, fail}) {
    this.text = storyText;
    this.palette = palette;
    this.onChanged = onChanged;
    this.announce = announce;
    this.fail = fail;
    this.dialog = byId('coding-dialog');
    this.body = byId('coding-dialog-body');
    this.returnTo = null;
    byId('coding-dialog-close').addEventListener('click', () => this.dialog.close());
    this.dialog.addEventListener('close', () => {
      clear(this.body);
      if (this.returnTo && this.returnTo.isConnected) this.returnTo.focus({preventScroll: true});
    });
  }

  open(ids, returnTo) {
    this.ids = ids;
    this.returnTo = returnTo instanceof HTMLElement && returnTo.tabIndex >= 0 ? returnTo : this.text.textbox;
    this.#render();
    if (!this.dialog.open) this.dialog.showModal();
    const first = this.body.querySelector('textarea:not([disabled]), button:not([disabled])');
    if (first) first.focus();
  }

  #render() {
    clear(this.body);
    for (const id of this.ids) {
      const coding = this.text.coding(id);
      if (!coding) continue;
      const mine = coding.mine !== false && coding.coder === state.project.you;
      const swatch = h('span', {class: 'swatch', 'aria-hidden': 'true'});
      swatch.style.setProperty('background-color', codeColour(state.codesByPath.get(coding.code) || {path: coding.code}));
      const memoId = `memo-${cssId(id)}`;
      const memo = h('textarea', {id: memoId, rows: 3, disabled: !mine}, coding.memo || '');
      memo.value = coding.memo || '';
      const excerpt = this.text.index.text.slice(coding.unitStart, coding.unitEnd);
      this.body.appendChild(h('section', {class: 'coding', 'aria-label': `${coding.code}, ${coding.coder}`},
        h('h3', {}, swatch, coding.code),
        h('p', {class: 'meta'}, t('codedBy', {coder: coding.coder}),
          ' · ', t('characters', {start: coding.start, end: coding.end}),
          coding.origin && coding.origin !== 'manual' ? ` · ${coding.origin}` : ''),
        h('blockquote', {}, excerpt.length > 400 ? `${excerpt.slice(0, 400)}…` : excerpt),
        h('label', {for: memoId}, t('memo')),
        memo,
        mine ? h('div', {class: 'actions'},
          h('button', {type: 'button', onclick: () => this.#saveMemo(coding, memo.value)}, t('saveMemo')),
          h('button', {type: 'button', onclick: () => this.#changeCode(coding)}, t('changeCode')),
          h('button', {type: 'button', class: 'danger', onclick: () => this.#remove(coding)}, t('removeCoding')))
          : h('p', {class: 'note'}, t('notYours'))));
    }
  }

  async #saveMemo(coding, memo) {
    try {
      await api.changeCoding(coding.id, {memo});
      this.announce(t('memoSaved'));
      this.dialog.close();
      await this.onChanged();
    } catch (error) {
      this.fail(error);
    }
  }

  async #changeCode(coding) {
    this.dialog.close();
    const excerpt = this.text.index.text.slice(coding.unitStart, coding.unitEnd);
    const path = await this.palette.open({title: t('changeCodeOf', {code: coding.code}), excerpt});
    if (!path || path === coding.code) return;
    try {
      await api.changeCoding(coding.id, {code: path});
      noteUsed(path);
      this.announce(t('codeChanged', {from: coding.code, to: path}));
      await this.onChanged();
    } catch (error) {
      this.fail(error);
    }
  }

  async #remove(coding) {
    try {
      await api.removeCoding(coding.id);
      this.announce(t('codingRemoved', {code: coding.code}));
      this.returnTo = this.text.textbox;
      this.dialog.close();
      await this.onChanged();
    } catch (error) {
      this.fail(error);
    }
  }
}

function cssId(id) {
  return String(id).replace(/[^A-Za-z0-9_-]/g, '_');
}
