// The story list: full-text search, filters (role, kind, wave, code, coder,
// coded/uncoded), the count, pages of 100, keys j/k for the next and previous
// story, and "next uncoded". Opening a story sets the address to #story=KEY.

import {h, clear, byId} from '../lib/dom.js';
import {t, onLanguage} from '../lib/i18n.js';
import {state, on} from '../lib/state.js';
import * as api from '../lib/api.js';

const kPage = 100;

export class StoryList {
  constructor({fail, announce}) {
    this.fail = fail;
    this.announce = announce;
    this.list = byId('story-list');
    this.count = byId('list-count');
    this.more = byId('list-more');
    this.stories = [];
    this.total = 0;
    this.request = 0;
    this.coders = new Set();
    this.timer = 0;
    byId('search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.reload();
    });
    byId('q').addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.reload(), 250);
    });
    for (const id of ['f-role', 'f-kind', 'f-wave', 'f-code', 'f-coder', 'f-set', 'f-status']) {
      byId(id).addEventListener('change', () => this.reload());
    }
    this.more.addEventListener('click', () => this.#load(true));
    byId('next-uncoded').addEventListener('click', () => this.nextUncoded());
    on('codebook', () => this.#fillCodes());
    onLanguage(() => {
      if (!state.project) return;
      this.setProject(state.project);
      this.reload();
    });
  }

  // Fills the filter choices from the project.
  setProject(project) {
    fill(byId('f-role'), project.roles || []);
    fill(byId('f-kind'), project.kinds || [], (kind) => t(`kind.${kind}`, {}, kind));
    fill(byId('f-wave'), (project.waves || []).map(String));
    for (const coder of project.coders || []) this.coders.add(coder);
    if (project.you) this.coders.add(project.you);
    fill(byId('f-coder'), [...this.coders].sort());
  }

  noteCoders(codings) {
    const before = this.coders.size;
    for (const coding of codings) this.coders.add(coding.coder);
    if (this.coders.size !== before) fill(byId('f-coder'), [...this.coders].sort());
  }

  // The story sets (GET /api/sets) as a filter.
  setSets(sets) {
    fill(byId('f-set'), sets.map((set) => set.name));
  }

  // Shows the stories of the set `name`.
  showSet(name) {
    byId('f-set').value = name;
    return this.reload();
  }

  #fillCodes() {
    fill(byId('f-code'), state.codes.map((code) => code.path));
  }

  params(extra = {}) {
    const status = byId('f-status').value;
    return {
      q: byId('q').value.trim(),
      role: byId('f-role').value,
      kind: byId('f-kind').value,
      wave: byId('f-wave').value,
      code: byId('f-code').value,
      coder: byId('f-coder').value,
      set: byId('f-set').value,
      uncoded: status === 'uncoded' ? 1 : '',
      coded: status === 'coded' ? 1 : '',
      ...extra,
    };
  }

  reload() {
    return this.#load(false);
  }

  async #load(append) {
    const request = ++this.request;
    const offset = append ? this.stories.length : 0;
    try {
      const page = await api.listStories(this.params({offset, limit: kPage}));
      if (request !== this.request) return;  // a newer search answered first
      const stories = page.stories;
      this.stories = append ? [...this.stories, ...stories] : stories;
      this.total = page.total;
      this.totalExact = page.total_exact !== false;
      this.lastFull = page.stories.length === kPage;
      this.loaded = offset + page.stories.length;
      this.#render(append ? offset : 0);
    } catch (error) {
      this.fail(error);
    }
  }

  #render(from) {
    if (from === 0) clear(this.list);
    for (const story of this.stories.slice(from)) {
      const link = h('a', {href: `#story=${encodeURIComponent(story.key)}`, 'data-key': story.key},
        h('span', {class: 'key'}, story.key),
        story.title ? h('span', {class: 'title'}, story.title) : null,
        h('span', {class: story.coded ? 'chip coded' : 'chip uncoded'},
          story.coded ? t('codingsCount', {n: story.coded}) : t('uncoded')),
        h('span', {class: 'snippet'}, ...snippet(story.snippet || '')));
      if (story.key === state.storyKey) link.setAttribute('aria-current', 'true');
      this.list.appendChild(h('li', {}, link));
    }
    // A capped total (more than 10,000) cannot say when the list ends; a
    // short page can.
    this.more.hidden = !this.lastFull || (this.totalExact && this.loaded >= this.total);
    this.#renderCount();
  }

  #renderCount() {
    const all = state.project ? state.project.counts.stories : this.total;
    this.count.textContent = this.totalExact === false
      ? t('storiesCountMore', {n: this.total, all})
      : t('storiesCount', {n: this.total, all});
  }

  markCurrent() {
    for (const link of this.list.querySelectorAll('a')) {
      if (link.dataset.key === state.storyKey) {
        link.setAttribute('aria-current', 'true');
        link.scrollIntoView({block: 'nearest'});
      } else {
        link.removeAttribute('aria-current');
      }
    }
  }

  // j/k: the next or previous story of the list (step +1 or -1).
  step(direction) {
    const keys = this.stories.map((s) => s.key);
    const at = keys.indexOf(state.storyKey);
    const next = at < 0 ? (direction > 0 ? 0 : keys.length - 1) : at + direction;
    if (next >= 0 && next < keys.length) location.hash = `story=${encodeURIComponent(keys[next])}`;
  }

  async nextUncoded() {
    try {
      const page = await api.listStories(this.params({uncoded: 1, q: byId('q').value.trim(), offset: 0, limit: 500}));
      const uncoded = page.stories.map((s) => s.key).filter((key) => key !== state.storyKey);
      if (!uncoded.length) {
        this.announce(t('noUncoded'));
        return;
      }
      const keys = this.stories.map((s) => s.key);
      const at = keys.indexOf(state.storyKey);
      const set = new Set(uncoded);
      const after = keys.slice(at + 1).find((key) => set.has(key));
      location.hash = `story=${encodeURIComponent(after || uncoded[0])}`;
    } catch (error) {
      this.fail(error);
    }
  }
}

// Keeps the first option ("all") and replaces the rest.
function fill(select, values, label = (v) => v) {
  const chosen = select.value;
  while (select.options.length > 1) select.remove(1);
  for (const value of values) select.appendChild(h('option', {value}, label(value)));
  select.value = values.includes(chosen) ? chosen : '';
}

// "... [match] ..." -> text with <mark> around the matches.
function snippet(text) {
  return text.split(/(\[[^\]]*\])/).filter(Boolean).map((part) =>
    part.startsWith('[') && part.endsWith(']') ? h('mark', {}, part.slice(1, -1)) : part);
}
