// The Team view: each coder's work (GET /api/team), the agreement per code
// and coder pair in the numbers of `verhaal agreement`, and the disagreements
// of two coders side by side (GET /api/team/disagreements), each with both
// coders' segments (a segment links to the story at that passage). The lead
// settles each one (POST /api/team/settle: take A, take B, both, neither, or
// edit: pick the consensus segments one by one from both coders'),
// which writes the codings of the coder `consensus`; a settled disagreement
// says who decided and when. Others see the decisions, without buttons.

import {h, clear, byId} from '../lib/dom.js';
import {t, onLanguage, currentLanguage} from '../lib/i18n.js';
import * as api from '../lib/api.js';

const kDecisions = ['take_a', 'take_b', 'both', 'neither'];

function locale() {
  return currentLanguage() === 'nl' ? 'nl-NL' : 'en-GB';
}

// A coefficient as `verhaal agreement` prints it: 4 decimals, "–" when undefined.
function coefficient(value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(locale(), {minimumFractionDigits: 4, maximumFractionDigits: 4, useGrouping: false}).format(value);
}

function when(stamp) {
  const date = new Date(stamp);
  if (Number.isNaN(date.getTime())) return stamp;
  return new Intl.DateTimeFormat(locale(), {dateStyle: 'medium', timeStyle: 'short'}).format(date);
}

export class TeamView {
  constructor({fail, announce}) {
    this.fail = fail;
    this.announce = announce;
    this.overview = null;
    this.list = null;
    this.request = 0;
    this.editing = new Set();  // the items whose segment editor is open
    for (const id of ['t-unit', 't-coder-a', 't-coder-b', 't-code']) {
      byId(id).addEventListener('change', () => this.#load());
    }
    for (const id of ['team-form', 'team-pair-form']) {
      byId(id).addEventListener('submit', (event) => event.preventDefault());
    }
    onLanguage(() => {
      if (this.overview) this.#renderOverview();
      if (this.list) this.#renderList();
    });
  }

  // Shows the view (the address #team).
  async show() {
    await this.#load();
  }

  // Loads again after others' changes, after a pause.
  reload() {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => this.#load(), 300);
  }

  #query() {
    return {
      unit: byId('t-unit').value,
      coderA: byId('t-coder-a').value,
      coderB: byId('t-coder-b').value,
      code: byId('t-code').value,
    };
  }

  async #load() {
    const ticket = ++this.request;
    const query = this.#query();
    try {
      const overview = await api.getTeam({unit: query.unit});
      if (ticket !== this.request) return;
      this.overview = overview;
      this.#fillChoices();
      this.#renderOverview();
      const {coderA, coderB, code} = this.#query();
      const coders = coderA && coderB && coderA !== coderB ? `${coderA},${coderB}` : '';
      const list = await api.getTeamDisagreements({unit: query.unit, coders, code});
      if (ticket !== this.request) return;
      this.list = list;
      this.#renderList();
    } catch (error) {
      if (ticket !== this.request) return;
      // 422: fewer than two coders to compare; the count line says so.
      if (error.status !== 422) this.fail(error);
      this.list = null;
      clear(byId('team-list'));
      byId('team-count').textContent = error.message || '';
    }
  }

  // The coder choices: every coder but consensus; A and B default to the
  // coders the agreement compares.
  #fillChoices() {
    const names = this.overview.coders.filter((c) => c.kind !== 'consensus').map((c) => c.name);
    const compared = this.overview.compared || [];
    for (const [id, fallback] of [['t-coder-a', compared[0]], ['t-coder-b', compared[1]]]) {
      const select = byId(id);
      const value = select.value || fallback || '';
      clear(select);
      for (const name of names) select.appendChild(h('option', {value: name}, name));
      select.value = names.includes(value) ? value : '';
    }
    const code = byId('t-code');
    const chosen = code.value;
    clear(code);
    code.appendChild(h('option', {value: ''}, t('all')));
    const codes = [...new Set((this.overview.agreement || []).map((row) => row.code))];
    for (const path of codes) code.appendChild(h('option', {value: path}, path));
    code.value = codes.includes(chosen) ? chosen : '';
  }

  #renderOverview() {
    const o = this.overview;
    byId('team-lead').textContent = o.you_lead ? t('teamYouLead') : t('teamLead', {lead: o.lead || '—'});
    const coders = h('table', {class: 'team-table'},
      h('caption', {}, t('teamCodersCaption')),
      h('thead', {}, h('tr', {},
        h('th', {scope: 'col'}, t('coder')),
        h('th', {scope: 'col'}, t('teamStories')),
        h('th', {scope: 'col'}, t('teamCodings')))),
      h('tbody', {}, o.coders.map((c) => h('tr', {},
        h('th', {scope: 'row'}, c.name, c.kind !== 'human' ? h('span', {class: 'kind'}, ` (${t(`coderKind.${c.kind}`)})`) : null),
        h('td', {class: 'num'}, String(c.stories)),
        h('td', {class: 'num'}, String(c.codings))))));
    clear(byId('team-coders')).appendChild(coders);

    const agreement = clear(byId('team-agreement'));
    if (!o.agreement) {
      agreement.appendChild(h('p', {class: 'empty'}, o.agreement_error));
      return;
    }
    const columns = ['agreement', 'kappa', 'fleiss', 'ac1', 'alpha'];
    agreement.appendChild(h('div', {class: 'matrix-scroll'}, h('table', {class: 'team-table agreement'},
      h('caption', {}, t('agreementCaption', {coders: o.compared.join(', '), unit: t(`agreementUnit.${o.unit}`, {}, o.unit)})),
      h('thead', {}, h('tr', {},
        h('th', {scope: 'col'}, t('code')),
        h('th', {scope: 'col'}, t('coders')),
        h('th', {scope: 'col'}, 'n'),
        columns.map((name) => h('th', {scope: 'col'}, h('abbr', {title: t(`coef.${name}.long`)}, t(`coef.${name}`)))),
        h('th', {scope: 'col'}, t('note')))),
      h('tbody', {}, o.agreement.map((row) => h('tr', {},
        h('th', {scope: 'row'}, row.code),
        h('td', {}, row.coders),
        h('td', {class: 'num'}, String(row.n)),
        columns.map((name) => h('td', {class: 'num', 'data-coefficient': name},
          name === 'kappa' && row.names.length > 2 ? '' : coefficient(row[name]))),
        h('td', {class: 'note'}, row.note)))))));
    if (o.problems && o.problems.length) {
      agreement.appendChild(h('ul', {class: 'problems'}, o.problems.map((p) => h('li', {}, p))));
    }
  }

  #renderList() {
    const list = this.list;
    const items = list.disagreements;
    const open = items.filter((d) => !d.settled).length;
    byId('team-count').textContent = t('disagreementsCount', {n: items.length, open, a: list.coder_a, b: list.coder_b});
    byId('team-who').textContent = list.you_lead ? '' : t('teamOnlyLead', {lead: list.lead || '—'});
    // The focused decision button keeps the focus when the list is drawn again.
    const active = document.activeElement;
    const focused = active && active.dataset && active.dataset.decision
      ? {item: active.dataset.item, decision: active.dataset.decision} : null;
    const ol = clear(byId('team-list'));
    items.forEach((d, i) => ol.appendChild(this.#item(d, i, list)));
    if (focused) {
      const again = ol.querySelector(`button[data-item="${CSS.escape(focused.item)}"][data-decision="${focused.decision}"]`);
      if (again) again.focus();
    }
  }

  #segments(coder, value, segments, label) {
    return h('div', {class: 'side'},
      h('h5', {}, `${label}: ${coder} — ${t(`value.${value}`, {}, value)}`),
      segments.length
        ? h('ul', {class: 'quotes'}, segments.map((s) => h('li', {},
          h('a', {href: `#story=${encodeURIComponent(s.story)}&at=${s.start}-${s.end}`,
            'aria-label': t('segmentLink', {coder, code: s.code, text: s.text})},
          h('span', {class: 'who'}, s.code), h('q', {}, s.text)))))
        : h('p', {class: 'empty'}, t('noSegments')));
  }

  #item(d, index, list) {
    const id = `dis-${index}`;
    const key = `${d.story}|${d.code}`;
    const title = `${d.story} · ${d.code}`;
    const settled = d.settled;
    const status = settled
      ? t('decidedBy', {by: settled.by, at: when(settled.at), decision: t(`decision.${settled.decision}`)})
      : t('undecided');
    const body = [
      h('h4', {id}, h('a', {href: `#story=${encodeURIComponent(d.story)}`}, d.story), ` · ${d.code}`),
      h('div', {class: 'sides'},
        this.#segments(list.coder_a, d.value_a, d.segments_a.map((s) => ({...s, story: d.story})), 'A'),
        this.#segments(list.coder_b, d.value_b, d.segments_b.map((s) => ({...s, story: d.story})), 'B')),
      h('p', {class: settled ? 'decided' : 'undecided'}, status),
    ];
    if (list.you_lead) {
      const editorId = `edit-${index}`;
      const open = this.editing.has(key);
      body.push(h('div', {class: 'decide', role: 'group', 'aria-label': t('decideOn', {what: title})},
        kDecisions.map((decision) => h('button', {
          type: 'button',
          'aria-pressed': settled && settled.decision === decision ? 'true' : 'false',
          'data-item': key,
          'data-decision': decision,
          onclick: () => this.#settle(d, decision, list),
        }, t(`decision.${decision}`))),
        h('button', {
          type: 'button', 'aria-expanded': open ? 'true' : 'false', 'aria-controls': editorId,
          'data-item': key, 'data-decision': 'edit',
          onclick: () => {
            if (this.editing.has(key)) this.editing.delete(key);
            else this.editing.add(key);
            this.#renderList();
          },
        }, t('editSegments'))));
      if (open) body.push(this.#editor(d, list, editorId, title));
    }
    return h('li', {}, h('article', {class: `disagreement${settled ? ' settled' : ''}`, 'aria-labelledby': id}, body));
  }

  // The lead's own choice of consensus segments: every segment of A and B
  // as a checkbox (checked: in the consensus now).
  #editor(d, list, id, title) {
    const same = (a, b) => a.code === b.code && a.start === b.start && a.end === b.end;
    const candidates = [];
    for (const [label, coder, segments] of [['A', list.coder_a, d.segments_a], ['B', list.coder_b, d.segments_b]]) {
      for (const s of segments) {
        if (!candidates.some((c) => same(c.segment, s))) candidates.push({label, coder, segment: s});
      }
    }
    const boxes = candidates.map((c) => h('input', {type: 'checkbox', checked: d.consensus.some((s) => same(s, c.segment))}));
    const save = () => {
      const segments = candidates.filter((c, i) => boxes[i].checked)
        .map((c) => ({code: c.segment.code, start: c.segment.start, end: c.segment.end}));
      this.editing.delete(`${d.story}|${d.code}`);
      this.#settle(d, segments.length ? 'edit' : 'neither', list, segments);
    };
    return h('fieldset', {id, class: 'segment-editor'},
      h('legend', {}, t('editLegend', {what: title})),
      candidates.length ? h('ul', {}, candidates.map((c, i) => h('li', {},
        h('label', {}, boxes[i], ` ${c.label} (${c.coder}) · ${c.segment.code}: `, h('q', {}, c.segment.text)))))
        : h('p', {class: 'empty'}, t('noSegments')),
      // After saving, the focus goes back to the Edit button (same data-*).
      h('button', {type: 'button', 'data-item': `${d.story}|${d.code}`, 'data-decision': 'edit', onclick: save},
        t('saveSegments')));
  }

  async #settle(d, decision, list, segments) {
    try {
      await api.settle({story: d.story, code: d.code, coder_a: list.coder_a, coder_b: list.coder_b,
        decision, segments, unit: byId('t-unit').value || undefined});
      this.announce(t('settled', {decision: t(`decision.${decision}`), what: `${d.story} · ${d.code}`}));
      await this.#load();
    } catch (error) {
      this.fail(error);
    }
  }
}

// The view is the lead's only under --blind; others do not get the link.
export function teamAllowed(project) {
  return !project.blind || project.lead === project.you;
}
