// The respondent header of a story: title, key, respondent, role, kind,
// wave, date, variables, and the signifier answers drawn small in SVG
// (a slider for a dyad, a triangle for a triad), each with a text
// equivalent as its accessible name.

import {h, clear, byId} from '../lib/dom.js';
import {t} from '../lib/i18n.js';

const pct = (value) => `${Math.round(value * 100)}%`;

export function renderHeader(story) {
  byId('story-title').textContent = story.title || story.key;
  const facts = clear(byId('story-facts'));
  const fact = (label, value) => {
    if (value === undefined || value === null || value === '') return;
    facts.append(h('div', {}, h('dt', {}, label), h('dd', {}, String(value))));
  };
  fact(t('story'), story.key);
  fact(t('respondent'), story.respondent);
  fact(t('role'), story.role);
  fact(t('kind'), t(`kind.${story.kind}`, {}, story.kind));
  fact(t('wave'), story.wave);
  fact(t('date'), story.date);
  for (const [name, value] of Object.entries(story.variables || {})) fact(name, value);

  const memos = clear(byId('story-memos'));
  for (const memo of story.memos || []) {
    memos.appendChild(h('li', {}, h('span', {class: 'memo-author'}, `${memo.author || ''}${memo.title ? ` · ${memo.title}` : ''}`), ' ', memo.text || ''));
  }
  memos.hidden = !(story.memos || []).length;

  const answers = clear(byId('story-signifiers'));
  for (const signifier of story.signifiers || []) answers.appendChild(renderSignifier(signifier));
  answers.hidden = !(story.signifiers || []).length;
}

function renderSignifier(s) {
  const title = s.title || s.key;
  const item = h('li', {class: `signifier ${s.type}`}, h('span', {class: 'title'}, title));
  if (s.not_applicable) {
    item.appendChild(h('span', {class: 'answer'}, t('notApplicable')));
    return item;
  }
  const values = s.values || [];
  const labels = s.labels || [];
  if (s.type === 'dyad' && values.length === 1) {
    item.appendChild(dyad(title, values[0], labels));
  } else if (s.type === 'triad' && values.length === 3) {
    item.appendChild(triad(title, values, labels));
  } else if (s.type === 'list') {
    item.appendChild(h('span', {class: 'answer'}, (s.chosen || []).join(', ') || t('noAnswer')));
  } else if (s.type === 'freetext') {
    item.appendChild(h('span', {class: 'answer'}, s.text || t('noAnswer')));
  } else if (s.type === 'stones' && values.length) {
    item.appendChild(h('span', {class: 'answer'}, values.map((v) => (Array.isArray(v) ? `(${v.map(pct).join(', ')})` : pct(v))).join(' ')));
  } else {
    item.appendChild(h('span', {class: 'answer'}, t('noAnswer')));
  }
  return item;
}

function dyad(title, x, [low = '', high = '']) {
  const name = t('dyadAnswer', {title, low, high, value: pct(x)});
  const svg = h('svg:svg', {viewBox: '0 0 120 16', width: 120, height: 16, role: 'img', 'aria-label': name});
  svg.append(
    h('svg:line', {x1: 6, y1: 8, x2: 114, y2: 8, class: 'track'}),
    h('svg:circle', {cx: 6 + 108 * x, cy: 8, r: 5, class: 'mark'}));
  return h('span', {class: 'answer'}, h('span', {class: 'pole'}, low), svg, h('span', {class: 'pole'}, high));
}

function triad(title, [a, b, c], [top = '', left = '', right = '']) {
  const name = t('triadAnswer', {title, top, left, right, a: pct(a), b: pct(b), c: pct(c)});
  const corners = [[30, 4], [4, 50], [56, 50]];
  const x = a * corners[0][0] + b * corners[1][0] + c * corners[2][0];
  const y = a * corners[0][1] + b * corners[1][1] + c * corners[2][1];
  const svg = h('svg:svg', {viewBox: '0 0 60 54', width: 60, height: 54, role: 'img', 'aria-label': name});
  svg.append(
    h('svg:polygon', {points: corners.map((p) => p.join(',')).join(' '), class: 'track'}),
    h('svg:circle', {cx: x, cy: y, r: 4, class: 'mark'}));
  return h('span', {class: 'answer triad-answer'}, svg,
    h('span', {class: 'corners', 'aria-hidden': 'true'}, `▲ ${top} ${pct(a)} · ◣ ${left} ${pct(b)} · ◢ ${right} ${pct(c)}`));
}
