// The Rules view: after `verhaal autocode`, the codings of the coder `rules`
// with the reason each was made (the rule and the matched words in their
// context); Accept makes a coding the coder's own (the row of `verhaal
// code`: the API and `verhaal show` say so) and Reject turns it down; the
// decisions stay after a reload; each rule's precision follows them; the
// keyboard decides; another coder sees the decision live, without buttons;
// axe-core; the Dutch labels.

import {test, expect} from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import {makeProject, serve, signIn, verhaal, api, pointsOf, stories, codebook} from './support/workbench.js';

let server;
let project;

const e1 = stories.find((s) => s.story === 'E1').text;
const k2 = stories.find((s) => s.story === 'K2').text;
const e1Sentence = pointsOf(e1, 'Ik 😀 wilde meteen aan het werk, maar de klantmanager zei dat het verplicht was.');
const k2Sentence = pointsOf(k2, 'De verplichting werkt vaak averechts.');
const taalles = pointsOf(e1, 'taalles');

// The test codebook with rules: "verplicht*" codes its sentence as
// motivatie/moeten (in E1 and K2), "taalles" the word as taal (in E1).
const rulesCodebook = codebook
  .replace('        description: Meewerken omdat het moet.\n',
    '        description: Meewerken omdat het moet.\n        rules:\n          - name: verplicht\n            terms: [verplicht*]\n')
  .replace('    description: Taal leren en spreken.\n',
    '    description: Taal leren en spreken.\n    rules:\n      - name: taalles\n        terms: [taalles]\n        scope: match\n');

test.beforeAll(async () => {
  const made = makeProject();
  project = made.file;
  fs.writeFileSync(path.join(made.dir, 'rules.yaml'), rulesCodebook);
  verhaal(project, 'codebook', 'load', path.join(made.dir, 'rules.yaml'));
  verhaal(project, 'autocode');
  server = await serve(project, ['--coders', 'anna,bram']);
});
test.afterAll(async () => {
  await server?.stop();
});

const view = (page, lang = 'en') => page.getByRole('main', {name: lang === 'nl' ? 'Regels' : 'Rules'});

async function openRules(page, coder = 'anna', lang = 'en') {
  await signIn(page, server, coder);
  await page.getByRole('link', {name: lang === 'nl' ? 'Regels' : 'Rules', exact: true}).click();
  await expect(page.getByRole('heading', {level: 2, name: lang === 'nl' ? 'Regels' : 'Rules'})).toBeVisible();
  const count = lang === 'nl' ? '3 coderingen van regels' : '3 rule codings';
  await expect(view(page, lang).getByText(count, {exact: true})).toBeVisible();
  return view(page, lang).getByRole('list', {name: count});
}

// The item of the rule coding of `story` at `segment`.
const item = (list, story, code, segment) => list.getByRole('article', {name: `${story} · ${code} · ${segment.start}–${segment.end}`});

async function codingsOf(coder, story) {
  const answer = await api(server, coder, 'GET', `/api/stories/${story}`);
  return answer.json.codings.filter((c) => c.coder === coder);
}

test('each rule coding shows the rule and the words it matched', async ({page}) => {
  const list = await openRules(page);
  const first = item(list, 'E1', 'motivatie/moeten', e1Sentence);
  await expect(first).toContainText('Rule verplicht (terms: verplicht*; scope: sentence) matched:');
  await expect(first.locator('mark')).toHaveText('verplicht');
  await expect(first).toContainText('Not reviewed yet.');
  const word = item(list, 'E1', 'taal', taalles);
  await expect(word.locator('mark')).toHaveText('taalles');
  await expect(word).toContainText('Rule taalles (terms: taalles; scope: match) matched:');
  // The precision table: every rule, none reviewed yet.
  const table = view(page).getByRole('table', {name: 'Codings of each rule and the decisions on them'});
  await expect(table.getByRole('row', {name: /verplicht/})).toContainText('motivatie/moeten');
  await expect(table.getByRole('row', {name: /verplicht/}).getByRole('cell').nth(2)).toHaveText('2');  // code, looks for, codings
  await expect(table.locator('[data-precision="verplicht"]')).toHaveText('–');
  // The passage's link opens the story with the coded sentence marked.
  await first.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#story=E1&at=${e1Sentence.start}-${e1Sentence.end}$`));
  await expect(page.getByRole('textbox', {name: 'Story text'}).locator('mark.passage').first()).toBeInViewport();
});

test('Accept makes the coding your own, Reject turns one down; precision follows and a reload keeps them', async ({page}) => {
  const list = await openRules(page);
  const e1Item = item(list, 'E1', 'motivatie/moeten', e1Sentence);
  await e1Item.getByRole('button', {name: 'Accept'}).click();
  await expect(e1Item).toContainText(/Accepted by anna, /);
  await expect(e1Item.getByRole('button', {name: 'Accept'})).toHaveAttribute('aria-pressed', 'true');
  const mine = await codingsOf('anna', 'E1');
  expect(mine.map((c) => [c.code, c.start, c.end, c.origin])).toEqual([['motivatie/moeten', e1Sentence.start, e1Sentence.end, 'manual']]);
  expect(verhaal(project, 'show', 'E1')).toMatch(/anna/);
  const table = view(page).getByRole('table', {name: 'Codings of each rule and the decisions on them'});
  await expect(table.locator('[data-precision="verplicht"]')).toHaveText('100%');

  const k2Item = item(list, 'K2', 'motivatie/moeten', k2Sentence);
  await k2Item.getByRole('button', {name: 'Reject'}).click();
  await expect(k2Item).toContainText(/Rejected by anna, /);
  await expect(table.locator('[data-precision="verplicht"]')).toHaveText('50%');
  expect(await codingsOf('anna', 'K2')).toEqual([]);

  await page.reload();
  await expect(item(list, 'E1', 'motivatie/moeten', e1Sentence)).toContainText(/Accepted by anna, /);
  await expect(item(list, 'K2', 'motivatie/moeten', k2Sentence).getByRole('button', {name: 'Reject'})).toHaveAttribute('aria-pressed', 'true');
  await view(page).getByLabel('Decision').selectOption({label: 'not reviewed'});
  await expect(view(page).getByText('1 rule coding', {exact: true})).toBeVisible();
  expect(page.url()).toContain('#rules?decision=unreviewed');
});

test('the keyboard accepts and rejects; rejecting what you accepted removes your coding', async ({page}) => {
  const list = await openRules(page);
  const word = item(list, 'E1', 'taal', taalles);
  await word.getByRole('link').focus();
  await page.keyboard.press('Tab');
  const accept = word.getByRole('button', {name: 'Accept'});
  await expect(accept).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(word).toContainText(/Accepted by anna, /);
  await expect(accept).toBeFocused();
  await expect.poll(async () => (await codingsOf('anna', 'E1')).filter((c) => c.code === 'taal').length).toBe(1);
  await page.keyboard.press('Tab');
  await expect(word.getByRole('button', {name: 'Reject'})).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(word).toContainText(/Rejected by anna, /);
  await expect.poll(async () => (await codingsOf('anna', 'E1')).filter((c) => c.code === 'taal').length).toBe(0);
});

test("another coder sees a decision live, and cannot change it", async ({browser}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const list = await openRules(page, 'bram');
  const word = item(list, 'E1', 'taal', taalles);
  await expect(word).toBeVisible();
  const id = (await api(server, 'anna', 'GET', '/api/rules/codings?rule=taalles')).json.codings[0].id;
  const decided = await api(server, 'anna', 'POST', `/api/rules/codings/${encodeURIComponent(id)}/decision`, {decision: 'accept'});
  expect(decided.status).toBe(200);
  await expect(word).toContainText(/Accepted by anna, /);
  await expect(word.getByRole('button')).toHaveCount(0);
  const refused = await api(server, 'bram', 'POST', `/api/rules/codings/${encodeURIComponent(id)}/decision`, {decision: 'reject'});
  expect(refused.status).toBe(403);
  await context.close();
});

test('axe-core finds no serious or critical violations in the Rules view', async ({page}) => {
  await openRules(page);
  const results = await new AxeBuilder({page}).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(serious).toEqual([]);
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
});

test.describe('in Dutch', () => {
  test.use({locale: 'nl-NL'});

  test('the Rules view speaks Dutch', async ({page}) => {
    const list = await openRules(page, 'anna', 'nl');
    await expect(view(page, 'nl').getByRole('heading', {name: 'Nauwkeurigheid per regel'})).toBeVisible();
    await expect(view(page, 'nl').getByRole('columnheader', {name: 'Nauwkeurigheid'})).toBeVisible();
    for (const name of ['Code', 'Regel', 'Beslissing']) await expect(view(page, 'nl').getByLabel(name, {exact: true})).toBeVisible();
    const first = item(list, 'K2', 'motivatie/moeten', k2Sentence);
    await expect(first.getByRole('button', {name: 'Accepteren'})).toBeVisible();
    await expect(first.getByRole('button', {name: 'Afwijzen'})).toBeVisible();
    await expect(first).toContainText('Regel verplicht (termen: verplicht*; bereik: zin) vond:');
    // What each rule looks for, in Dutch words (the server's English before).
    const precision = view(page, 'nl').locator('#rules-precision');
    await expect(precision).toContainText('termen: verplicht*; bereik: zin');
    for (const word of ['terms:', 'scope:', 'sentence', 'within']) {
      await expect(precision).not.toContainText(word);
      await expect(list).not.toContainText(word);
    }
  });
});
