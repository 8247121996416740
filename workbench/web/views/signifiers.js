// The Signifiers view: every story as a point on a triad's triangle or on
// two sliders (GET /api/signifiers/plot), coloured by a dimension or by
// whether the coders in view coded a code. Drawing a rectangle or a lasso
// with the pointer selects the points inside; the ranges below the plot
// (per corner or per axis, in %) select from the keyboard. The selection is
// listed (key, title, respondent; a click opens the story) and can be saved
// as a story set (POST /api/sets), which the story list, the Matrix view and
// this view then take as a filter. The choice lives in the address
// (#signifiers?triad=KEY&colour=...).
//
// The triangle is drawn as `verhaal summary --svg` draws it
// (exporters/svg_charts.cc, TernaryPlotSvg): top, left and right corner in
// the triad's anchor order, a point at the weighted mean of the corners
// (barycentric coordinates). With many stories at most kMaxDrawn points are
// drawn, evenly thinned as the SVG thins them; selecting and counting use
// every point.

import {h, clear, byId} from '../lib/dom.js';
import {codersText} from '../lib/coders.js';
import {t, onLanguage} from '../lib/i18n.js';
import {state} from '../lib/state.js';
import * as api from '../lib/api.js';

const kMaxDrawn = 4000;
const kListed = 100;
// Okabe & Ito, as exporters/svg.cc's SvgPaletteColour.
const kPalette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
const kNoLevel = '#9a9a9a';
const kSvg = 'http://www.w3.org/2000/svg';
const kFields = ['triad', 'x', 'y', 'colour', 'coded', 'coders', 'role', 'set'];

// The plot's geometry in SVG units.
const kSide = 360;
const kHeight = kSide * Math.sqrt(3) / 2;
const kLeft = 70;
const kTop = 40;

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(kSvg, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) {
    if (child === null || child === undefined) continue;
    element.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

// Where a point lies: for a triad the weighted mean of the corners (top,
// left, right), for two sliders x to the right and y up.
function placeTriad(top, left, right) {
  const sum = top + left + right;
  const tx = kLeft + kSide / 2;
  const ty = kTop;
  const lx = kLeft;
  const ly = kTop + kHeight;
  const rx = kLeft + kSide;
  const ry = kTop + kHeight;
  return [(top * tx + left * lx + right * rx) / sum, (top * ty + left * ly + right * ry) / sum];
}

function placeSliders(x, y) {
  return [kLeft + x * kSide, kTop + (1 - y) * kSide];
}

// Whether (x, y) lies inside the polygon `points` (even-odd rule).
function inside(x, y, points) {
  let within = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) within = !within;
  }
  return within;
}

function percent(value) {
  return `${Math.round(value * 100)}%`;
}

export class SignifiersView {
  constructor({fail, announce, onSetsChanged, showSetInList}) {
    this.fail = fail;
    this.announce = announce;
    this.onSetsChanged = onSetsChanged;
    this.showSetInList = showSetInList;
    this.params = {};
    this.plot = null;
    this.positions = null;  // Float64Array of x, y per point (SVG units)
    this.selected = [];     // indexes into plot.points
    this.request = 0;
    this.sets = [];
    this.drag = null;
    for (const id of ['s-plot', 's-x', 's-y', 's-colour', 's-coders', 's-role', 's-set']) {
      byId(id).addEventListener('change', () => this.#choose());
    }
    byId('signifiers-form').addEventListener('submit', (event) => event.preventDefault());
    byId('range-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.#selectByRanges();
    });
    byId('range-clear').addEventListener('click', () => this.#setSelection([]));
    byId('set-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.#saveSet();
    });
    byId('selection-more').addEventListener('click', () => this.#listSelection(true));
    onLanguage(() => {
      if (!state.project) return;
      this.setProject(state.project);
      this.#fillSets();
      if (this.plot) this.#render();
    });
  }

  // Fills the choices from GET /api/project.
  setProject(project) {
    const dims = project.dimensions || [];
    const triads = dims.filter((d) => d.source === 'triad-zone');
    const sliders = dims.filter((d) => ['dyad', 'stone-x', 'stone-y'].includes(d.source));
    const plot = byId('s-plot');
    const chosen = plot.value;
    clear(plot);
    for (const triad of triads) {
      const key = triad.dim.slice('triad-zone:'.length);
      plot.appendChild(h('option', {value: `triad:${key}`}, t('plotTriad', {title: triad.label || key})));
    }
    if (sliders.length >= 2) plot.appendChild(h('option', {value: 'sliders'}, t('plotSliders')));
    if (chosen) plot.value = chosen;
    for (const id of ['s-x', 's-y']) {
      const select = byId(id);
      const value = select.value;
      clear(select);
      for (const dim of sliders) {
        select.appendChild(h('option', {value: dim.dim}, dim.label && dim.label !== dim.dim ? `${dim.label} (${dim.dim})` : dim.dim));
      }
      if (value) select.value = value;
    }
    const colour = byId('s-colour');
    const colourValue = colour.value;
    clear(colour).appendChild(h('option', {value: ''}, t('colourNone')));
    const codes = h('optgroup', {label: t('colourCoded')});
    for (const code of state.codes || []) {
      if (!code.retired) codes.appendChild(h('option', {value: `coded:${code.path}`}, code.path));
    }
    const others = h('optgroup', {label: t('colourDimension')});
    for (const dim of dims) {
      others.appendChild(h('option', {value: `dim:${dim.dim}`}, dim.label && dim.label !== dim.dim ? `${dim.label} (${dim.dim})` : dim.dim));
    }
    colour.append(codes, others);
    colour.value = colourValue;
    const coders = byId('s-coders');
    const coderValue = coders.value;
    clear(coders).appendChild(h('option', {value: ''}, t('codersDefault')));
    for (const name of project.project_coders || []) coders.appendChild(h('option', {value: name}, name));
    coders.value = coderValue;
    const role = byId('s-role');
    const roleValue = role.value;
    clear(role).appendChild(h('option', {value: ''}, t('all')));
    for (const value of project.roles || []) role.appendChild(h('option', {value}, value));
    role.value = roleValue;
  }

  // The story sets (GET /api/sets), for this view's filter and list.
  setSets(sets) {
    this.sets = sets;
    this.#fillSets();
  }

  #fillSets() {
    const select = byId('s-set');
    const value = this.params.set || select.value;
    clear(select).appendChild(h('option', {value: ''}, t('allStories')));
    for (const set of this.sets) select.appendChild(h('option', {value: set.name}, set.name));
    select.value = this.sets.some((set) => set.name === value) ? value : '';
    const list = clear(byId('sets-list'));
    if (!this.sets.length) {
      list.appendChild(h('li', {class: 'hint'}, t('setsNone')));
      return;
    }
    for (const set of this.sets) list.appendChild(this.#setItem(set));
  }

  #setItem(set) {
    const item = h('li', {class: 'set-item'});
    const name = h('span', {class: 'set-name'}, set.name);
    const count = h('span', {class: 'hint'}, ` ${t('setStories', {n: set.stories})}${set.created_by ? ` · ${set.created_by}` : ''}`);
    const show = h('button', {type: 'button', 'aria-label': t('setShowLabel', {name: set.name}),
      onclick: () => this.showSetInList(set.name)}, t('setShow'));
    const rename = h('button', {type: 'button', 'aria-label': t('setRenameLabel', {name: set.name}),
      onclick: () => this.#renameForm(item, set)}, t('setRename'));
    const remove = h('button', {type: 'button', 'aria-label': t('setDeleteLabel', {name: set.name}),
      onclick: () => this.#deleteSet(set)}, t('setDelete'));
    item.append(name, count, ' ', show, ' ', rename, ' ', remove);
    return item;
  }

  #renameForm(item, set) {
    const id = `rename-${Math.random().toString(36).slice(2)}`;
    const input = h('input', {id, type: 'text', value: set.name, autocomplete: 'off'});
    const form = h('form', {class: 'rename-form'},
      h('label', {for: id}, t('setNewName', {name: set.name})), input,
      h('button', {type: 'submit'}, t('save')),
      h('button', {type: 'button', onclick: () => this.#fillSets()}, t('cancel')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const renamed = await api.renameSet(set.name, input.value.trim());
        if (this.params.set === set.name) this.params.set = renamed.name;
        this.announce(t('setRenamed', {name: set.name, to: renamed.name}));
        await this.onSetsChanged();
      } catch (error) {
        this.fail(error);
      }
    });
    clear(item).appendChild(form);
    input.focus();
    input.select();
  }

  async #deleteSet(set) {
    try {
      await api.deleteSet(set.name);
      if (this.params.set === set.name) this.params.set = '';
      this.announce(t('setDeleted', {name: set.name}));
      await this.onSetsChanged();
    } catch (error) {
      this.fail(error);
    }
  }

  // The address of the current choice: #signifiers?triad=...
  hash() {
    const search = new URLSearchParams();
    for (const name of kFields) if (this.params[name]) search.set(name, this.params[name]);
    const text = search.toString();
    return text ? `#signifiers?${text}` : '#signifiers';
  }

  // Shows the view for the address `hash` (#signifiers or #signifiers?...).
  async show(hash) {
    const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
    const params = Object.fromEntries(new URLSearchParams(query));
    if (!params.triad && !params.x) {
      const first = byId('s-plot').options[0];
      if (first && first.value.startsWith('triad:')) params.triad = first.value.slice(6);
      else if (first) this.#defaultSliders(params);
    }
    this.params = params;
    byId('s-plot').value = params.triad ? `triad:${params.triad}` : 'sliders';
    if (params.x) byId('s-x').value = params.x;
    if (params.y) byId('s-y').value = params.y;
    byId('s-colour').value = params.coded ? `coded:${params.coded}` : params.colour ? `dim:${params.colour}` : '';
    byId('s-coders').value = params.coders || '';
    byId('s-role').value = params.role || '';
    this.#fillSets();
    await this.#load();
  }

  #defaultSliders(params) {
    const x = byId('s-x');
    params.x = x.options[0] ? x.options[0].value : '';
    params.y = x.options[1] ? x.options[1].value : params.x;
  }

  // Places the points again (codings changed), after a pause; the selection stays.
  reload() {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      if (this.plot) this.#load({keepSelection: true});
    }, 500);
  }

  #choose() {
    const plot = byId('s-plot').value;
    const colour = byId('s-colour').value;
    this.params = {
      triad: plot.startsWith('triad:') ? plot.slice(6) : '',
      x: plot === 'sliders' ? byId('s-x').value : '',
      y: plot === 'sliders' ? byId('s-y').value : '',
      colour: colour.startsWith('dim:') ? colour.slice(4) : '',
      coded: colour.startsWith('coded:') ? colour.slice(6) : '',
      coders: byId('s-coders').value,
      role: byId('s-role').value,
      set: byId('s-set').value,
    };
    if (plot === 'sliders' && !this.params.x) this.#defaultSliders(this.params);
    history.replaceState(null, '', this.hash());
    byId('nav-signifiers').href = this.hash();
    this.#load();
  }

  async #load({keepSelection = false} = {}) {
    const ticket = ++this.request;
    const query = {};
    for (const name of kFields) if (this.params[name]) query[name] = this.params[name];
    byId('s-x').disabled = !!this.params.triad;
    byId('s-y').disabled = !!this.params.triad;
    if (!query.triad && !(query.x && query.y)) {
      clear(byId('signifiers-figure')).appendChild(h('p', {class: 'empty'}, t('plotNothing')));
      return;
    }
    try {
      const plot = await api.getSignifierPlot(query);
      if (ticket !== this.request) return;
      const before = keepSelection && this.plot ? new Set(this.selected.map((i) => this.plot.points[i][0])) : null;
      this.plot = plot;
      this.#place();
      this.selected = before ? plot.points.map((p, i) => (before.has(p[0]) ? i : -1)).filter((i) => i >= 0) : [];
      this.#render();
      this.#renderRanges();
      this.#listSelection(false);
      this.announce(this.#countText());
    } catch (error) {
      if (ticket !== this.request) return;
      this.plot = null;
      clear(byId('signifiers-figure'));
      this.fail(error);
    }
  }

  #place() {
    const points = this.plot.points;
    const triad = this.plot.kind === 'triad';
    this.positions = new Float64Array(points.length * 2);
    for (let i = 0; i < points.length; i++) {
      const p = points[i];
      const [x, y] = triad ? placeTriad(p[1], p[2], p[3]) : placeSliders(p[1], p[2]);
      this.positions[2 * i] = x;
      this.positions[2 * i + 1] = y;
    }
  }

  #groupName(index) {
    if (index < 0) return t('noLevel');
    const name = this.plot.groups[index];
    if (this.plot.groups.length === 2 && this.params.coded) return t(index === 0 ? 'levelCoded' : 'levelNotCoded');
    return name;
  }

  #groupColour(index) {
    return index < 0 ? kNoLevel : kPalette[index % kPalette.length];
  }

  #countText() {
    const p = this.plot;
    const left = Object.values(p.left_out || {}).reduce((a, b) => a + b, 0);
    let text = t('plotCount', {n: p.points.length, all: p.stories, left});
    if (p.points.length > kMaxDrawn) text += `; ${t('plotThinned', {shown: kMaxDrawn})}`;
    return text;
  }

  #render() {
    const p = this.plot;
    const triad = p.kind === 'triad';
    // Whose codings coloured the points, in the page's language (the CLI's
    // words only for a blind coder who has not coded yet).
    const codings = p.coders ? t('headerCodings', {codings: codersText(p.coders)}) : p.codings;
    byId('signifiers-header').textContent = codings ? `${p.title} · ${codings}` : p.title;
    const width = kLeft * 2 + kSide;
    const height = triad ? kTop + kHeight + 50 : kTop + kSide + 60;
    const chart = svg('svg', {viewBox: `0 0 ${width} ${height}`, class: 'signifier-plot', role: 'img',
      'aria-labelledby': 'signifiers-caption'});
    const grid = svg('g', {class: 'grid', 'aria-hidden': 'true'});
    if (triad) {
      const corner = (a, b, c) => placeTriad(a, b, c).join(',');
      for (let k = 1; k < 5; k++) {
        const f = k / 5;
        for (const [a, b] of [[[f, 1 - f, 0], [f, 0, 1 - f]], [[1 - f, f, 0], [0, f, 1 - f]], [[1 - f, 0, f], [0, 1 - f, f]]]) {
          const [x1, y1] = placeTriad(...a);
          const [x2, y2] = placeTriad(...b);
          grid.appendChild(svg('line', {x1, y1, x2, y2}));
        }
      }
      grid.appendChild(svg('polygon', {class: 'frame', points: `${corner(1, 0, 0)} ${corner(0, 1, 0)} ${corner(0, 0, 1)}`}));
      const [tx, ty] = placeTriad(1, 0, 0);
      const [lx, ly] = placeTriad(0, 1, 0);
      const [rx, ry] = placeTriad(0, 0, 1);
      grid.append(
        svg('text', {x: tx, y: ty - 12, 'text-anchor': 'middle'}, p.corners[0]),
        svg('text', {x: lx, y: ly + 22, 'text-anchor': 'middle'}, p.corners[1]),
        svg('text', {x: rx, y: ry + 22, 'text-anchor': 'middle'}, p.corners[2]));
    } else {
      grid.appendChild(svg('rect', {class: 'frame', x: kLeft, y: kTop, width: kSide, height: kSide}));
      const [cx] = placeSliders(p.x.cut, 0);
      const [, cy] = placeSliders(0, p.y.cut);
      grid.append(svg('line', {class: 'cut', x1: cx, y1: kTop, x2: cx, y2: kTop + kSide}),
        svg('line', {class: 'cut', x1: kLeft, y1: cy, x2: kLeft + kSide, y2: cy}),
        svg('text', {x: kLeft, y: kTop + kSide + 20, 'text-anchor': 'start'}, p.x.low || '0'),
        svg('text', {x: kLeft + kSide, y: kTop + kSide + 20, 'text-anchor': 'end'}, p.x.high || '1'),
        svg('text', {x: kLeft + kSide / 2, y: kTop + kSide + 40, 'text-anchor': 'middle'}, p.x.title),
        svg('text', {x: kLeft - 8, y: kTop + kSide, 'text-anchor': 'end'}, p.y.low || '0'),
        svg('text', {x: kLeft - 8, y: kTop + 10, 'text-anchor': 'end'}, p.y.high || '1'),
        svg('text', {x: kLeft, y: kTop - 14, 'text-anchor': 'start'}, p.y.title));
    }
    chart.appendChild(grid);
    const dots = svg('g', {class: 'points', 'aria-hidden': 'true'});
    const every = Math.max(1, Math.ceil(p.points.length / kMaxDrawn));
    const radius = p.points.length / every > 300 ? 2 : 4;
    for (let i = 0; i < p.points.length; i += every) {
      dots.appendChild(svg('circle', {cx: this.positions[2 * i].toFixed(1), cy: this.positions[2 * i + 1].toFixed(1),
        r: radius, fill: this.#groupColour(p.points[i][triad ? 4 : 3])}));
    }
    chart.appendChild(dots);
    this.marks = svg('g', {class: 'selected', 'aria-hidden': 'true'});
    chart.appendChild(this.marks);
    this.shape = svg('path', {class: 'lasso', d: ''});
    chart.appendChild(this.shape);
    this.chart = chart;
    this.#wirePointer(chart);
    const caption = h('figcaption', {id: 'signifiers-caption'}, this.#countText());
    clear(byId('signifiers-figure')).append(chart, caption, this.#legend());
    this.#markSelection();
  }

  #legend() {
    const p = this.plot;
    const triad = p.kind === 'triad';
    const counts = new Map();
    for (const point of p.points) {
      const g = point[triad ? 4 : 3];
      counts.set(g, (counts.get(g) || 0) + 1);
    }
    if (!p.groups.length) return null;
    const items = [...counts.keys()].sort((a, b) => (a < 0) - (b < 0) || a - b).map((g) =>
      // An SVG dot, not a style attribute: the page's Content-Security-Policy
      // allows no inline styles.
      h('li', {}, svg('svg', {class: 'swatch', viewBox: '0 0 10 10', 'aria-hidden': 'true'},
        svg('circle', {cx: 5, cy: 5, r: 5, fill: this.#groupColour(g)})),
        `${this.#groupName(g)} (${counts.get(g)})`));
    return h('div', {class: 'legend'}, h('p', {class: 'hint'}, t('colouredBy', {what: p.colour})), h('ul', {}, items));
  }

  // Pointer: press and drag draws a rectangle (or a lasso, as chosen);
  // releasing selects the points inside.
  #wirePointer(chart) {
    const at = (event) => {
      const point = chart.createSVGPoint();
      point.x = event.clientX;
      point.y = event.clientY;
      const inverse = chart.getScreenCTM().inverse();
      const p = point.matrixTransform(inverse);
      return [p.x, p.y];
    };
    chart.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      event.preventDefault();
      chart.setPointerCapture(event.pointerId);
      this.drag = {lasso: byId('s-lasso').checked, points: [at(event)]};
    });
    chart.addEventListener('pointermove', (event) => {
      if (!this.drag) return;
      const point = at(event);
      if (this.drag.lasso) this.drag.points.push(point);
      else this.drag.points[1] = point;
      this.shape.setAttribute('d', this.#outline(this.drag));
    });
    const finish = (event) => {
      if (!this.drag) return;
      if (event.type === 'pointerup' && !this.drag.lasso) this.drag.points[1] = at(event);
      const polygon = this.#polygon(this.drag);
      this.drag = null;
      this.shape.setAttribute('d', '');
      if (polygon.length < 3) return;
      const chosen = [];
      for (let i = 0; i < this.plot.points.length; i++) {
        if (inside(this.positions[2 * i], this.positions[2 * i + 1], polygon)) chosen.push(i);
      }
      this.#setSelection(chosen);
    };
    chart.addEventListener('pointerup', finish);
    chart.addEventListener('pointercancel', finish);
  }

  #polygon(drag) {
    if (drag.lasso) return drag.points;
    if (drag.points.length < 2) return [];
    const [[x1, y1], [x2, y2]] = drag.points;
    return [[x1, y1], [x2, y1], [x2, y2], [x1, y2]];
  }

  #outline(drag) {
    const polygon = this.#polygon(drag);
    if (!polygon.length) return '';
    return `M${polygon.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join('L')}Z`;
  }

  // The keyboard's way: a range per corner (triad) or axis (sliders), in %.
  #renderRanges() {
    const p = this.plot;
    const names = p.kind === 'triad' ? p.corners : [p.x.title, p.y.title];
    const rows = clear(byId('range-rows'));
    names.forEach((name, i) => {
      rows.appendChild(h('div', {class: 'range-row', role: 'group', 'aria-label': name},
        h('span', {class: 'range-name'}, name),
        h('label', {for: `range-from-${i}`}, t('rangeFrom')),
        h('input', {id: `range-from-${i}`, type: 'number', min: 0, max: 100, step: 1, value: 0, inputmode: 'numeric'}),
        h('label', {for: `range-to-${i}`}, t('rangeTo')),
        h('input', {id: `range-to-${i}`, type: 'number', min: 0, max: 100, step: 1, value: 100, inputmode: 'numeric'}),
        h('span', {'aria-hidden': 'true'}, '%')));
    });
  }

  #selectByRanges() {
    if (!this.plot) return;
    const parts = this.plot.kind === 'triad' ? 3 : 2;
    const ranges = [];
    for (let i = 0; i < parts; i++) {
      const from = Number(byId(`range-from-${i}`).value);
      const to = Number(byId(`range-to-${i}`).value);
      ranges.push([Number.isFinite(from) ? from / 100 : 0, Number.isFinite(to) ? to / 100 : 1]);
    }
    const chosen = [];
    const eps = 1e-9;
    this.plot.points.forEach((point, i) => {
      for (let k = 0; k < parts; k++) {
        const value = point[k + 1];
        if (value < ranges[k][0] - eps || value > ranges[k][1] + eps) return;
      }
      chosen.push(i);
    });
    this.#setSelection(chosen);
  }

  #setSelection(indexes) {
    this.selected = indexes;
    this.#markSelection();
    this.#listSelection(false);
    this.announce(t('selectionCount', {n: indexes.length}));
  }

  #markSelection() {
    if (!this.marks) return;
    clear(this.marks);
    const drawn = this.selected.length > kMaxDrawn ? this.selected.filter((_, k) => k % Math.ceil(this.selected.length / kMaxDrawn) === 0) : this.selected;
    for (const i of drawn) {
      this.marks.appendChild(svg('circle', {cx: this.positions[2 * i].toFixed(1), cy: this.positions[2 * i + 1].toFixed(1), r: 6}));
    }
  }

  // Lists the selection's first stories (GET /api/stories?ids=...).
  async #listSelection(more) {
    const ids = this.selected.map((i) => this.plot.points[i][0]).sort((a, b) => a - b);
    const list = byId('selection-list');
    const from = more ? list.children.length : 0;
    if (!more) clear(list);
    byId('selection-count').textContent = ids.length ? t('selectionCount', {n: ids.length}) : t('selectionNone');
    byId('set-form').hidden = !ids.length;
    const page = ids.slice(from, from + kListed);
    byId('selection-more').hidden = from + page.length >= ids.length;
    if (!page.length) return;
    try {
      const answer = await api.listStories({ids: page.join(','), limit: kListed});
      for (const story of answer.stories) {
        list.appendChild(h('li', {},
          h('a', {href: `#story=${encodeURIComponent(story.key)}`}, h('span', {class: 'key'}, story.key),
            story.title ? ` ${story.title}` : ''),
          story.respondent ? h('span', {class: 'hint'}, ` · ${t('respondentIs', {respondent: story.respondent})}`) : null));
      }
    } catch (error) {
      this.fail(error);
    }
  }

  async #saveSet() {
    const name = byId('set-name').value.trim();
    const ids = this.selected.map((i) => this.plot.points[i][0]);
    try {
      const saved = await api.saveSet({name, ids});
      byId('set-name').value = '';
      this.announce(t('setSaved', {name: saved.name, n: saved.stories}));
      await this.onSetsChanged();
    } catch (error) {
      this.fail(error);
      byId('set-name').focus();
    }
  }
}
