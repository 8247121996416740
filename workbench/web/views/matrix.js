// The Matrix view: rows and columns chosen from the project's dimensions
// (GET /api/project's `dimensions`), whose codings (coders, consensus), the
// table of GET /api/matrix as counts, row % or column %, each cell shaded by
// its adjusted residual (legend, and the figures in each cell's name), the
// tests in the words of `verhaal matrix`, and the header saying what was
// counted and whose codings. A cell (a button) lists its quotes (GET
// /api/matrix/quotes); a quote is a link to the story at that passage
// (#story=KEY&at=START-END). "Download CSV" saves the table as shown. The
// choice lives in the address (#matrix?rows=...&cols=...), so a reload or
// the way back from a story keeps it. With *Groups* (`by`, as `verhaal
// matrix --by DIM`) there is one table per level of that dimension, each
// with its quotes and tests, then the comparison of the groups. With
// *Combined: each coder separately* (`--combine each`) the answer holds one
// matrix per coder (`runs`), each in its own section with its quotes, tests
// and chart; a cell's quotes are that coder's.

import {h, clear, byId} from '../lib/dom.js';
import {codersText} from '../lib/coders.js';
import {t, onLanguage, currentLanguage} from '../lib/i18n.js';
import {state} from '../lib/state.js';
import * as api from '../lib/api.js';

const kFlag = 1.96;

// The residual's band: its class, and the legend's key.
function band(z) {
  if (z === null || z === undefined || !Number.isFinite(z)) return 'none';
  if (z >= kFlag) return 'high';
  if (z > 0) return 'up';
  if (z <= -kFlag) return 'low';
  return 'down';
}

function decimals(value, digits) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(currentLanguage() === 'nl' ? 'nl-NL' : 'en-GB', {
    minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false,
  }).format(value);
}

function signed(z) {
  if (z === null || z === undefined || !Number.isFinite(z)) return '–';
  return (z > 0 ? '+' : '') + decimals(z, 2);
}

// The i18n key of what a matrix's cells count; `short` leaves out the
// multiple-response wording of the respondent unit.
function unitKey(answer, {short = false} = {}) {
  if (answer.matrix.segment_unit) return 'unit.segments';
  if (answer.matrix.respondent_unit) {
    return answer.multiple_response && !short ? 'unit.respondentResponses' : 'unit.respondents';
  }
  return answer.multiple_response ? 'unit.responses' : 'unit.stories';
}

function csvField(text) {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export class MatrixView {
  constructor({fail, announce}) {
    this.fail = fail;
    this.announce = announce;
    this.section = byId('matrix-view');
    this.result = byId('matrix-result');
    this.header = byId('matrix-header');
    this.quotes = byId('matrix-quotes');
    this.answer = null;
    this.request = 0;
    this.params = {};
    this.cell = null;  // {row, col, group} whose quotes are shown
    for (const id of ['m-rows', 'm-cols', 'm-by', 'm-coders', 'm-combine', 'm-mixed', 'm-role', 'm-kind', 'm-wave',
      'm-set', 'm-unit', 'm-within']) {
      byId(id).addEventListener('change', () => this.#choose());
    }
    for (const radio of document.querySelectorAll('input[name="m-show"]')) {
      radio.addEventListener('change', () => this.#choose());
    }
    byId('matrix-form').addEventListener('submit', (event) => event.preventDefault());
    onLanguage(() => {
      if (!state.project) return;
      this.setProject(state.project);
      if (this.answer) this.#render();
      if (this.cell && this.cellQuotes) this.#renderQuotes(this.cellQuotes);
    });
  }

  // Fills the choices from GET /api/project.
  setProject(project) {
    const dims = project.dimensions || [];
    for (const id of ['m-rows', 'm-cols', 'm-by']) {
      const select = byId(id);
      const value = select.value;
      clear(select);
      select.appendChild(h('option', {value: ''}, id === 'm-by' ? t('byNone') : '—'));
      for (const dim of dims) {
        const label = dim.label && dim.label !== dim.dim ? `${dim.label} (${dim.dim})` : dim.dim;
        select.appendChild(h('option', {value: dim.dim}, label));
      }
      select.value = value;
    }
    const coders = byId('m-coders');
    const chosen = coders.value;
    clear(coders);
    coders.appendChild(h('option', {value: ''}, t('codersDefault')));
    for (const name of project.project_coders || []) coders.appendChild(h('option', {value: name}, name));
    coders.value = chosen;
    // The story filters: the project's roles, the story kinds, its waves.
    for (const [id, values] of [['m-role', project.roles], ['m-kind', project.kinds], ['m-wave', project.waves]]) {
      const select = byId(id);
      const chosen = select.value;
      clear(select);
      select.appendChild(h('option', {value: ''}, t('all')));
      for (const value of values || []) select.appendChild(h('option', {value: String(value)}, String(value)));
      select.value = chosen;
    }
  }

  // The story sets (GET /api/sets) as a filter.
  setSets(sets) {
    this.sets = sets.map((set) => set.name);
    this.#fillSets(this.params.set || byId('m-set').value);
  }

  #fillSets(value) {
    const select = byId('m-set');
    clear(select).appendChild(h('option', {value: ''}, t('all')));
    const names = this.sets || [];
    // A set named in the address but not (yet) listed stays chosen, so the
    // server can say that it does not exist.
    for (const name of value && !names.includes(value) ? [...names, value] : names) {
      select.appendChild(h('option', {value: name}, name));
    }
    select.value = value;
  }

  // The address of the current choice: #matrix?rows=...
  hash() {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(this.params)) if (value) search.set(name, value);
    const text = search.toString();
    return text ? `#matrix?${text}` : '#matrix';
  }

  // Shows the view for the address `hash` (#matrix or #matrix?...).
  async show(hash) {
    const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
    const params = Object.fromEntries(new URLSearchParams(query));
    if (!params.rows && !params.cols && !query) {
      // First visit: the first two code groups (else the first two dimensions).
      const dims = (state.project && state.project.dimensions) || [];
      const codes = dims.filter((d) => d.source === 'code');
      const pick = codes.length >= 2 ? codes : dims;
      if (pick.length >= 2) {
        params.rows = pick[0].dim;
        params.cols = pick[1].dim;
      }
    }
    this.params = params;
    byId('m-rows').value = params.rows || '';
    byId('m-cols').value = params.cols || '';
    byId('m-by').value = params.by || '';
    byId('m-coders').value = params.coders || '';
    byId('m-combine').value = params.combine || '';
    byId('m-mixed').value = params.mixed || '';
    byId('m-role').value = params.role || '';
    byId('m-kind').value = params.kind || '';
    byId('m-wave').value = params.wave || '';
    this.#fillSets(params.set || '');
    byId('m-unit').value = params.unit || '';
    byId('m-within').value = params.within || '';
    byId('m-within').disabled = params.unit !== 'segment';
    for (const radio of document.querySelectorAll('input[name="m-show"]')) {
      radio.checked = radio.value === (params.show || 'count');
    }
    await this.#load();
  }

  // Computes the matrix again (others changed codings), after a pause.
  reload() {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      if (this.answer) this.#load({keepCell: true});
    }, 500);
  }

  #choose() {
    const show = document.querySelector('input[name="m-show"]:checked');
    this.params = {
      rows: byId('m-rows').value,
      cols: byId('m-cols').value,
      by: byId('m-by').value,
      coders: byId('m-coders').value,
      combine: byId('m-combine').value,
      mixed: byId('m-mixed').value,
      role: byId('m-role').value,
      kind: byId('m-kind').value,
      wave: byId('m-wave').value,
      set: byId('m-set').value,
      unit: byId('m-unit').value,
      // Only segments meet; another unit keeps no stale choice.
      within: byId('m-unit').value === 'segment' ? byId('m-within').value : '',
      show: show && show.value !== 'count' ? show.value : '',
    };
    byId('m-within').disabled = this.params.unit !== 'segment';
    history.replaceState(null, '', this.hash());
    if (this.answer && this.#sameQuery()) {
      this.#render();
      return;
    }
    this.#load();
  }

  #query() {
    const {rows, cols, by, coders, combine, mixed, role, kind, wave, set, unit, within} = this.params;
    return {rows, cols, by, coders, combine, mixed, role, kind, wave, set, unit, within};
  }

  #sameQuery() {
    return JSON.stringify(this.#query()) === this.loadedQuery;
  }

  // Fetches the matrix; `keepCell` (a reload after others' changes) keeps
  // the open cell's quotes and lists them again.
  async #load({keepCell = false} = {}) {
    const query = this.#query();
    const cell = keepCell ? this.cell : null;
    this.cell = cell;
    if (!cell) this.quotes.hidden = true;
    if (!query.rows || !query.cols) {
      this.answer = null;
      clear(this.header);
      clear(this.result).appendChild(h('p', {class: 'empty'}, t('matrixChoose')));
      return;
    }
    const ticket = ++this.request;
    this.header.textContent = t('matrixLoading');
    try {
      const answer = await api.getMatrix(query);
      if (ticket !== this.request) return;
      this.answer = answer;
      this.loadedQuery = JSON.stringify(query);
      this.#render();
      if (cell) this.#refreshQuotes(cell);
    } catch (error) {
      if (ticket !== this.request) return;
      this.answer = null;
      clear(this.header);
      clear(this.result);
      this.fail(error);
    }
  }

  // The answers shown: one per coder with combine each, else the one.
  #runs() {
    return this.answer.runs || [this.answer];
  }

  // The coder a run of combine each is for; '' otherwise.
  #coderOf(run) {
    return this.answer.runs && run.coders ? run.coders.names[0] : '';
  }

  // The header: what was counted and whose codings (with combine each: all
  // the coders, each separately, as the CLI describes the selection).
  #headerText(answer) {
    if (answer.runs) {
      const first = answer.runs[0];
      const names = answer.runs.map((run) => run.coders.names[0]);
      return this.#headerText({...first, coders: {...first.coders, names}});
    }
    const unit = t(unitKey(answer));
    let codings = t('headerNoCodings');
    // A DIM that names its coders (code:motivatie@anna) counts where they
    // agree: then each dimension that reads codings says whose, as the CLI does.
    const dims = [answer.dimensions.rows, answer.dimensions.cols, answer.dimensions.by].filter((d) => d && d.codings);
    const named = dims.filter((d) => d.coders && d.coders.length);
    if (named.length) {
      codings = dims.map((d) => `${d.dim}: ${d.coders && d.coders.length
        ? t('headerAgree', {names: d.coders.join(' + '), dim: d.dim})
        : answer.coders ? codersText(answer.coders) : d.codings}`).join('; ');
    } else if (answer.coders) {
      codings = codersText(answer.coders);
    } else if (answer.matrix.codings && !answer.matrix.codings.startsWith('none')) {
      codings = answer.matrix.codings;
    }
    return `${t('headerUnit', {unit})}; ${t('headerCodings', {codings})}`;
  }

  #measure() {
    return this.params.show || 'count';
  }

  // The table as shown, as strings: numbers written by `format(value,
  // digits)` (the page's decimals on screen, decimal points in the CSV).
  #shownTable(table, format) {
    const measure = this.#measure();
    const cells = new Map(table.cells.map((c) => [`${c.row}\u0000${c.col}`, c]));
    const at = (r, c) => cells.get(`${r}\u0000${c}`);
    const total = table.responses;
    const rowTotals = table.row_levels.map((r) => table.col_levels.reduce((sum, c) => sum + at(r, c).count, 0));
    const colTotals = table.col_levels.map((c) => table.row_levels.reduce((sum, r) => sum + at(r, c).count, 0));
    const percent = (part, whole) => (whole ? format(100 * part / whole, 1) : format(NaN, 1));
    const cellText = (cell) => (measure === 'row' ? format(cell.row_percent, 1)
      : measure === 'col' ? format(cell.col_percent, 1) : String(cell.count));
    // A margin: its count, 100 % along the measure's direction, else its share.
    const margin = (n, along) => (measure === 'count' ? String(n) : measure === along ? percent(n, n) : percent(n, total));
    return {
      head: ['', ...table.col_levels, t('total')],
      body: table.row_levels.map((r, i) => ({
        label: r,
        cells: table.col_levels.map((c) => at(r, c)),
        values: table.col_levels.map((c) => cellText(at(r, c))),
        total: margin(rowTotals[i], 'row'),
      })),
      foot: [t('total'), ...colTotals.map((n) => margin(n, 'col')), measure === 'count' ? String(total) : percent(total, total)],
    };
  }

  #render() {
    // A cell that has the focus keeps it when the tables are drawn again.
    const active = document.activeElement;
    const focused = active && active.classList.contains('cell-button') ? {...active.dataset} : null;
    this.#draw();
    if (focused) {
      const again = [...this.result.querySelectorAll('.cell-button')].find((b) =>
        b.dataset.row === focused.row && b.dataset.col === focused.col && b.dataset.group === focused.group &&
        b.dataset.coder === focused.coder);
      if (again) again.focus();
    }
  }

  // The used/left-out line of a table of `answer` in the page's language.
  #usedText(table, comparison, answer) {
    const left = Object.values(table.left_out || {}).reduce((a, b) => a + b, 0);
    const reasons = Object.entries(table.left_out || {}).map(([reason, n]) => {
      const at = reason.lastIndexOf(': ');
      const dim = at >= 0 ? reason.slice(0, at) : '';
      const why = at >= 0 ? reason.slice(at + 2) : reason;
      return `${dim ? `${dim}: ` : ''}${t(`reason.${why}`, {}, why)} ${n}`;
    }).join('; ');
    const used = (answer.matrix.segment_unit
      ? t('usedSegments', {segments: table.segments, used: table.used, cells: table.responses, left})
      : answer.matrix.respondent_unit
        ? (answer.multiple_response && !comparison
          ? t('usedRespondentResponses', {responses: table.responses, used: table.used, left})
          : t('usedRespondents', {used: table.used, left}))
        : answer.multiple_response && !comparison
          ? t('usedResponses', {responses: table.responses, used: table.used, left})
          : t('usedLine', {used: table.used, left})) + (reasons ? `: ${reasons}` : '');
    return used;
  }

  // One table of `answer` with its used line and tests: the matrix (of one
  // group with `by`) or, `comparison`, the groups against the matrix's
  // cells. `coder`: the coder of a run of combine each ('' otherwise), who
  // names the table, its cells and heading.
  #tableBlock(table, text, comparison, answer, coder) {
    const grouped = Boolean(answer.matrix.by);
    const shown = this.#shownTable(table, decimals);
    // The unit's first word, for each cell's name ("4 respondents").
    const unit = t(unitKey(answer, {short: true})).split(' ')[0];
    // The quotes behind a cell are given for stories only (the API says so
    // for the other units), and not for the comparison's cells.
    const quotable = !comparison && !answer.matrix.segment_unit && !answer.matrix.respondent_unit;
    const {rows, cols, by} = answer.matrix;
    const plainCaption = comparison ? t('comparisonCaption', {by})
      : grouped ? t('matrixGroupCaption', {rows, cols, by, group: table.group}) : t('matrixCaption', {rows, cols});
    const caption = coder ? t('coderCaption', {coder, caption: plainCaption}) : plainCaption;
    // With groups (and coders) a cell's name starts with its group (and
    // coder), so each is unique.
    const prefix = (coder ? `${coder}: ` : '') + (grouped && !comparison ? `${table.group}: ` : '');
    const grid = h('table', {class: 'matrix'},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {},
        h('td', {}),
        table.col_levels.map((c) => h('th', {scope: 'col'}, c)),
        h('th', {scope: 'col'}, t('total')))),
      h('tbody', {}, shown.body.map((row) => h('tr', {},
        h('th', {scope: 'row'}, row.label),
        row.cells.map((cell, k) => {
          const z = cell.residual;
          const label = prefix + t('cellLabel', {
            row: cell.row, col: cell.col, count: cell.count, unit,
            rowp: `${decimals(cell.row_percent, 1)}%`, colp: `${decimals(cell.col_percent, 1)}%`,
            z: signed(z), flag: cell.flagged ? t('cellFlag') : '',
          });
          if (!quotable) {
            return h('td', {class: `cell band-${band(z)}`, 'aria-label': label}, row.values[k],
              cell.flagged ? h('span', {class: 'flag', 'aria-hidden': 'true'}, '*') : null);
          }
          const pressed = this.#isOpen({row: cell.row, col: cell.col, group: table.group, coder});
          return h('td', {class: `cell band-${band(z)}`},
            h('button', {
              type: 'button', class: 'cell-button', 'aria-label': label, 'aria-pressed': pressed ? 'true' : 'false',
              'data-row': cell.row, 'data-col': cell.col, 'data-group': table.group, 'data-coder': coder,
              onclick: () => this.openCell(cell.row, cell.col, table.group, coder),
            }, row.values[k], cell.flagged ? h('span', {class: 'flag', 'aria-hidden': 'true'}, '*') : null));
        }),
        h('td', {class: 'total'}, row.total)))),
      h('tfoot', {}, h('tr', {},
        h('th', {scope: 'row'}, shown.foot[0]),
        shown.foot.slice(1).map((value) => h('td', {class: 'total'}, value)))));
    const tests = h('table', {class: 'tests'},
      h('caption', {}, grouped ? t('statisticsOf', {group: comparison ? t('comparison') : table.group}) : t('statistics')),
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t('statistic')), h('th', {scope: 'col'}, t('value')))),
      h('tbody', {}, (text ? text.tests : []).map((row) => h('tr', {},
        h('th', {scope: 'row'}, t(`stat.${row.statistic}`, {}, row.statistic)),
        h('td', {}, currentLanguage() === 'nl' && row.value_nl ? row.value_nl : row.value)))));
    const used = h('p', {class: 'used', id: grouped || coder ? null : 'matrix-used'},
      this.#usedText(table, comparison, answer));
    if (!grouped) return [used, h('div', {class: 'matrix-scroll'}, grid), tests];
    const heading = comparison ? t('comparisonHeading', {by}) : t('groupHeading', {by, group: table.group});
    return h('section', {class: 'matrix-group'},
      h(coder ? 'h4' : 'h3', {}, heading), used, h('div', {class: 'matrix-scroll'}, grid), tests);
  }

  // The blocks of one answer: its tables (one per group with `by`), the
  // comparison, and the line of stories without a group.
  #answerBlocks(answer, coder) {
    // answer.text: per table, then the comparison's.
    const textOf = (table, comparison) =>
      answer.text.find((x) => x.group === table.group && Boolean(x.comparison) === comparison);
    const blocks = answer.matrix.tables.map((table) => this.#tableBlock(table, textOf(table, false), false, answer, coder));
    const comparison = answer.matrix.comparison;
    if (comparison) blocks.push(this.#tableBlock(comparison, textOf(comparison, true), true, answer, coder));
    // Stories without a level of the groups' dimension.
    const without = Object.entries(answer.matrix.left_out_by || {});
    if (answer.matrix.by && without.length) {
      blocks.push(h('p', {class: 'used', id: coder ? null : 'matrix-without-group'}, t('withoutGroup', {
        n: without.reduce((sum, [, n]) => sum + n, 0),
        reasons: without.map(([reason, n]) => {
          const at = reason.lastIndexOf(': ');
          const why = at >= 0 ? reason.slice(at + 2) : reason;
          return `${t(`reason.${why}`, {}, why)} ${n}`;
        }).join('; '),
      })));
    }
    return blocks;
  }

  #draw() {
    const answer = this.answer;
    this.header.textContent = this.#headerText(answer);
    const legend = h('div', {class: 'legend'},
      h('p', {id: 'legend-title'}, t('legend')),
      h('ul', {'aria-labelledby': 'legend-title'}, ['high', 'up', 'down', 'low', 'none'].map((key) =>
        h('li', {}, h('span', {class: `swatch band-${key}`, 'aria-hidden': 'true'}), t(`band.${key}`)))),
      h('p', {class: 'hint'}, t('flagNote')));
    const download = h('button', {type: 'button', id: 'matrix-csv', onclick: () => this.#download()}, t('downloadCsv'));
    clear(this.result);
    if (answer.runs) {
      // combine each: a section per coder, with the heat map of that coder's
      // matrix (`verhaal matrix --coders NAME --svg`).
      this.result.append(legend, h('p', {class: 'downloads'}, download));
      for (const run of answer.runs) {
        const coder = this.#coderOf(run);
        const svg = h('a', {
          class: 'button', href: api.matrixSvgUrl({...this.#query(), coders: coder, combine: ''}),
          download: `matrix-${coder}.svg`.replace(/[^\w.-]+/g, '_'),
        }, t('downloadSvgOf', {coder}));
        const blocks = this.#answerBlocks(run, coder).flat();
        this.result.append(h('section', {class: 'matrix-coder'},
          h('h3', {}, t('coderHeading', {coder})), ...blocks, h('p', {class: 'downloads'}, svg)));
      }
      return;
    }
    const blocks = this.#answerBlocks(answer, '');
    // The heat map of `verhaal matrix --svg` for the same choice.
    const svg = h('a', {class: 'button', href: api.matrixSvgUrl(this.#query()), download: 'matrix.svg'}, t('downloadSvg'));
    // Without groups: the used line, the table, the legend, the downloads,
    // the tests (as before); with groups each table is a section.
    if (!answer.matrix.by) {
      const [used, grid, tests] = blocks[0];
      this.result.append(used, grid, legend, h('p', {class: 'downloads'}, download, ' ', svg), tests);
      return;
    }
    this.result.append(legend, h('p', {class: 'downloads'}, download, ' ', svg), ...blocks);
  }

  // The tables as shown, as CSV (decimal points, whatever the page's
  // language). With groups each table follows the one before after an empty
  // line, its group in its first cell, the comparison last.
  // With combine each, each coder's tables in turn, `coder NAME` in their
  // first cell.
  csv() {
    const plain = (value, digits) => (value === null || !Number.isFinite(value) ? '' : value.toFixed(digits));
    const blocks = this.#runs().flatMap((run) => {
      const coder = this.#coderOf(run);
      const matrix = run.matrix;
      const tables = matrix.comparison ? [...matrix.tables, matrix.comparison] : matrix.tables;
      return tables.map((table, i) => {
        const shown = this.#shownTable(table, plain);
        const group = !matrix.by ? '' : i < matrix.tables.length ? `${matrix.by}: ${table.group}` : 'comparison';
        shown.head[0] = [coder ? `coder ${coder}` : '', group].filter(Boolean).join(', ');
        const lines = [shown.head, ...shown.body.map((row) => [row.label, ...row.values, row.total]), shown.foot];
        return lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
      });
    });
    return blocks.join('\r\n');
  }

  #download() {
    const blob = new Blob([this.csv()], {type: 'text/csv;charset=utf-8'});
    const url = URL.createObjectURL(blob);
    const name = `matrix-${this.params.rows}-${this.params.cols}`.replace(/[^\w.-]+/g, '_');
    const link = h('a', {href: url, download: `${name}.csv`, hidden: true});
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  // The query of the quotes of `cell`: with combine each, its coder's.
  #quotesQuery(cell) {
    const {row, col, group, coder} = cell;
    return {...this.#query(), ...(coder ? {coders: coder, combine: ''} : {}), row, col, group};
  }

  // Lists the quotes behind the cell at `row` × `col` (of `group` with `by`;
  // of `coder`'s matrix with combine each).
  async openCell(row, col, group = '', coder = '') {
    this.cell = {row, col, group, coder};
    for (const button of this.result.querySelectorAll('.cell-button')) {
      const {dataset} = button;
      button.setAttribute('aria-pressed', String(dataset.row === row && dataset.col === col && dataset.group === group &&
        (dataset.coder || '') === coder));
    }
    try {
      const quotes = await api.getMatrixQuotes(this.#quotesQuery(this.cell));
      if (!this.#isOpen({row, col, group, coder})) return;
      this.cellQuotes = quotes;
      this.#renderQuotes(quotes);
      byId('quotes-heading').focus();
      this.announce(t('quotesCount', {n: quotes.stories}));
    } catch (error) {
      this.fail(error);
    }
  }

  #isOpen({row, col, group, coder = ''}) {
    return Boolean(this.cell) && this.cell.row === row && this.cell.col === col && this.cell.group === group &&
      (this.cell.coder || '') === coder;
  }

  // Lists the open cell's quotes again, quietly (no focus move).
  async #refreshQuotes(cell) {
    try {
      const quotes = await api.getMatrixQuotes(this.#quotesQuery(cell));
      if (!this.#isOpen(cell)) return;
      this.cellQuotes = quotes;
      this.#renderQuotes(quotes);
    } catch (error) {
      this.fail(error);
    }
  }

  #renderQuotes(quotes) {
    this.quotes.hidden = false;
    // The group of `by` and, with combine each, the coder.
    const of = [this.cell && this.cell.coder, quotes.group].filter(Boolean).join(', ');
    byId('quotes-heading').textContent = of
      ? t('quotesOfGroup', {row: quotes.row, col: quotes.col, group: of})
      : t('quotesOf', {row: quotes.row, col: quotes.col});
    const count = t('quotesCount', {n: quotes.stories});
    byId('quotes-count').textContent = quotes.more
      ? `${count}; ${t('quotesMore', {shown: new Set(quotes.quotes.map((q) => q.story)).size})}`
      : count;
    const list = clear(byId('quotes-list'));
    if (!quotes.quotes.length) {
      list.appendChild(h('li', {class: 'empty'}, t('quotesNone')));
      return;
    }
    for (const quote of quotes.quotes) {
      const href = `#story=${encodeURIComponent(quote.story)}&at=${quote.start}-${quote.end}`;
      const who = [quote.respondent, quote.coder ? t('quoteBy', {coder: quote.coder}) : t('quoteOpening'), quote.code]
        .filter(Boolean).join(' · ');
      list.appendChild(h('li', {},
        h('a', {href, 'aria-label': t('quoteLink', {story: quote.story, text: quote.text})},
          h('span', {class: 'key'}, quote.story),
          h('span', {class: 'who'}, who),
          h('q', {}, quote.text))));
    }
  }
}
