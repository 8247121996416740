// Coding: a selection in the text (mouse, or Shift+arrows in the text) shows
// a Code button beside it; the button or Enter opens the palette, keys 1-9
// apply the pinned codes. Selections snap to whole words unless Alt is held
// (then only to whole characters). Offsets go to the API in code points.

import {h, clear, byId} from '../lib/dom.js';
import {codeColour} from '../lib/colours.js';
import {t, onLanguage} from '../lib/i18n.js';
import {state, on, noteUsed, pinnedCodes} from '../lib/state.js';
import * as api from '../lib/api.js';

export class Coder {
  constructor(storyText, palette, {onChanged, announce, fail}) {
    this.text = storyText;
    this.palette = palette;
    this.onChanged = onChanged;
    this.announce = announce;
    this.fail = fail;
    this.textbox = storyText.textbox;
    this.button = byId('code-button');
    this.wrap = byId('text-wrap');
    this.pending = null;   // [start, end) UTF-16 units to code
    this.exact = false;
    this.textbox.addEventListener('beforeinput', (event) => event.preventDefault());
    for (const type of ['paste', 'drop', 'cut', 'dragstart']) {
      this.textbox.addEventListener(type, (event) => event.preventDefault());
    }
    this.textbox.addEventListener('mouseup', (event) => {
      this.exact = event.altKey;
      setTimeout(() => this.#track(true), 0);
    });
    this.textbox.addEventListener('keyup', (event) => {
      if (event.key.startsWith('Arrow') || event.key === 'Home' || event.key === 'End') {
        if (event.shiftKey) this.exact = event.altKey;
        this.#track(false);
      }
    });
    this.textbox.addEventListener('keydown', (event) => this.#key(event));
    this.button.addEventListener('click', () => this.openPalette());
    this.button.addEventListener('keydown', (event) => this.#key(event));
    byId('code-story').addEventListener('click', () => this.codeWholeStory());
    on('codebook', () => this.#renderPinned());
    onLanguage(() => this.#renderPinned());
  }

  reset() {
    this.pending = null;
    this.button.hidden = true;
  }

  // Reads the selection; `snap` also selects the snapped range in the page.
  #track(snap) {
    const units = this.text.selectedUnits();
    if (!units) {
      if (document.activeElement !== this.button) this.reset();
      return;
    }
    const index = this.text.index;
    const [start, end] = this.exact ? index.snapToCharacters(...units) : index.snapToWords(...units);
    this.pending = [start, end];
    if (snap && (start !== units[0] || end !== units[1])) this.text.select(start, end);
    this.#placeButton();
  }

  #placeButton() {
    const range = this.text.domRange(this.pending[0], this.pending[1]);
    const rects = range ? [...range.getClientRects()].filter((r) => r.height > 0) : [];
    if (!rects.length) return;
    const last = rects[rects.length - 1];
    const wrap = this.wrap.getBoundingClientRect();
    this.button.hidden = false;
    this.button.style.setProperty('top', `${last.bottom - wrap.top + 4}px`);
    this.button.style.setProperty('left', `${Math.max(0, Math.min(last.right - wrap.left, wrap.width - 120))}px`);
  }

  #key(event) {
    const ctrl = event.ctrlKey || event.metaKey;
    if (event.key === 'Enter' && !ctrl && this.pending) {
      event.preventDefault();
      if (event.altKey) this.#refreshExact();
      this.openPalette();
    } else if (/^[1-9]$/.test(event.key) && !ctrl && !event.altKey && this.pending) {
      event.preventDefault();
      const path = pinnedCodes()[Number(event.key) - 1];
      if (path) this.apply(path);
    } else if (event.key === 'Escape' && this.pending) {
      window.getSelection().collapseToEnd();
      this.reset();
    }
  }

  // Alt+Enter: the exact selection, not widened to words.
  #refreshExact() {
    const units = this.text.selectedUnits();
    if (units) this.pending = this.text.index.snapToCharacters(...units);
  }

  async openPalette() {
    if (!this.pending || !state.story) return;
    const [start, end] = this.pending;
    const excerpt = this.text.index.text.slice(start, end);
    const path = await this.palette.open({title: t('codeSelection'), excerpt: shorten(excerpt)});
    // The palette took the selection away: give it back to the text.
    this.text.select(start, end);
    this.pending = [start, end];
    if (path) await this.apply(path);
    else this.#refocus();
  }

  // Makes a coding of `path` over the pending selection.
  async apply(path) {
    if (!this.pending || !state.story) return;
    const index = this.text.index;
    const applied = this.pending;
    const [start, end] = applied;
    const body = {code: path, start: index.point(start), end: index.point(end)};
    const before = String(this.text.selectionPoints());
    try {
      const coding = await api.addCoding(state.story.key, body);
      noteUsed(path);
      if (this.pending === applied) this.reset();  // not a selection made meanwhile
      this.announce(t('coded', {code: path, start: coding.start, end: coding.end}));
      await this.onChanged();
      // The caret after the coded passage, unless the coder moved on meanwhile.
      if (String(this.text.selectionPoints()) === before) {
        const caret = this.text.index.unit(coding.end);
        this.text.select(caret, caret);
      }
      this.#refocus();
    } catch (error) {
      this.fail(error);
    }
  }

  async codeWholeStory() {
    if (!state.story) return;
    const path = await this.palette.open({title: t('codeWholeStory'), excerpt: state.story.title || state.story.key});
    if (!path) return;
    try {
      await api.addCoding(state.story.key, {code: path, whole: true});
      noteUsed(path);
      this.announce(t('codedWhole', {code: path}));
      await this.onChanged();
    } catch (error) {
      this.fail(error);
    }
  }

  // Back to the text, unless the coder has gone elsewhere meanwhile.
  #refocus() {
    if (!document.activeElement || document.activeElement === document.body) this.textbox.focus({preventScroll: true});
  }

  // The toolbar of pinned codes: buttons 1-9 that code the selection.
  #renderPinned() {
    const bar = clear(byId('pinned'));
    pinnedCodes().forEach((path, i) => {
      const swatch = h('span', {class: 'swatch', 'aria-hidden': 'true'});
      swatch.style.setProperty('background-color', codeColour(state.codesByPath.get(path)));
      bar.appendChild(h('button', {
        type: 'button',
        class: 'pin',
        'aria-keyshortcuts': String(i + 1),
        title: t('pinnedKey', {key: i + 1}),
        onmousedown: (event) => event.preventDefault(),  // keep the selection
        onclick: () => (this.pending ? this.apply(path) : this.announce(t('selectFirst'))),
      }, h('kbd', {'aria-hidden': 'true'}, String(i + 1)), swatch, path));
    });
  }
}

function shorten(text) {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 240 ? `${flat.slice(0, 120)} … ${flat.slice(-100)}` : flat;
}
