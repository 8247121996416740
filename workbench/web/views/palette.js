// The code palette: a dialog with a search field over the codes (recent
// codes first, then codebook order), filtered as you type. Arrow keys move,
// Enter applies, Esc cancels. open() resolves to the chosen path or null.

import {h, clear, byId} from '../lib/dom.js';
import {codeColour} from '../lib/colours.js';
import {t} from '../lib/i18n.js';
import {codableCodes, recentCodes} from '../lib/state.js';

export class Palette {
  constructor() {
    this.dialog = byId('palette');
    this.heading = byId('palette-title');
    this.excerpt = byId('palette-excerpt');
    this.input = byId('palette-filter');
    this.list = byId('palette-list');
    this.options = [];
    this.active = 0;
    this.resolve = null;
    this.input.addEventListener('input', () => this.#filter());
    this.input.addEventListener('keydown', (event) => this.#key(event));
    this.dialog.addEventListener('close', () => this.#finish(null));
    byId('palette-cancel').addEventListener('click', () => this.dialog.close());
  }

  // Opens the palette; `title` heads it, `excerpt` shows what gets coded.
  open({title, excerpt}) {
    this.#finish(null);
    this.heading.textContent = title;
    this.excerpt.textContent = excerpt || '';
    this.excerpt.hidden = !excerpt;
    this.input.value = '';
    this.#filter();
    this.dialog.showModal();
    this.input.focus();
    return new Promise((resolve) => { this.resolve = resolve; });
  }

  #finish(path) {
    const resolve = this.resolve;
    this.resolve = null;
    if (resolve) resolve(path);
  }

  #filter() {
    const words = this.input.value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const codes = codableCodes();
    const recent = recentCodes();
    const order = new Map(recent.map((path, i) => [path, i]));
    const matches = codes.filter((code) => {
      const haystack = `${code.path} ${code.description || ''}`.toLocaleLowerCase();
      return words.every((word) => haystack.includes(word));
    });
    // Recent first; then codes whose name starts with the typed text.
    const first = words[0] || '';
    const rank = (code) => (order.has(code.path) ? order.get(code.path) : 1000) +
        (first && !code.name.toLocaleLowerCase().startsWith(first) ? 100 : 0);
    matches.sort((a, b) => rank(a) - rank(b));
    this.options = matches;
    this.active = 0;
    clear(this.list);
    matches.forEach((code, i) => {
      const swatch = h('span', {class: 'swatch', 'aria-hidden': 'true'});
      swatch.style.setProperty('background-color', codeColour(code));
      const option = h('li', {
        role: 'option',
        id: `palette-option-${i}`,
        'aria-selected': i === 0 ? 'true' : 'false',
        onclick: () => this.#apply(i),
        onmousemove: () => this.#activate(i),
      }, swatch, h('span', {class: 'path'}, code.path),
      order.has(code.path) ? h('span', {class: 'tag'}, t('recent')) : null);
      this.list.appendChild(option);
    });
    if (!matches.length) this.list.appendChild(h('li', {class: 'empty', role: 'presentation'}, t('noCodesMatch')));
    this.#activate(0);
  }

  #activate(i) {
    if (!this.options.length) {
      this.input.removeAttribute('aria-activedescendant');
      return;
    }
    this.active = Math.max(0, Math.min(i, this.options.length - 1));
    for (const option of this.list.querySelectorAll('[role=option]')) {
      option.setAttribute('aria-selected', option.id === `palette-option-${this.active}` ? 'true' : 'false');
    }
    const id = `palette-option-${this.active}`;
    this.input.setAttribute('aria-activedescendant', id);
    byId(id).scrollIntoView({block: 'nearest'});
  }

  #key(event) {
    if (event.key === 'ArrowDown') this.#activate(this.active + 1);
    else if (event.key === 'ArrowUp') this.#activate(this.active - 1);
    else if (event.key === 'Home' && event.ctrlKey) this.#activate(0);
    else if (event.key === 'End' && event.ctrlKey) this.#activate(this.options.length - 1);
    else if (event.key === 'Enter') this.#apply(this.active);
    else return;
    event.preventDefault();
  }

  #apply(i) {
    const code = this.options[i];
    if (!code) return;
    const resolve = this.resolve;
    this.resolve = null;
    this.dialog.close();
    if (resolve) resolve(code.path);
  }
}
