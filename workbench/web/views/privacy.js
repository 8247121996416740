// The Privacy view: what `verhaal pseudonymise` would replace (GET
// /api/privacy), story by story, each detection in the words around it with
// its category, pseudonym and the rule that found it. The lead accepts or
// rejects each (POST /api/privacy/decisions) and undoes a decision (DELETE);
// choosing a story shows its whole text with the detections marked, where
// selecting words and "Mark as identifier" adds a span the tool missed. The
// decisions go to the review file that `verhaal pseudonymise` reads.
// Filters: category, field, decision, story; the choice lives in the
// address (#privacy?story=...).

import {h, clear, byId} from '../lib/dom.js';
import {t, onLanguage} from '../lib/i18n.js';
import {TextIndex} from '../lib/offsets.js';
import * as api from '../lib/api.js';

const kLimit = 500;
const kFields = ['category', 'field', 'status', 'story'];
const kCategories = ['PERSOON', 'PLAATS', 'ADRES', 'ORGANISATIE', 'DATUM', 'LEEFTIJD', 'TELEFOON',
  'EMAIL', 'URL', 'BSN', 'IBAN', 'POSTCODE', 'NUMMER'];
const kKinds = ['text', 'title', 'memo', 'coding memo', 'variable', 'respondent key', 'signifier', 'speaker',
  'date'];
const kStatuses = ['open', 'accepted', 'rejected', 'added'];

// The name an item is known by: its words, category and place.
function itemName(f) {
  return `${f.text} · ${t(`privacyCategory.${f.category}`)} · ${f.story} ${f.field} ${f.start}–${f.end}`;
}

function statusText(f) {
  if (f.status === 'open') return t('privacyOpen');
  return t(`privacyStatus.${f.status}${f.everywhere ? 'Everywhere' : ''}`);
}

export class PrivacyView {
  constructor({fail, announce}) {
    this.fail = fail;
    this.announce = announce;
    this.answer = null;
    this.story = null;  // the chosen story: {key, text, index, marks}
    this.params = {};
    this.request = 0;
    this.storyKeys = null;
    for (const id of ['p-category', 'p-field', 'p-status', 'p-story']) {
      byId(id).addEventListener('change', () => this.#choose());
    }
    byId('privacy-form').addEventListener('submit', (event) => event.preventDefault());
    byId('privacy-mark').addEventListener('click', () => this.#markSelection());
    // The text is read-only: keys move and select, nothing changes it.
    const text = byId('privacy-text');
    text.addEventListener('beforeinput', (event) => event.preventDefault());
    text.addEventListener('paste', (event) => event.preventDefault());
    text.addEventListener('drop', (event) => event.preventDefault());
    text.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        this.#markSelection();
      }
    });
    document.addEventListener('selectionchange', () => this.#noteSelection());
    onLanguage(() => {
      this.#fillChoices();
      if (this.answer) this.#render();
    });
  }

  // The address of the current choice: #privacy?story=...
  hash() {
    const search = new URLSearchParams();
    for (const name of kFields) if (this.params[name]) search.set(name, this.params[name]);
    const text = search.toString();
    return text ? `#privacy?${text}` : '#privacy';
  }

  async show(hash) {
    const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
    this.params = Object.fromEntries(new URLSearchParams(query));
    await this.#load();
  }

  // Loads again after others' changes, after a pause.
  reload() {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      if (this.answer) this.#load();
    }, 300);
  }

  #choose() {
    this.params = {};
    for (const name of kFields) {
      const value = byId(`p-${name}`).value;
      if (value) this.params[name] = value;
    }
    history.replaceState(null, '', this.hash());
    byId('nav-privacy').href = this.hash();
    this.#load();
  }

  async #load() {
    const ticket = ++this.request;
    try {
      const query = {limit: kLimit};
      for (const name of kFields) if (this.params[name]) query[name] = this.params[name];
      const jobs = [api.getPrivacy(query)];
      if (this.params.story) {
        jobs.push(api.getStory(this.params.story));
        jobs.push(api.getPrivacy({story: this.params.story, field: 'text', limit: kLimit}));
      }
      if (!this.storyKeys) jobs.push(api.listStories({limit: 500}));
      const [answer, ...rest] = await Promise.all(jobs);
      if (ticket !== this.request) return;
      if (!this.storyKeys) this.storyKeys = rest.pop().stories.map((s) => s.key);
      this.answer = answer;
      this.story = null;
      if (this.params.story) {
        const [story, marks] = rest;
        this.story = {key: story.key, text: story.text, index: new TextIndex(story.text), marks: marks.detections};
      }
      this.#fillChoices();
      this.#render();
    } catch (error) {
      if (ticket !== this.request) return;
      this.answer = null;
      clear(byId('privacy-list'));
      this.fail(error);
    }
  }

  #fillChoices() {
    const fill = (id, values, label) => {
      const select = byId(id);
      clear(select).appendChild(h('option', {value: ''}, t('all')));
      for (const value of values) select.appendChild(h('option', {value}, label(value)));
      select.value = values.includes(this.params[id.slice(2)]) ? this.params[id.slice(2)] : '';
    };
    fill('p-category', kCategories, (c) => t(`privacyCategory.${c}`));
    fill('p-field', kKinds, (k) => t(`privacyKind.${k}`));
    fill('p-status', kStatuses, (s) => t(`privacyFilter.${s}`));
    fill('p-story', this.storyKeys || [], (k) => k);
    const category = byId('privacy-category');
    const chosen = category.value;
    clear(category);
    for (const c of kCategories) category.appendChild(h('option', {value: c}, t(`privacyCategory.${c}`)));
    category.value = chosen || 'PERSOON';
  }

  #render() {
    const a = this.answer;
    byId('privacy-file').textContent = t('privacyFile', {file: a.decisions_file});
    byId('privacy-who').textContent = a.may_decide ? '' : t('privacyLeadOnly', {lead: a.lead});
    byId('privacy-who').hidden = a.may_decide;
    byId('privacy-summary').textContent = t('privacySummary', a.statuses);
    byId('privacy-count').textContent = t('privacyCount', {n: a.total});
    const active = document.activeElement;
    const focused = active && active.dataset && active.dataset.finding
      ? {finding: active.dataset.finding, action: active.dataset.action} : null;
    const list = clear(byId('privacy-list'));
    let group = null;
    for (const f of a.detections) {
      if (!group || group.story !== f.story) {
        const items = h('ol', {class: 'findings'});
        const heading = h('h4', {}, h('a', {href: `#privacy?story=${encodeURIComponent(f.story)}`,
          'aria-label': t('privacyStoryLink', {story: f.story})}, f.story));
        list.appendChild(h('li', {}, h('section', {'aria-label': t('privacyStoryGroup', {story: f.story})}, heading, items)));
        group = {story: f.story, items};
      }
      group.items.appendChild(this.#item(f));
    }
    byId('privacy-more').hidden = a.detections.length >= a.total;
    byId('privacy-more').textContent = t('privacyFirst', {n: a.detections.length, total: a.total});
    if (focused) {
      const again = list.querySelector(`button[data-finding="${CSS.escape(focused.finding)}"][data-action="${focused.action}"]`);
      if (again) again.focus();
    }
    this.#renderStory();
  }

  #item(f) {
    const name = itemName(f);
    const id = `${f.story}|${f.field}|${f.start}|${f.end}`;
    const body = [
      h('p', {class: 'context'}, [...f.before].length < f.start ? `…${f.before}` : f.before,
        h('mark', {class: `found ${f.status}`}, f.text), f.end + [...f.after].length < f.length ? `${f.after}…` : f.after),
      h('p', {class: 'who'},
        t('privacyWhat', {category: t(`privacyCategory.${f.category}`), field: t(`privacyKind.${f.kind}`)}),
        f.replacement ? ` → ${f.replacement}` : ''),
      h('p', {class: 'hint'}, t('privacyReason', {reason: f.reason})),
      h('p', {class: f.status === 'open' ? 'undecided' : 'decided'}, statusText(f)),
    ];
    if (this.answer.may_decide) {
      const buttons = [];
      if (f.status !== 'added') {
        for (const action of ['accept', 'reject']) {
          buttons.push(h('button', {
            type: 'button',
            'aria-pressed': f.status === `${action}ed` ? 'true' : 'false',
            'data-finding': id,
            'data-action': action,
            onclick: () => this.#decide(f, action, name),
          }, t(`privacyAction.${action}${f.kind === 'text' ? '' : 'Everywhere'}`)));
        }
      }
      if (f.status !== 'open') {
        buttons.push(h('button', {type: 'button', 'data-finding': id, 'data-action': 'undo',
          onclick: () => this.#undo(f, name)}, t('privacyUndo')));
      }
      body.push(h('div', {class: 'decide', role: 'group', 'aria-label': t('privacyDecideOn', {what: name})}, buttons));
    }
    return h('li', {}, h('article', {class: `disagreement finding ${f.status}`, 'aria-label': name}, body));
  }

  // The chosen story's text with what would be replaced marked.
  #renderStory() {
    const section = byId('privacy-story');
    section.hidden = !this.story;
    const box = clear(byId('privacy-text'));
    if (!this.story) return;
    byId('privacy-story-heading').textContent = t('privacyStoryHeading', {story: this.story.key});
    byId('privacy-mark-group').hidden = !this.answer.may_decide;
    const {text, index} = this.story;
    let at = 0;  // UTF-16 units
    for (const m of this.story.marks) {
      if (m.status === 'rejected') continue;
      const from = index.unit(m.start);
      const to = index.unit(m.end);
      if (from < at) continue;
      box.appendChild(document.createTextNode(text.slice(at, from)));
      box.appendChild(h('mark', {class: `found ${m.status}`, title: `${t(`privacyCategory.${m.category}`)}: ${m.reason}`},
        text.slice(from, to)));
      at = to;
    }
    box.appendChild(document.createTextNode(text.slice(at)));
    this.#noteSelection();
  }

  // The selection in the story's text as code points, or null.
  #selection() {
    const box = byId('privacy-text');
    const selection = window.getSelection();
    if (!this.story || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return null;
    const unitsBefore = (node, offset) => {
      const before = document.createRange();
      before.setStart(box, 0);
      before.setEnd(node, offset);
      return before.toString().length;
    };
    const [start, end] = this.story.index.trim(unitsBefore(range.startContainer, range.startOffset),
      unitsBefore(range.endContainer, range.endOffset));
    if (end <= start) return null;
    const index = this.story.index;
    return {start: index.point(start), end: index.point(end), text: this.story.text.slice(start, end)};
  }

  #noteSelection() {
    if (byId('privacy-view').hidden || !this.story) return;
    const chosen = this.#selection();
    byId('privacy-mark').disabled = !chosen;
    byId('privacy-selected').textContent = chosen ? t('privacySelected', {text: chosen.text}) : t('privacyNothingSelected');
  }

  async #markSelection() {
    const chosen = this.#selection();
    if (!chosen || !this.answer.may_decide) return;
    const category = byId('privacy-category').value;
    try {
      await api.decidePrivacy({decision: 'add', story: this.story.key, start: chosen.start, end: chosen.end, category});
      this.announce(t('privacyAdded', {text: chosen.text, category: t(`privacyCategory.${category}`)}));
      window.getSelection().removeAllRanges();
      await this.#load();
    } catch (error) {
      this.fail(error);
    }
  }

  async #decide(f, action, name) {
    const body = f.kind === 'text'
      ? {decision: action, story: f.story, start: f.start, end: f.end}
      : {decision: action, text: f.text};
    try {
      await api.decidePrivacy(body);
      this.announce(t('privacyDecided', {what: name, decision: t(`privacyAction.${action}`)}));
      await this.#load();
    } catch (error) {
      this.fail(error);
    }
  }

  async #undo(f, name) {
    // A decision on a text everywhere is undone by its text, one on a span by the span.
    const which = f.everywhere || f.kind !== 'text' ? {text: f.text} : {story: f.story, start: f.start, end: f.end};
    try {
      await api.undecidePrivacy(which);
      this.announce(t('privacyUndone', {what: name}));
      await this.#load();
    } catch (error) {
      this.fail(error);
    }
  }
}
