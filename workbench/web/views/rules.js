// The Rules view: each autocoding rule's precision among the reviewed codings
// (GET /api/rules), and the codings of the coder `rules` (GET
// /api/rules/codings), each with the reason it was made (the rule, what it
// looks for, the matched words in their context) and a link to the story at
// the coded passage. Accept copies a rule coding as your own coding, Reject
// turns it down (POST /api/rules/codings/{id}/decision); a decision shows
// who made it and when, and only its maker can change it. Filters: code,
// rule, decision; the choice lives in the address (#rules?code=...).

import {h, clear, byId} from '../lib/dom.js';
import {t, onLanguage, currentLanguage} from '../lib/i18n.js';
import * as api from '../lib/api.js';

// What a rule looks for, in the page's language, from its parts (the API's
// `parts`, `rule_parts`); `text` (the server's English) when it has none.
function ruleText(parts, text) {
  if (!parts || !parts.length) return text || t('ruleGone');
  return parts.map((part) => {
    let words = t(`rulePart.${part.key}`, {}, part.key);
    if (part.within > 0) words = t('ruleWithin', {part: words, n: part.within});
    const value = part.key === 'scope' ? t(`ruleScope.${part.value}`, {}, part.value) : part.value;
    return value ? `${words}: ${value}` : words;
  }).join('; ');
}

const kPage = 100;
const kFields = ['code', 'rule', 'decision'];

function locale() {
  return currentLanguage() === 'nl' ? 'nl-NL' : 'en-GB';
}

function when(stamp) {
  const date = new Date(stamp);
  if (Number.isNaN(date.getTime())) return stamp;
  return new Intl.DateTimeFormat(locale(), {dateStyle: 'medium', timeStyle: 'short'}).format(date);
}

function percent(value) {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(locale(), {style: 'percent', maximumFractionDigits: 1}).format(value);
}

export class RulesView {
  constructor({fail, announce}) {
    this.fail = fail;
    this.announce = announce;
    this.rules = null;
    this.list = null;
    this.params = {};
    this.request = 0;
    for (const id of ['r-code', 'r-rule', 'r-decision']) byId(id).addEventListener('change', () => this.#choose());
    byId('rules-form').addEventListener('submit', (event) => event.preventDefault());
    byId('rules-more').addEventListener('click', () => this.#more());
    onLanguage(() => {
      if (this.rules) this.#renderRules();
      if (this.list) this.#renderList();
    });
  }

  // The address of the current choice: #rules?code=...
  hash() {
    const search = new URLSearchParams();
    for (const name of kFields) if (this.params[name]) search.set(name, this.params[name]);
    const text = search.toString();
    return text ? `#rules?${text}` : '#rules';
  }

  // Shows the view for the address `hash` (#rules or #rules?...).
  async show(hash) {
    const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
    this.params = Object.fromEntries(new URLSearchParams(query));
    await this.#load();
  }

  // Loads again after others' changes, after a pause.
  reload() {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      if (this.list) this.#load();
    }, 300);
  }

  #choose() {
    this.params = {code: byId('r-code').value, rule: byId('r-rule').value, decision: byId('r-decision').value};
    history.replaceState(null, '', this.hash());
    byId('nav-rules').href = this.hash();
    this.#load();
  }

  #query(offset) {
    const query = {offset, limit: kPage};
    for (const name of kFields) if (this.params[name]) query[name] = this.params[name];
    return query;
  }

  async #load() {
    const ticket = ++this.request;
    try {
      const [rules, list] = await Promise.all([api.getRules(), api.getRuleCodings(this.#query(0))]);
      if (ticket !== this.request) return;
      this.rules = rules.rules;
      this.list = list;
      this.#fillChoices();
      this.#renderRules();
      this.#renderList();
    } catch (error) {
      if (ticket !== this.request) return;
      this.list = null;
      clear(byId('rules-list'));
      this.fail(error);
    }
  }

  async #more() {
    const ticket = ++this.request;
    try {
      const next = await api.getRuleCodings(this.#query(this.list.codings.length));
      if (ticket !== this.request) return;
      this.list = {...next, codings: [...this.list.codings, ...next.codings]};
      this.#renderList();
    } catch (error) {
      this.fail(error);
    }
  }

  #fillChoices() {
    const fill = (id, values, chosen) => {
      const select = byId(id);
      clear(select).appendChild(h('option', {value: ''}, t('all')));
      for (const value of values) select.appendChild(h('option', {value}, value));
      select.value = values.includes(chosen) ? chosen : '';
    };
    fill('r-code', [...new Set(this.rules.map((r) => r.code))], this.params.code || '');
    fill('r-rule', this.rules.map((r) => r.rule), this.params.rule || '');
    const decision = byId('r-decision');
    clear(decision).appendChild(h('option', {value: ''}, t('all')));
    for (const value of ['unreviewed', 'accepted', 'rejected']) {
      decision.appendChild(h('option', {value}, t(`ruleDecision.${value}`)));
    }
    decision.value = this.params.decision || '';
  }

  #renderRules() {
    const table = h('table', {class: 'team-table rules-table'},
      h('caption', {}, t('rulesCaption')),
      h('thead', {}, h('tr', {},
        h('th', {scope: 'col'}, t('code')),
        h('th', {scope: 'col'}, t('rule')),
        h('th', {scope: 'col'}, t('ruleLooksFor')),
        h('th', {scope: 'col'}, t('teamCodings')),
        h('th', {scope: 'col'}, t('ruleAccepted')),
        h('th', {scope: 'col'}, t('ruleRejected')),
        h('th', {scope: 'col'}, t('precision')))),
      h('tbody', {}, this.rules.map((r) => h('tr', {},
        h('td', {}, r.code),
        h('th', {scope: 'row'}, r.rule),
        h('td', {class: 'note'}, ruleText(r.parts, r.text)),
        h('td', {class: 'num'}, String(r.codings)),
        h('td', {class: 'num'}, String(r.accepted)),
        h('td', {class: 'num'}, String(r.rejected)),
        h('td', {class: 'num', 'data-precision': r.rule}, percent(r.precision))))));
    const box = clear(byId('rules-precision'));
    box.appendChild(this.rules.length ? h('div', {class: 'matrix-scroll'}, table) : h('p', {class: 'empty'}, t('rulesNone')));
  }

  #renderList() {
    const list = this.list;
    byId('rules-count').textContent = t('ruleCodingsCount', {n: list.total});
    byId('rules-error').textContent = list.rules_error ? t('rulesError', {error: list.rules_error}) : '';
    // The focused decision button keeps the focus when the list is drawn again.
    const active = document.activeElement;
    const focused = active && active.dataset && active.dataset.ruleCoding
      ? {id: active.dataset.ruleCoding, decision: active.dataset.decision} : null;
    const ol = clear(byId('rules-list'));
    for (const c of list.codings) ol.appendChild(this.#item(c));
    const more = byId('rules-more');
    more.hidden = list.codings.length >= list.total;
    if (focused) {
      const again = ol.querySelector(`button[data-rule-coding="${CSS.escape(focused.id)}"][data-decision="${focused.decision}"]`);
      if (again) again.focus();
    }
  }

  #item(c) {
    const title = `${c.story} · ${c.code} · ${c.start}–${c.end}`;
    const reason = c.reason.found
      ? h('p', {class: 'context'}, c.reason.before ? `…${c.reason.before}` : '',
        h('mark', {class: 'coded'}, c.reason.matched), c.reason.after ? `${c.reason.after}…` : '')
      : h('p', {class: 'empty'}, t('ruleNotFound'));
    const status = c.decision
      ? t(`ruleDecidedBy.${c.decision}`, {by: c.reviewer, at: when(c.decided)})
      : t('ruleUnreviewed');
    const body = [
      h('h4', {}, h('a', {href: `#story=${encodeURIComponent(c.story)}&at=${c.start}-${c.end}`,
        'aria-label': t('ruleCodingLink', {story: c.story, code: c.code, text: c.text})}, title)),
      h('p', {class: 'who'}, t('ruleReason', {rule: c.rule, text: ruleText(c.rule_parts, c.rule_text)})),
      reason,
      h('p', {class: 'coded-text'}, t('ruleCoded'), ' ', h('q', {}, c.text)),
      h('p', {class: c.decision ? 'decided' : 'undecided'}, status),
    ];
    if (!c.decision || c.yours) {
      body.push(h('div', {class: 'decide', role: 'group', 'aria-label': t('ruleDecideOn', {what: title})},
        ['accept', 'reject'].map((decision) => h('button', {
          type: 'button',
          'aria-pressed': c.decision === `${decision}ed` ? 'true' : 'false',
          'data-rule-coding': c.id,
          'data-decision': decision,
          onclick: () => this.#decide(c, decision, title),
        }, t(`ruleAction.${decision}`)))));
    }
    const state = c.decision ? ` ${c.decision}` : '';
    // Named by its passage (the heading's link reads the coded text).
    return h('li', {}, h('article', {class: `disagreement rule-coding${state}`, 'aria-label': title}, body));
  }

  async #decide(c, decision, title) {
    try {
      await api.decideRuleCoding(c.id, decision);
      this.announce(t('ruleDecided', {what: title, decision: t(`ruleAction.${decision}`)}));
      await this.#load();
    } catch (error) {
      this.fail(error);
    }
  }
}
