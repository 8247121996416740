// The Matrix view on the example study (examples/statushouders, built with
// `verhaal run`): motivation against communication style as docs/matrix.md
// asks for it; the numbers on the page are those of `verhaal matrix --format
// json`; a cell (by click or Enter) lists its quotes, a quote opens the story
// with the passage marked and in view; the CSV download is the table as
// shown; axe-core finds nothing serious; the Dutch labels.

import {test, expect} from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {serve, signIn, api, verhaal, sourceDir, verhaalBin} from './support/workbench.js';

let server;
let project;

test.beforeAll(async () => {
  test.setTimeout(240_000);  // verhaal run writes every export of the study
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'verhaal-matrix-'));
  execFileSync(verhaalBin, ['run', path.join(sourceDir, 'examples/statushouders/study.yaml'), '--out', out], {stdio: 'pipe'});
  project = path.join(out, 'statushouders.verhaal');
  server = await serve(project, ['--coders', 'anna,bram']);
});
test.afterAll(async () => {
  await server?.stop();
});

const rows = 'code:motivatie';
const cols = 'code:communicatiestijl';

// `verhaal matrix --rows ... --cols ... --format json`, as the CLI prints it.
function cliMatrix(...extra) {
  return JSON.parse(verhaal(project, 'matrix', '--rows', rows, '--cols', cols, ...extra, '--format', 'json'));
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const cellButton = (page, row, col) => page.getByRole('button', {name: new RegExp(`^${escape(row)} × ${escape(col)}: `)});

async function openMatrix(page, lang = 'en') {
  await signIn(page, server, 'anna');
  await page.getByRole('link', {name: 'Matrix', exact: true}).click();
  await expect(page.getByRole('heading', {level: 2, name: 'Matrix'})).toBeVisible();
  await page.getByLabel(lang === 'nl' ? 'Rijen' : 'Rows').selectOption(rows);
  await page.getByLabel(lang === 'nl' ? 'Kolommen' : 'Columns').selectOption(cols);
  const caption = lang === 'nl' ? /motivatie \(rijen\) × communicatiestijl \(kolommen\)/ : /motivatie \(rows\) × communicatiestijl \(columns\)/;
  const table = page.getByRole('table', {name: caption});
  await expect(table).toBeVisible();
  return table;
}

test('the numbers on the page are those of verhaal matrix --format json', async ({page}) => {
  const table = await openMatrix(page);
  const cli = cliMatrix();
  const tab = cli.tables[0];
  expect(tab.cells.length).toBeGreaterThanOrEqual(4);
  for (const cell of tab.cells) {
    await expect(cellButton(page, cell.row, cell.col)).toHaveText(`${cell.count}${cell.flagged ? '*' : ''}`);
  }
  // Row and column totals, and the grand total.
  const total = table.getByRole('row', {name: /^Total/});
  await expect(total.getByRole('cell').last()).toHaveText(String(tab.responses));
  // The header: what was counted and whose codings, as the CLI says it.
  await expect(page.getByText(/^Counted: stories; codings: anna, bram \(the analysis set\), combined: any coder$/)).toBeVisible();
  expect(cli.codings).toContain('codings of anna, bram (the analysis set), combined: any coder');
  await expect(page.getByText(`${tab.used} stories used`, {exact: false})).toBeVisible();
  // The tests in the CLI's words: every line is one `verhaal matrix` prints.
  const text = verhaal(project, 'matrix', '--rows', rows, '--cols', cols);
  const tests = page.getByRole('table', {name: 'Tests'});
  await expect(tests.getByRole('row', {name: /^chi-square X2 = /})).toBeVisible();
  for (const row of await tests.getByRole('row').all()) {
    const cells = await row.getByRole('cell').allTextContents();
    if (cells.length) expect(text).toContain(cells[0]);
  }
  await expect(tests.getByRole('row', {name: /Cramér's V/})).toContainText(tab.tests.computed ? tab.tests.cramers_v.toFixed(3) : '');
  // Row % and column %.
  await page.getByRole('radio', {name: 'Row %'}).check();
  for (const cell of tab.cells) {
    await expect(cellButton(page, cell.row, cell.col)).toHaveText(`${cell.row_percent === null ? '–' : cell.row_percent.toFixed(1)}${cell.flagged ? '*' : ''}`);
  }
  await page.getByRole('radio', {name: 'Column %'}).check();
  for (const cell of tab.cells) {
    await expect(cellButton(page, cell.row, cell.col)).toHaveText(`${cell.col_percent === null ? '–' : cell.col_percent.toFixed(1)}${cell.flagged ? '*' : ''}`);
  }
  // Each cell says its residual in words; the legend names the bands.
  const first = tab.cells[0];
  await expect(cellButton(page, first.row, first.col)).toHaveAccessibleName(new RegExp(`residual ${first.residual === null ? '–' : (first.residual > 0 ? '\\+' : '') + escape(first.residual.toFixed(2))}`));
  await expect(page.getByRole('list', {name: /Shading: adjusted residual/})).toContainText('more than expected (z ≥ 1.96)');
  // Consensus and one coder: again the CLI's numbers.
  await page.getByLabel('Coders').selectOption('bram');
  const bram = cliMatrix('--coders', 'bram').tables[0];
  for (const cell of bram.cells) {
    await expect(cellButton(page, cell.row, cell.col)).toHaveText(`${cell.col_percent === null ? '–' : cell.col_percent.toFixed(1)}${cell.flagged ? '*' : ''}`);
  }
  await page.getByRole('radio', {name: 'Counts'}).check();
  await page.getByLabel('Coders').selectOption('');
  await page.getByLabel('Combined').selectOption('all');
  const all = cliMatrix('--combine', 'all').tables[0];
  for (const cell of all.cells) {
    await expect(cellButton(page, cell.row, cell.col)).toHaveText(`${cell.count}${cell.flagged ? '*' : ''}`);
  }
  await expect(page.getByText(/combined: all 2 coders$/)).toBeVisible();
});

test('a cell lists its quotes and a quote opens the story at the passage', async ({page}) => {
  await openMatrix(page);
  const cell = cellButton(page, 'willen', 'aanmoedigend');
  await cell.click();
  await expect(page.getByRole('heading', {name: 'Quotes: willen × aanmoedigend'})).toBeFocused();
  const {json} = await api(server, 'anna', 'GET', `/api/matrix/quotes?rows=${encodeURIComponent(rows)}&cols=${encodeURIComponent(cols)}&row=willen&col=aanmoedigend`);
  const count = cliMatrix().tables[0].cells.find((c) => c.row === 'willen' && c.col === 'aanmoedigend').count;
  expect(json.stories).toBe(count);
  expect(json.quotes.length).toBeGreaterThanOrEqual(count);
  const region = page.getByRole('region', {name: 'Quotes: willen × aanmoedigend'});
  const list = region.getByRole('list');
  await expect(list.getByRole('link')).toHaveCount(json.quotes.length);
  await expect(region.getByText(count === 1 ? '1 story in this cell' : `${count} stories in this cell`)).toBeVisible();
  const quote = json.quotes.find((q) => q.code) || json.quotes[0];
  expect(quote.coder === 'anna' || quote.coder === 'bram').toBe(true);
  const link = list.getByRole('link', {name: `${quote.story}: “${quote.text}”`}).first();
  await expect(link).toContainText(quote.text);
  await expect(link).toContainText(quote.coder);

  await link.click();
  await expect(page).toHaveURL(new RegExp(`#story=${escape(encodeURIComponent(quote.story))}&at=${quote.start}-${quote.end}$`));
  const story = page.getByRole('textbox', {name: 'Story text'});
  await expect(story).toBeVisible();
  const passage = story.locator('mark.passage');
  await expect(passage.first()).toBeInViewport();
  const marked = (await passage.allTextContents()).join('');
  expect(marked.replace(/\s+/g, ' ')).toBe(quote.text.replace(/\s+/g, ' '));
  // The Matrix link returns to the same matrix.
  await page.getByRole('link', {name: 'Matrix', exact: true}).click();
  await expect(cellButton(page, 'willen', 'aanmoedigend')).toBeVisible();
  await expect(page.getByLabel('Rows')).toHaveValue(rows);

  // By keyboard: Tab to a cell, Enter lists its quotes.
  await cellButton(page, 'moeten', 'dwingend').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', {name: 'Quotes: moeten × dwingend'})).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('region', {name: 'Quotes: moeten × dwingend'}).getByRole('link').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', {name: 'Story text'}).locator('mark.passage').first()).toBeInViewport();
});

test('Download CSV saves the table as shown', async ({page}) => {
  await openMatrix(page);
  const tab = cliMatrix().tables[0];
  const csvOf = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', {name: 'Download CSV'}).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    return fs.readFileSync(await download.path(), 'utf8');
  };
  const count = (r, c) => tab.cells.find((cell) => cell.row === r && cell.col === c);
  let lines = (await csvOf()).trimEnd().split('\r\n');
  expect(lines[0]).toBe(['', ...tab.col_levels, 'Total'].join(','));
  tab.row_levels.forEach((r, i) => {
    const values = tab.col_levels.map((c) => count(r, c).count);
    expect(lines[i + 1]).toBe([r, ...values, values.reduce((a, b) => a + b, 0)].join(','));
  });
  expect(lines[lines.length - 1].split(',').pop()).toBe(String(tab.responses));
  await page.getByRole('radio', {name: 'Row %'}).check();
  lines = (await csvOf()).trimEnd().split('\r\n');
  tab.row_levels.forEach((r, i) => {
    const values = tab.col_levels.map((c) => (count(r, c).row_percent === null ? '' : count(r, c).row_percent.toFixed(1)));
    expect(lines[i + 1].split(',').slice(0, -1)).toEqual([r, ...values]);
  });
});

async function seriousViolations(page) {
  const results = await new AxeBuilder({page}).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

test('axe-core finds no serious or critical violations in the Matrix view', async ({page}) => {
  test.setTimeout(240_000);
  await openMatrix(page);
  expect(await seriousViolations(page)).toEqual([]);
  await cellButton(page, 'willen', 'aanmoedigend').click();
  await expect(page.getByRole('heading', {name: 'Quotes: willen × aanmoedigend'})).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the open matrix follows another coder\'s codings', async ({page}) => {
  await openMatrix(page);
  await cellButton(page, 'willen', 'aanmoedigend').click();
  // The quotes are listed when their heading takes the focus.
  await expect(page.getByRole('heading', {name: 'Quotes: willen × aanmoedigend'})).toBeFocused();
  const region = page.getByRole('region', {name: 'Quotes: willen × aanmoedigend'});
  const before = await region.getByRole('link').count();
  expect(before).toBeGreaterThan(0);
  const {json: story} = await api(server, 'bram', 'GET', '/api/stories/SH-01-E');
  const words = story.text.slice(0, 11);
  const added = await api(server, 'bram', 'POST', '/api/stories/SH-01-E/codings',
    {code: 'communicatiestijl/aanmoedigend', start: 0, end: [...words].length});
  expect(added.status).toBe(201);
  await expect(region.getByRole('link')).toHaveCount(before + 1);
  await expect(region.getByRole('link', {name: `SH-01-E: “${words}”`})).toBeVisible();
  await expect(cellButton(page, 'willen', 'aanmoedigend')).toHaveAttribute('aria-pressed', 'true');
});

test('each coder separately: each coder\'s matrix is that of verhaal matrix --coders NAME', async ({page}) => {
  await openMatrix(page);
  await page.getByLabel('Combined').selectOption('each');
  await expect(page).toHaveURL(/combine=each/);
  // The header names the coders as the CLI's --combine each does.
  await expect(page.getByText(/^Counted: stories; codings: anna, bram \(the analysis set\), combined: each coder separately$/)).toBeVisible();
  const text = verhaal(project, 'matrix', '--rows', rows, '--cols', cols, '--combine', 'each');
  expect(text).toContain('codings of anna (the analysis set), combined: each coder separately');
  for (const coder of ['anna', 'bram']) {
    expect(text).toContain(`coder ${coder} (--combine each)`);
    await expect(page.getByRole('heading', {level: 3, name: `Coder ${coder}`})).toBeVisible();
    const table = page.getByRole('table', {name: `${coder}: motivatie (rows) × communicatiestijl (columns)`});
    await expect(table).toBeVisible();
    const tab = cliMatrix('--coders', coder).tables[0];
    for (const cell of tab.cells) {
      await expect(table.getByRole('button', {name: new RegExp(`^${coder}: ${escape(cell.row)} × ${escape(cell.col)}: `)}))
        .toHaveText(`${cell.count}${cell.flagged ? '*' : ''}`);
    }
    const total = table.getByRole('row', {name: /^Total/});
    await expect(total.getByRole('cell').last()).toHaveText(String(tab.responses));
    await expect(page.getByRole('link', {name: `Download the chart of ${coder} (SVG)`})).toBeVisible();
  }
  // A cell of bram's matrix lists bram's passages.
  const bram = cliMatrix('--coders', 'bram').tables[0];
  const cell = bram.cells.find((c) => c.count > 0);
  await page.getByRole('button', {name: new RegExp(`^bram: ${escape(cell.row)} × ${escape(cell.col)}: `)}).click();
  const name = `Quotes: ${cell.row} × ${cell.col} (bram)`;
  await expect(page.getByRole('heading', {name})).toBeFocused();
  await expect(page.locator('#quotes-count')).toHaveText(cell.count === 1 ? '1 story in this cell' : `${cell.count} stories in this cell`);
  const links = page.getByRole('region', {name}).getByRole('link');
  expect(await links.count()).toBeGreaterThanOrEqual(cell.count);
  for (const who of await page.getByRole('region', {name}).locator('.who').allTextContents()) {
    expect(who).not.toContain('coded by anna');
  }
  // The CSV: each coder's table, the coder in its first cell.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', {name: 'Download CSV'}).click(),
  ]);
  const lines = fs.readFileSync(await download.path(), 'utf8').split('\r\n');
  for (const coder of ['anna', 'bram']) {
    const tab = cliMatrix('--coders', coder).tables[0];
    const head = lines.indexOf([`coder ${coder}`, ...tab.col_levels, 'Total'].join(','));
    expect(head).toBeGreaterThanOrEqual(0);
    tab.row_levels.forEach((r, i) => {
      const values = tab.col_levels.map((c) => tab.cells.find((x) => x.row === r && x.col === c).count);
      expect(lines[head + 1 + i]).toBe([r, ...values, values.reduce((a, b) => a + b, 0)].join(','));
    });
  }
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe('in Dutch', () => {
  test.use({locale: 'nl-NL'});

  test('the Matrix view speaks Dutch', async ({page}) => {
    await openMatrix(page, 'nl');
    for (const name of ['Rijen', 'Kolommen', 'Groepen', 'Codeurs']) await expect(page.getByLabel(name)).toBeVisible();
    for (const name of ['Aantallen', 'Rij-%', 'Kolom-%']) await expect(page.getByRole('radio', {name})).toBeVisible();
    await expect(page.getByText(/^Geteld: verhalen; coderingen: anna, bram \(de analyseset\)/)).toBeVisible();
    await expect(page.getByRole('table', {name: 'Toetsen'})).toContainText('exacte toets van Fisher');
    // The tests' values in Dutch words (the server's English before).
    const tests = page.getByRole('table', {name: 'Toetsen'});
    await expect(tests).toContainText(/χ² = \d+,\d{3}, df = \d+, p = /);
    if (!cliMatrix().tables[0].tests.cochran.satisfied) await expect(tests).toContainText('onbetrouwbaar: verwachte aantallen te klein');
    for (const word of ['X2 =', 'unreliable', 'expected', 'exact test', 'smallest', 'draws']) {
      await expect(tests).not.toContainText(word);
    }
    await expect(page.getByRole('button', {name: 'CSV downloaden'})).toBeVisible();
    await page.getByRole('radio', {name: 'Rij-%'}).check();
    const cell = cliMatrix().tables[0].cells.find((c) => c.row === 'willen' && c.col === 'aanmoedigend');
    await expect(cellButton(page, 'willen', 'aanmoedigend')).toHaveText(`${cell.row_percent.toFixed(1).replace('.', ',')}${cell.flagged ? '*' : ''}`);
    await cellButton(page, 'willen', 'aanmoedigend').click();
    await expect(page.getByRole('heading', {name: 'Citaten: willen × aanmoedigend'})).toBeVisible();
    // Each coder separately.
    await page.getByLabel('Samengenomen').selectOption({label: 'elke codeur apart'});
    for (const coder of ['anna', 'bram']) {
      await expect(page.getByRole('heading', {level: 3, name: `Codeur ${coder}`})).toBeVisible();
      await expect(page.getByRole('link', {name: `Grafiek van ${coder} downloaden (SVG)`})).toBeVisible();
    }
    await expect(page.getByText(/^Geteld: verhalen; coderingen: anna, bram \(de analyseset\), samengenomen: elke codeur apart$/)).toBeVisible();
  });

  test('a dimension that names its coders is described in Dutch', async ({page}) => {
    await openMatrix(page, 'nl');
    await page.goto(`${server.base}/#matrix?rows=${encodeURIComponent(`${rows}@anna`)}&cols=${encodeURIComponent(cols)}`);
    const header = page.locator('#matrix-header');
    await expect(header).toContainText(`coderingen: ${rows}@anna: coderingen van anna waar ze het eens zijn (${rows}@anna); ${cols}: anna, bram (de analyseset)`);
    for (const word of ['codings of', 'where they agree', 'analysis set', 'combined']) await expect(header).not.toContainText(word);
    // The same for the groups' dimension (`--by code:motivatie@anna`), as the CLI's header says it.
    await page.goto(`${server.base}/#matrix?rows=dyad:motivatie&cols=dyad:stijl&by=${encodeURIComponent(`${rows}@anna`)}`);
    expect(verhaal(project, 'matrix', '--rows', 'dyad:motivatie', '--cols', 'dyad:stijl', '--by', `${rows}@anna`))
      .toContain(`codings: ${rows}@anna: codings of anna where they agree (${rows}@anna)`);
    await expect(header).toHaveText(`Geteld: verhalen; coderingen: ${rows}@anna: coderingen van anna waar ze het eens zijn (${rows}@anna)`);
  });
});

test('counting respondents or coded segments gives the numbers of verhaal matrix --unit', async ({page}) => {
  await openMatrix(page);
  const cellOf = (row, col) => page.getByRole('cell', {name: new RegExp(`^${escape(row)} × ${escape(col)}: `)});
  await expect(page.getByLabel('Segments meet')).toBeDisabled();
  // The chart as `verhaal matrix --svg` draws it, downloaded from the link.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', {name: 'Download chart (SVG)'}).click(),
  ]);
  expect(download.suggestedFilename()).toBe('matrix.svg');
  const svg = fs.readFileSync(await download.path(), 'utf8');
  expect(svg).toContain('<title>motivatie x communicatiestijl</title>');

  await page.getByLabel('Count', {exact: true}).selectOption('respondent');
  const people = cliMatrix('--unit', 'respondent').tables[0];
  await expect(page.locator('#matrix-used')).toContainText(`${people.used} respondents used`);
  for (const cell of people.cells) {
    await expect(cellOf(cell.row, cell.col)).toHaveText(`${cell.count}${cell.flagged ? '*' : ''}`);
  }
  // Quotes are given for stories only: the cells are no buttons here.
  await expect(page.locator('#matrix-result .cell-button')).toHaveCount(0);

  await page.getByLabel('Count', {exact: true}).selectOption('segment');
  await expect(page.getByLabel('Segments meet')).toBeEnabled();
  await page.getByLabel('Segments meet').selectOption('sentence');
  const segments = cliMatrix('--unit', 'segment', '--within', 'sentence').tables[0];
  await expect(page.locator('#matrix-used')).toContainText(`${segments.segments} segments from ${segments.used} stories used`);
  for (const cell of segments.cells) {
    await expect(cellOf(cell.row, cell.col)).toHaveText(String(cell.count));
  }
  await expect(page).toHaveURL(/unit=segment/);
  await expect(page).toHaveURL(/within=sentence/);

  // The story filters: kind as `--kind`.
  await page.getByLabel('Count', {exact: true}).selectOption('');
  await page.locator('#matrix-view').getByLabel('Kind').selectOption('reflection');
  const reflections = cliMatrix('--kind', 'reflection').tables[0];
  await expect(page.locator('#matrix-used')).toContainText(`${reflections.used} stories used`);
  await expect(page).toHaveURL(/kind=reflection/);
});

test('one matrix per group, as verhaal matrix --by, with its quotes and the comparison', async ({page}) => {
  await openMatrix(page);
  await page.locator('#matrix-view').getByLabel('Role').selectOption('statushouder');
  await page.getByLabel('Groups').selectOption('var:gemeente');
  await expect(page).toHaveURL(/by=var%3Agemeente/);
  const cli = cliMatrix('--by', 'var:gemeente', '--role', 'statushouder');
  expect(cli.tables.length).toBeGreaterThanOrEqual(2);
  for (const tab of cli.tables) {
    const table = page.getByRole('table', {name: `${cli.by} = ${tab.group}: motivatie (rows) × communicatiestijl (columns)`});
    await expect(table).toBeVisible();
    for (const cell of tab.cells) {
      const button = table.getByRole('button', {name: new RegExp(`^${escape(tab.group)}: ${escape(cell.row)} × ${escape(cell.col)}: `)});
      await expect(button).toHaveText(`${cell.count}${cell.flagged ? '*' : ''}`);
    }
    await expect(page.getByRole('heading', {level: 3, name: `${cli.by} = ${tab.group}`})).toBeVisible();
  }
  // The comparison: the groups against the matrix's cells, with its tests.
  const comparison = page.getByRole('table', {name: `${cli.by} (rows) × the matrix cells (columns)`});
  await expect(comparison).toBeVisible();
  for (const cell of cli.comparison.cells) {
    await expect(comparison.getByRole('cell', {name: new RegExp(`^${escape(cell.row)} × ${escape(cell.col)}: `)}))
      .toHaveText(`${cell.count}${cell.flagged ? '*' : ''}`);
  }
  await expect(comparison.getByRole('button')).toHaveCount(0);
  const tests = page.getByRole('table', {name: 'Tests: comparison'});
  await expect(tests.getByRole('row', {name: /Cramér's V/})).toContainText(cli.comparison.tests.cramers_v.toFixed(3));

  // A cell of one group lists that group's stories only.
  const tab = cli.tables.find((x) => x.cells.some((c) => c.row === 'willen' && c.col === 'aanmoedigend' && c.count > 0));
  const count = tab.cells.find((c) => c.row === 'willen' && c.col === 'aanmoedigend').count;
  await page.getByRole('button', {name: new RegExp(`^${escape(tab.group)}: willen × aanmoedigend: `)}).click();
  const heading = page.getByRole('heading', {name: `Quotes: willen × aanmoedigend (${tab.group})`});
  await expect(heading).toBeFocused();
  await expect(page.locator('#quotes-count')).toHaveText(count === 1 ? '1 story in this cell' : `${count} stories in this cell`);
  const region = page.getByRole('region', {name: `Quotes: willen × aanmoedigend (${tab.group})`});
  expect(await region.getByRole('link').count()).toBeGreaterThanOrEqual(count);

  // The CSV: each group's table (its group in the first cell), then the comparison.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', {name: 'Download CSV'}).click(),
  ]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  const lines = csv.split('\r\n');
  for (const group of cli.tables.map((x) => x.group)) expect(lines).toContain(`${cli.by}: ${group},dwingend,aanmoedigend,Total`);
  expect(lines.some((line) => line.startsWith('comparison,moeten / dwingend,'))).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
});
