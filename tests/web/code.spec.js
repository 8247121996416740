// The Code view on the example study (examples/statushouders, built with
// `verhaal run`): the passages of motivatie/willen are those of `verhaal
// quotes` (same count, same whose-codings line), a coder filter narrows them
// as --coders does, a passage opens the story with the passage marked and in
// view, "Download CSV" is `verhaal quotes --format csv`, axe-core finds
// nothing serious, and the Dutch labels.

import {test, expect} from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {serve, signIn, verhaal, sourceDir, verhaalBin} from './support/workbench.js';

let server;
let project;

test.beforeAll(async () => {
  test.setTimeout(240_000);  // verhaal run writes every export of the study
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'verhaal-code-'));
  execFileSync(verhaalBin, ['run', path.join(sourceDir, 'examples/statushouders/study.yaml'), '--out', out], {stdio: 'pipe'});
  project = path.join(out, 'statushouders.verhaal');
  server = await serve(project, ['--coders', 'anna,bram']);
});
test.afterAll(async () => {
  await server?.stop();
});

const code = 'motivatie/willen';

// `verhaal quotes --code motivatie/willen ... --format json`, as the CLI prints it.
function cliQuotes(...extra) {
  return JSON.parse(verhaal(project, 'quotes', '--code', code, ...extra, '--format', 'json'));
}

// The Code view (the other views' filters have the same labels).
const view = (page, lang = 'en') => page.getByRole('main', {name: lang === 'nl' ? 'Gecodeerde fragmenten' : 'Coded passages'});

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function openCode(page, lang = 'en') {
  await signIn(page, server, 'anna');
  await page.getByRole('link', {name: lang === 'nl' ? 'Fragmenten' : 'Codes', exact: true}).click();
  await expect(page.getByRole('heading', {level: 2, name: lang === 'nl' ? 'Gecodeerde fragmenten' : 'Coded passages'})).toBeVisible();
  await view(page, lang).getByLabel('Code', {exact: true}).selectOption(code);
  const n = cliQuotes().length;
  const count = lang === 'nl' ? `${n} fragmenten` : `${n} passages`;
  await expect(view(page, lang).getByText(count, {exact: true})).toBeVisible();
  return view(page, lang).getByRole('list', {name: count});
}

test('the passages of a code are those of verhaal quotes', async ({page}) => {
  const list = await openCode(page);
  const cli = cliQuotes();
  expect(cli.length).toBeGreaterThan(1);
  await expect(list.getByRole('link')).toHaveCount(cli.length);
  await expect(view(page).getByText(/^codings: anna, bram \(the analysis set\), combined: any coder$/)).toBeVisible();
  const first = cli[0];
  const link = list.getByRole('link', {name: `${first.story}: “${first.quote}”`}).first();
  await expect(link).toContainText(first.coder);
  await expect(link.locator('mark')).toHaveText(first.quote);

  // One coder: the passages of --coders bram.
  await view(page).getByLabel('Coder', {exact: true}).selectOption('bram');
  const bram = cliQuotes('--coders', 'bram');
  const bramCount = bram.length === 1 ? '1 passage' : `${bram.length} passages`;
  await expect(view(page).getByText(bramCount, {exact: true})).toBeVisible();
  await expect(page.getByRole('list', {name: bramCount}).getByRole('link')).toHaveCount(bram.length);
  expect(verhaal(project, 'quotes', '--code', code, '--coders', 'bram')).toContain('combined: one coder');
  await expect(view(page).getByText(/^codings: bram \(chosen\), combined: one coder$/)).toBeVisible();
  expect(page.url()).toContain('coders=bram');

  // A passage opens its story with the passage marked.
  const quote = bram[0];
  await page.getByRole('list', {name: bramCount}).getByRole('link', {name: `${quote.story}: “${quote.quote}”`}).first().click();
  await expect(page).toHaveURL(new RegExp(`#story=${escape(encodeURIComponent(quote.story))}&at=${quote.start}-${quote.end}$`));
  const passage = page.getByRole('textbox', {name: 'Story text'}).locator('mark.passage');
  await expect(passage.first()).toBeInViewport();
  expect((await passage.allTextContents()).join('').replace(/\s+/g, ' ')).toBe(quote.quote.replace(/\s+/g, ' '));
  // The Codes link returns to the same choice.
  await page.getByRole('link', {name: 'Codes', exact: true}).click();
  await expect(view(page).getByLabel('Coder', {exact: true})).toHaveValue('bram');
  await expect(view(page).getByText(bramCount, {exact: true})).toBeVisible();
});

test('a role filter narrows the passages as verhaal quotes --role does; the keyboard reaches them', async ({page}) => {
  await openCode(page);
  await view(page).getByLabel('Role', {exact: true}).selectOption('statushouder');
  const role = cliQuotes('--role', 'statushouder');
  await expect(view(page).getByText(role.length === 1 ? '1 passage' : `${role.length} passages`, {exact: true})).toBeVisible();
  // Tab from the filters to the first passage; Enter opens it.
  await page.getByRole('button', {name: 'Download CSV'}).focus();
  await page.keyboard.press('Tab');
  const first = role[0];
  await expect(page.getByRole('link', {name: `${first.story}: “${first.quote}”`}).first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#story=${escape(encodeURIComponent(first.story))}&at=`));
});

test('Download CSV is verhaal quotes --format csv', async ({page}) => {
  await openCode(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', {name: 'Download CSV'}).click()]);
  expect(download.suggestedFilename()).toBe('passages-motivatie_willen.csv');
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv).toBe(verhaal(project, 'quotes', '--code', code, '--format', 'csv'));
});

test('axe-core finds no serious or critical violations in the Code view', async ({page}) => {
  test.setTimeout(240_000);
  await openCode(page);
  const results = await new AxeBuilder({page}).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(serious).toEqual([]);
  // Every id once (a second `code-form` once broke the codebook's dialog).
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
});

test.describe('in Dutch', () => {
  test.use({locale: 'nl-NL'});

  test('the Code view speaks Dutch', async ({page}) => {
    await openCode(page, 'nl');
    for (const name of ['Code', 'Codeur', 'Rol', 'Meting', 'Variabele (naam:waarde)']) await expect(view(page, 'nl').getByLabel(name, {exact: true})).toBeVisible();
    await expect(view(page, 'nl').getByText(/^coderingen: anna, bram \(de analyseset\)/)).toBeVisible();
    await expect(view(page, 'nl').getByRole('button', {name: 'CSV downloaden'})).toBeVisible();
  });
});
