// The Memos view: every project, code, story and coding memo (GET
// /api/memos), newest first, searchable by its words and filtered by kind
// and author. Each memo links to what it is about: a story or coding memo
// opens the story (at its passage, #story=KEY&at=START-END), a code memo the
// Code view with that code (#code?code=PATH). The choice lives in the
// address (#memos?q=...&kind=...&author=...).

import {h, clear, byId} from '../lib/dom.js';
import {t, onLanguage, currentLanguage} from '../lib/i18n.js';
import * as api from '../lib/api.js';

const kLimit = 1000;
const kFields = ['q', 'kind', 'author'];
const kKinds = ['project', 'code', 'story', 'coding'];

function when(stamp) {
  const date = new Date(stamp);
  if (Number.isNaN(date.getTime())) return stamp;
  return new Intl.DateTimeFormat(currentLanguage() === 'nl' ? 'nl-NL' : 'en-GB',
    {dateStyle: 'medium', timeStyle: 'short'}).format(date);
}

// Where a memo leads, and the words of the link.
function target(memo) {
  if (memo.kind === 'code') {
    return {href: `#code?code=${encodeURIComponent(memo.code)}`, text: t('memoOnCode', {code: memo.code})};
  }
  if (memo.kind === 'story' || memo.kind === 'coding') {
    const at = memo.start !== null && memo.end !== null ? `&at=${memo.start}-${memo.end}` : '';
    const what = memo.kind === 'coding' ? 'memoOnCoding' : memo.code ? 'memoOnStoryCode' : 'memoOnStory';
    return {href: `#story=${encodeURIComponent(memo.story)}${at}`, text: t(what, {story: memo.story, code: memo.code})};
  }
  return null;
}

export class MemosView {
  constructor({fail, announce}) {
    this.fail = fail;
    this.announce = announce;
    this.answer = null;
    this.params = {};
    this.request = 0;
    for (const id of ['memo-kind', 'memo-author']) byId(id).addEventListener('change', () => this.#choose());
    byId('memos-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.#choose();
    });
    onLanguage(() => {
      this.#fillKinds();
      if (this.answer) this.#render();
    });
  }

  // The address of the current choice: #memos?q=...
  hash() {
    const search = new URLSearchParams();
    for (const name of kFields) if (this.params[name]) search.set(name, this.params[name]);
    const text = search.toString();
    return text ? `#memos?${text}` : '#memos';
  }

  // Shows the view for the address `hash` (#memos or #memos?...).
  async show(hash) {
    const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
    this.params = Object.fromEntries(new URLSearchParams(query));
    this.#fillKinds();
    byId('memo-q').value = this.params.q || '';
    byId('memo-kind').value = this.params.kind || '';
    await this.#load();
  }

  // Lists again (memos or codings changed), after a pause.
  reload() {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      if (this.answer) this.#load();
    }, 500);
  }

  #fillKinds() {
    const select = byId('memo-kind');
    const value = select.value;
    clear(select).appendChild(h('option', {value: ''}, t('all')));
    for (const kind of kKinds) select.appendChild(h('option', {value: kind}, t(`memoKind.${kind}`)));
    select.value = value;
  }

  #fillAuthors(authors) {
    const select = byId('memo-author');
    const value = this.params.author || '';
    clear(select).appendChild(h('option', {value: ''}, t('all')));
    for (const name of authors) select.appendChild(h('option', {value: name}, name));
    select.value = authors.includes(value) ? value : '';
  }

  #choose() {
    this.params = {q: byId('memo-q').value.trim(), kind: byId('memo-kind').value, author: byId('memo-author').value};
    history.replaceState(null, '', this.hash());
    byId('nav-memos').href = this.hash();
    this.#load();
  }

  async #load() {
    const ticket = ++this.request;
    const query = {limit: kLimit};
    for (const name of kFields) if (this.params[name]) query[name] = this.params[name];
    try {
      const answer = await api.getMemos(query);
      if (ticket !== this.request) return;
      this.answer = answer;
      this.#fillAuthors(answer.authors);
      this.#render();
      this.announce(this.#countText());
    } catch (error) {
      if (ticket !== this.request) return;
      this.answer = null;
      clear(byId('memos-result'));
      this.fail(error);
    }
  }

  #countText() {
    const a = this.answer;
    const count = t('memosCount', {n: a.total});
    return a.memos.length < a.total ? `${count}; ${t('quotesMore', {shown: a.memos.length})}` : count;
  }

  #memo(memo) {
    const to = target(memo);
    const about = to ? h('a', {href: to.href}, to.text) : h('span', {}, t('memoOnProject'));
    return h('li', {},
      h('article', {class: 'memo-item', 'aria-label': t('memoLabel', {kind: t(`memoKind.${memo.kind}`), author: memo.author})},
        h('p', {class: 'who'}, h('span', {class: 'kind'}, t(`memoKind.${memo.kind}`)), ' · ', about,
          ' · ', t('memoBy', {author: memo.author || '—', at: when(memo.created)})),
        memo.title ? h('h3', {}, memo.title) : null,
        h('p', {class: 'memo-text'}, memo.text),
        memo.passage ? h('blockquote', {class: 'context'}, memo.passage) : null));
  }

  #render() {
    const a = this.answer;
    clear(byId('memos-result')).append(
      h('p', {class: 'used', id: 'memos-count'}, this.#countText()),
      a.memos.length
        ? h('ul', {class: 'memo-list', 'aria-labelledby': 'memos-count'}, a.memos.map((memo) => this.#memo(memo)))
        : h('p', {class: 'empty'}, t('memosNone')));
  }
}
