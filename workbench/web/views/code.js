// The Code view: every passage of a code (and its sub-codes, as `verhaal
// quotes` lists them) with its context, from GET /api/code/passages; filters
// by coder, role, wave and one variable (NAME:VALUE); the header says whose
// codings. Each passage is a link to the story at that passage
// (#story=KEY&at=START-END), its coded text marked inside the context.
// "Download CSV" saves the passages as shown, in the columns of `verhaal
// quotes --format csv`. The choice lives in the address (#code?code=...).

import {h, clear, byId} from '../lib/dom.js';
import {codersText} from '../lib/coders.js';
import {t, onLanguage} from '../lib/i18n.js';
import {state} from '../lib/state.js';
import * as api from '../lib/api.js';

const kLimit = 2000;
const kFields = ['code', 'coders', 'role', 'wave', 'var'];

// A cell as exporters/csv_writer.cc writes it: a formula's first character
// neutralised (a number is no formula), quoted when it must be.
function csvField(text) {
  const risky = /^[=+\-@\t\r]/.test(text) && !/^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text);
  const cell = risky ? `'${text}` : text;
  return /[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export class CodeView {
  constructor({fail, announce}) {
    this.fail = fail;
    this.announce = announce;
    this.answer = null;
    this.params = {};
    this.request = 0;
    for (const id of ['c-code', 'c-coders', 'c-role', 'c-wave', 'c-var']) {
      byId(id).addEventListener('change', () => this.#choose());
    }
    byId('passages-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.#choose();
    });
    onLanguage(() => {
      if (!state.project) return;
      this.setProject(state.project);
      if (this.answer) this.#render();
    });
  }

  // Fills the coders, roles and waves from GET /api/project.
  setProject(project) {
    const fill = (id, first, values) => {
      const select = byId(id);
      const value = select.value;
      clear(select).appendChild(h('option', {value: ''}, first));
      for (const v of values || []) select.appendChild(h('option', {value: String(v)}, String(v)));
      select.value = value;
    };
    fill('c-coders', t('codersDefault'), project.project_coders);
    fill('c-role', t('all'), project.roles);
    fill('c-wave', t('all'), project.waves);
  }

  #fillCodes() {
    const select = byId('c-code');
    const value = select.value;
    clear(select).appendChild(h('option', {value: ''}, '—'));
    for (const code of state.codes) select.appendChild(h('option', {value: code.path}, code.path));
    select.value = value;
  }

  // The address of the current choice: #code?code=...
  hash() {
    const search = new URLSearchParams();
    for (const name of kFields) if (this.params[name]) search.set(name, this.params[name]);
    const text = search.toString();
    return text ? `#code?${text}` : '#code';
  }

  // Shows the view for the address `hash` (#code or #code?...).
  async show(hash) {
    this.#fillCodes();
    const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
    this.params = Object.fromEntries(new URLSearchParams(query));
    byId('c-code').value = this.params.code || '';
    byId('c-coders').value = this.params.coders || '';
    byId('c-role').value = this.params.role || '';
    byId('c-wave').value = this.params.wave || '';
    byId('c-var').value = this.params.var || '';
    await this.#load();
  }

  // Lists the passages again (others changed codings), after a pause.
  reload() {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      if (this.answer) this.#load();
    }, 500);
  }

  #choose() {
    this.params = {
      code: byId('c-code').value,
      coders: byId('c-coders').value,
      role: byId('c-role').value,
      wave: byId('c-wave').value,
      var: byId('c-var').value.trim(),
    };
    history.replaceState(null, '', this.hash());
    byId('nav-code').href = this.hash();
    this.#load();
  }

  async #load() {
    const result = byId('passages-result');
    if (!this.params.code) {
      this.answer = null;
      clear(byId('passages-header'));
      clear(result).appendChild(h('p', {class: 'empty'}, t('codeChoose')));
      return;
    }
    const ticket = ++this.request;
    const query = {};
    for (const name of kFields) if (this.params[name]) query[name] = this.params[name];
    try {
      const answer = await api.getCodePassages({...query, limit: kLimit});
      if (ticket !== this.request) return;
      this.answer = answer;
      this.#render();
      this.announce(this.#countText());
    } catch (error) {
      if (ticket !== this.request) return;
      this.answer = null;
      clear(byId('passages-header'));
      clear(result);
      this.fail(error);
    }
  }

  #countText() {
    const a = this.answer;
    const count = t('passagesCount', {n: a.total});
    return a.passages.length < a.total ? `${count}; ${t('quotesMore', {shown: a.passages.length})}` : count;
  }

  #render() {
    const a = this.answer;
    byId('passages-header').textContent = t('headerCodings', {codings: codersText(a.coders)});
    const list = h('ul', {class: 'quotes passages', 'aria-labelledby': 'passages-count'});
    for (const p of a.passages) {
      const href = `#story=${encodeURIComponent(p.story)}&at=${p.start}-${p.end}`;
      const who = [p.respondent && (p.role ? `${p.respondent} (${p.role})` : p.respondent),
        t('quoteBy', {coder: p.coder}), p.code, `${p.start}–${p.end}`].filter(Boolean).join(' · ');
      list.appendChild(h('li', {},
        h('a', {href, 'aria-label': t('quoteLink', {story: p.story, text: p.text})},
          h('span', {class: 'key'}, p.story),
          h('span', {class: 'who'}, who),
          h('span', {class: 'context'},
            p.before ? `…${p.before}` : '',
            h('mark', {class: 'coded'}, p.text),
            p.after ? `${p.after}…` : '')),
        p.memo ? h('p', {class: 'memo'}, t('memoLine', {memo: p.memo})) : null));
    }
    clear(byId('passages-result')).append(
      h('p', {class: 'used', id: 'passages-count'}, this.#countText()),
      h('button', {type: 'button', id: 'passages-csv', onclick: () => this.#download()}, t('downloadCsv')),
      a.passages.length ? list : h('p', {class: 'empty'}, t('passagesNone')));
  }

  // The passages as shown, in the columns of `verhaal quotes --format csv`.
  csv() {
    const head = ['story', 'respondent', 'role', 'kind', 'wave', 'code', 'coder', 'start', 'end', 'before', 'quote', 'after', 'memo'];
    const rows = this.answer.passages.map((p) => [p.story, p.respondent, p.role, p.kind, p.wave === null ? '' : String(p.wave),
      p.code, p.coder, String(p.start), String(p.end), p.before, p.text, p.after, p.memo]);
    return [head, ...rows].map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
  }

  #download() {
    const blob = new Blob([this.csv()], {type: 'text/csv;charset=utf-8'});
    const url = URL.createObjectURL(blob);
    const name = `passages-${this.params.code}`.replace(/[^\w.-]+/g, '_');
    const link = h('a', {href: url, download: `${name}.csv`, hidden: true});
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
