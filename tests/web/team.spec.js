// The Team view on the example study (examples/statushouders, built with
// `verhaal run`): each coder's work; the agreement table shows the numbers of
// `verhaal agreement --format json`; anna's and bram's disagreements on one
// story are listed side by side, and the lead (anna, the first of --coders)
// settles one, which writes the `consensus` coding (checked through the API
// and `verhaal show`); bram, not the lead, sees the decisions without
// buttons and gets 403; an open Team view follows the lead's decisions;
// keyboard; choosing segments one by one (Edit…); axe-core; the Dutch labels.

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
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'verhaal-team-'));
  execFileSync(verhaalBin, ['run', path.join(sourceDir, 'examples/statushouders/study.yaml'), '--out', out], {stdio: 'pipe'});
  project = path.join(out, 'statushouders.verhaal');
  server = await serve(project, ['--coders', 'anna,bram']);
});
test.afterAll(async () => {
  await server?.stop();
});

// `verhaal agreement ARGS --format json`, as the CLI prints it.
function cliAgreement(...args) {
  return JSON.parse(verhaal(project, 'agreement', ...args, '--format', 'json'));
}

async function openTeam(page, coder = 'anna') {
  await signIn(page, server, coder);
  await page.getByRole('link', {name: 'Team', exact: true}).click();
  await expect(page.getByRole('heading', {level: 2, name: 'Team'})).toBeVisible();
}

const disagreement = (page, story, code) => page.getByRole('article', {name: `${story} · ${code}`});

test('the agreement table shows the numbers of verhaal agreement', async ({page}) => {
  await openTeam(page);
  const coders = page.getByRole('table', {name: 'Stories coded and codings made per coder'});
  await expect(coders.getByRole('row', {name: /^anna 16 \d+$/})).toBeVisible();
  await expect(coders.getByRole('row', {name: /^rules \(rules\) \d+ \d+$/})).toBeVisible();
  const table = page.getByRole('table', {name: /^Agreement of anna, bram \(presence of a code in a story\)/});
  await expect(table).toBeVisible();
  const cli = cliAgreement('--coders', 'anna,bram');
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(cli.length);
  const shown = (value) => (typeof value === 'number' ? value.toFixed(4) : '–');
  for (let i = 0; i < cli.length; ++i) {
    const row = rows.nth(i);
    await expect(row.getByRole('rowheader')).toHaveText(cli[i].code);
    const cells = row.getByRole('cell');
    await expect(cells.nth(0)).toHaveText(cli[i].coders);
    await expect(cells.nth(1)).toHaveText(String(cli[i].n));
    const values = ['agreement', 'kappa', 'fleiss', 'ac1', 'alpha'].map((name) => shown(cli[i][name]));
    for (let k = 0; k < values.length; ++k) await expect(cells.nth(2 + k)).toHaveText(values[k]);
  }
});

test('anna\'s and bram\'s disagreements on SH-09-E are listed and settling one writes the consensus coding', async ({page}) => {
  await openTeam(page);
  const cli = cliAgreement('--coders', 'anna,bram', '--disagreements').filter((d) => d.story === 'SH-09-E');
  expect(cli.length).toBeGreaterThanOrEqual(2);
  for (const d of cli) await expect(disagreement(page, 'SH-09-E', d.code)).toBeVisible();
  const moeten = disagreement(page, 'SH-09-E', 'motivatie/moeten');
  await expect(moeten.getByRole('heading', {name: 'A: anna — coded'})).toBeVisible();
  await expect(moeten.getByRole('heading', {name: 'B: bram — not coded'})).toBeVisible();
  await expect(moeten.getByRole('link', {name: /^anna, motivatie\/moeten: “Ik ga elke dag, omdat het moet/})).toBeVisible();
  await expect(moeten).toContainText('Not settled yet.');

  await moeten.getByRole('button', {name: 'Take A'}).click();
  await expect(moeten).toContainText(/Decided by anna, .*: Take A/);
  await expect(moeten.getByRole('button', {name: 'Take A'})).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status')).toHaveText('Settled SH-09-E · motivatie/moeten: Take A');

  // The consensus coder's coding, through the API and the CLI.
  const {json: story} = await api(server, 'bram', 'GET', '/api/stories/SH-09-E');
  const consensus = story.codings.filter((c) => c.coder === 'consensus');
  expect(consensus.map((c) => [c.code, c.origin])).toEqual([['motivatie/moeten', 'consensus:anna']]);
  const anna = story.codings.find((c) => c.coder === 'anna' && c.code === 'motivatie/moeten');
  expect([consensus[0].start, consensus[0].end]).toEqual([anna.start, anna.end]);
  const shown = verhaal(project, 'show', 'SH-09-E');
  expect(shown).toMatch(/consensus/);
  expect(shown).toMatch(/motivatie\/moeten/);
});

test('bram, not the lead, sees the decisions but cannot settle', async ({page}) => {
  await openTeam(page, 'bram');
  await expect(page.getByText('The lead, anna, settles the disagreements.')).toBeVisible();
  await expect(page.getByText('Only the lead (anna) settles disagreements.')).toBeVisible();
  const moeten = disagreement(page, 'SH-09-E', 'motivatie/moeten');
  await expect(moeten).toContainText(/Decided by anna, .*: Take A/);
  await expect(page.getByRole('button', {name: 'Take A'})).toHaveCount(0);
  await expect(page.getByRole('button', {name: 'Neither'})).toHaveCount(0);
  const refused = await api(server, 'bram', 'POST', '/api/team/settle',
    {story: 'SH-15-E', code: 'motivatie/moeten', coder_a: 'anna', coder_b: 'bram', decision: 'take_b'});
  expect(refused.status).toBe(403);
  expect(refused.json.error).toMatch(/^only the lead \(anna\) settles disagreements; you are bram/);
});

test('an open Team view shows the lead\'s decisions as they are made', async ({page}) => {
  await openTeam(page, 'bram');
  const item = disagreement(page, 'SH-15-E', 'motivatie/moeten');
  await expect(item).toContainText('Not settled yet.');
  const settled = await api(server, 'anna', 'POST', '/api/team/settle',
    {story: 'SH-15-E', code: 'motivatie/moeten', coder_a: 'anna', coder_b: 'bram', decision: 'neither'});
  expect(settled.status).toBe(200);
  await expect(item).toContainText(/Decided by anna, .*: Neither/);
});

test('the lead settles with the keyboard', async ({page}) => {
  await openTeam(page);
  const item = disagreement(page, 'SH-16-E', 'motivatie/moeten');
  const both = item.getByRole('button', {name: 'Both'});
  await both.focus();
  await page.keyboard.press('Enter');
  await expect(item).toContainText(/Decided by anna, .*: Both/);
  await expect(both).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(item.getByRole('button', {name: 'Take B'})).toBeFocused();
  await page.keyboard.press('Space');
  await expect(item).toContainText(/Decided by anna, .*: Take B/);
  const {json: story} = await api(server, 'anna', 'GET', '/api/stories/SH-16-E');
  const bram = story.codings.filter((c) => c.coder === 'bram' && c.code === 'motivatie/moeten');
  const consensus = story.codings.filter((c) => c.coder === 'consensus' && c.code === 'motivatie/moeten');
  expect(consensus.map((c) => [c.start, c.end])).toEqual(bram.map((c) => [c.start, c.end]));
});

test('the lead picks the consensus segments one by one with Edit…', async ({page}) => {
  await openTeam(page);
  const item = disagreement(page, 'SH-15-E', 'motivatie/willen');
  const edit = item.getByRole('button', {name: 'Edit…'});
  await expect(edit).toHaveAttribute('aria-expanded', 'false');
  await edit.click();
  await expect(edit).toHaveAttribute('aria-expanded', 'true');
  const editor = item.getByRole('group', {name: 'Consensus segments for SH-15-E · motivatie/willen'});
  const box = editor.getByRole('checkbox', {name: /^B \(bram\) · motivatie\/willen: /});
  await expect(box).not.toBeChecked();
  await box.check();
  await editor.getByRole('button', {name: 'Save the chosen segments'}).click();
  await expect(item).toContainText(/Decided by anna, .*: Chosen segments/);
  await expect(edit).toBeFocused();
  await expect(edit).toHaveAttribute('aria-expanded', 'false');
  const {json: story} = await api(server, 'anna', 'GET', '/api/stories/SH-15-E');
  const bram = story.codings.filter((c) => c.coder === 'bram' && c.code === 'motivatie/willen');
  const consensus = story.codings.filter((c) => c.coder === 'consensus' && c.code === 'motivatie/willen');
  expect(consensus.map((c) => [c.start, c.end, c.origin])).toEqual(bram.map((c) => [c.start, c.end, 'consensus:anna']));
});

async function seriousViolations(page) {
  const results = await new AxeBuilder({page}).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

test('axe-core finds no serious or critical violations in the Team view', async ({page}) => {
  test.setTimeout(240_000);
  await openTeam(page);
  await expect(disagreement(page, 'SH-09-E', 'motivatie/moeten')).toBeVisible();
  await disagreement(page, 'SH-09-E', 'motivatie/willen').getByRole('button', {name: 'Edit…'}).click();
  await expect(page.getByRole('group', {name: 'Consensus segments for SH-09-E · motivatie/willen'})).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await openTeam(page, 'bram');
  await expect(disagreement(page, 'SH-09-E', 'motivatie/moeten')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe('in Dutch', () => {
  test.use({locale: 'nl-NL'});

  test('the Team view speaks Dutch', async ({page}) => {
    const settled = await api(server, 'anna', 'POST', '/api/team/settle',
      {story: 'SH-04-E', code: 'communicatiestijl/dwingend', coder_a: 'anna', coder_b: 'bram', decision: 'take_b'});
    expect(settled.status).toBe(200);
    await openTeam(page);
    await expect(page.getByRole('heading', {name: 'Verschillen'})).toBeVisible();
    await expect(page.getByRole('heading', {name: 'Overeenstemming'})).toBeVisible();
    const dwingend = disagreement(page, 'SH-04-E', 'communicatiestijl/dwingend');
    await expect(dwingend).toContainText(/Beslist door anna, .*: Neem B over/);
    await expect(dwingend.getByRole('button', {name: 'Neem B over'})).toHaveAttribute('aria-pressed', 'true');
    const willen = disagreement(page, 'SH-09-E', 'motivatie/willen');
    for (const name of ['Neem A over', 'Neem B over', 'Allebei', 'Geen van beide']) {
      await expect(willen.getByRole('button', {name})).toBeVisible();
    }
    await expect(willen.getByRole('heading', {name: 'B: bram — gecodeerd'})).toBeVisible();
    await expect(willen).toContainText('Nog niet beslist.');
  });
});
