// The Memos view: every project, code, story and coding memo, newest first;
// the search and the kind and author filters narrow it as GET /api/memos
// does; a story or coding memo opens the story at its passage, a code memo
// the Code view on its code; the keyboard reaches the links; memo text stays
// text; axe-core finds nothing serious; the Dutch labels.

import {test, expect} from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import {makeProject, serve, signIn, verhaal, api, pointsOf, stories} from './support/workbench.js';

let server;
let project;

const e1 = stories.find((s) => s.story === 'E1').text;
const verplicht = pointsOf(e1, 'verplicht');
const taalles = pointsOf(e1, 'taalles');

test.beforeAll(async () => {
  project = makeProject().file;
  // One minute apart, so the order is known: newest first.
  const memo = (minutes, ...args) => {
    process.env.SOURCE_DATE_EPOCH = String(1796083200 + minutes * 60);
    verhaal(project, 'memo', 'add', ...args);
    delete process.env.SOURCE_DATE_EPOCH;
  };
  memo(1, 'Eerste indruk: veel over werk', '--whole-project', '--author', 'anna');
  memo(2, 'Taal is breder dan Nederlands leren', '--code', 'taal', '--author', 'bram', '--title', 'Definitie');
  memo(3, 'Twijfelt tussen moeten en willen <b>echt</b>', '--story', 'E1', '--span', `${verplicht.start}:${verplicht.end}`,
    '--author', 'anna');
  server = await serve(project, ['--coders', 'anna,bram']);
  const coded = await api(server, 'anna', 'POST', '/api/stories/E1/codings',
    {code: 'taal', start: taalles.start, end: taalles.end, memo: 'Zegt ze zélf'});
  expect(coded.status).toBe(201);
});
test.afterAll(async () => {
  await server?.stop();
});

const view = (page, lang = 'en') => page.getByRole('main', {name: lang === 'nl' ? "Memo's" : 'Memos'});

async function openMemos(page, lang = 'en') {
  await signIn(page, server, 'anna');
  await page.getByRole('link', {name: lang === 'nl' ? "Memo's" : 'Memos', exact: true}).click();
  await expect(page.getByRole('heading', {level: 2, name: lang === 'nl' ? "Memo's" : 'Memos'})).toBeVisible();
  const count = lang === 'nl' ? "4 memo's" : '4 memos';
  await expect(view(page, lang).getByText(count, {exact: true})).toBeVisible();
  return view(page, lang).getByRole('list', {name: count});
}

test('every memo is listed, newest first, with what it is about', async ({page}) => {
  const list = await openMemos(page);
  const items = list.getByRole('article');
  await expect(items).toHaveCount(4);
  await expect(items.nth(0)).toContainText('Zegt ze zélf');
  await expect(items.nth(0)).toHaveAccessibleName('Memo on a coding by anna');
  await expect(items.nth(0).getByRole('link', {name: 'coding taal in story E1'})).toBeVisible();
  await expect(items.nth(0)).toContainText('taalles');  // the coded passage
  await expect(items.nth(1).getByRole('link', {name: 'story E1', exact: true})).toBeVisible();
  // Markup in a memo is its text.
  await expect(items.nth(1).getByText('Twijfelt tussen moeten en willen <b>echt</b>')).toBeVisible();
  await expect(items.nth(1).locator('b')).toHaveCount(0);
  await expect(items.nth(2).getByRole('heading', {name: 'Definitie'})).toBeVisible();
  await expect(items.nth(2).getByRole('link', {name: 'code taal', exact: true})).toBeVisible();
  await expect(items.nth(3)).toContainText('the project');
  await expect(items.nth(3).getByRole('link')).toHaveCount(0);
});

test('search, kind and author narrow the list as the API does', async ({page}) => {
  await openMemos(page);
  await view(page).getByLabel('Search the memos').fill('ZELF');
  await view(page).getByRole('button', {name: 'Search'}).click();
  await expect(view(page).getByText('1 memo', {exact: true})).toBeVisible();
  await expect(view(page).getByRole('article')).toContainText('Zegt ze zélf');
  expect(page.url()).toContain('#memos?q=ZELF');
  const byApi = await api(server, 'anna', 'GET', '/api/memos?q=ZELF');
  expect(byApi.json.total).toBe(1);

  await view(page).getByLabel('Search the memos').fill('');
  await view(page).getByRole('button', {name: 'Search'}).click();
  await view(page).getByLabel('About').selectOption({label: 'code'});
  await expect(view(page).getByText('1 memo', {exact: true})).toBeVisible();
  await expect(view(page).getByRole('article')).toContainText('Taal is breder');

  await view(page).getByLabel('About').selectOption({label: 'all'});
  await view(page).getByLabel('Author').selectOption('anna');
  await expect(view(page).getByText('3 memos', {exact: true})).toBeVisible();
  await expect(view(page).getByRole('article').filter({hasText: 'Taal is breder'})).toHaveCount(0);
  // The choice is in the address: a reload keeps it.
  await page.reload();
  await expect(view(page).getByText('3 memos', {exact: true})).toBeVisible();
  await expect(view(page).getByLabel('Author')).toHaveValue('anna');
});

test('a story memo opens the story at its passage, a code memo the Code view', async ({page}) => {
  const list = await openMemos(page);
  await list.getByRole('link', {name: 'story E1', exact: true}).click();
  await expect(page).toHaveURL(new RegExp(`#story=E1&at=${verplicht.start}-${verplicht.end}$`));
  const passage = page.getByRole('textbox', {name: 'Story text'}).locator('mark.passage');
  await expect(passage.first()).toBeInViewport();
  expect((await passage.allTextContents()).join('')).toBe('verplicht');

  await page.getByRole('link', {name: 'Memos', exact: true}).click();
  await view(page).getByRole('link', {name: 'code taal', exact: true}).click();
  await expect(page).toHaveURL(/#code\?code=taal$/);
  await expect(page.getByRole('main', {name: 'Coded passages'}).getByLabel('Code', {exact: true})).toHaveValue('taal');
  await expect(page.getByRole('main', {name: 'Coded passages'}).getByText('1 passage', {exact: true})).toBeVisible();
});

test('the keyboard reaches the memos: Tab from the filters, Enter opens', async ({page}) => {
  await openMemos(page);
  await view(page).getByLabel('Author').focus();
  await page.keyboard.press('Tab');
  await expect(view(page).getByRole('link', {name: 'coding taal in story E1'})).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#story=E1&at=${taalles.start}-${taalles.end}$`));
});

test('a new memo appears after the page hears of the change', async ({page}) => {
  await openMemos(page);
  const coded = await api(server, 'bram', 'POST', '/api/stories/K2/codings', {code: 'taal', whole: true, memo: 'Van bram'});
  expect(coded.status).toBe(201);
  await expect(view(page).getByText('5 memos', {exact: true})).toBeVisible();
  await expect(view(page).getByRole('article').first()).toContainText('Van bram');
  const removed = await api(server, 'bram', 'DELETE', `/api/codings/${encodeURIComponent(coded.json.id)}`);
  expect(removed.status).toBe(204);
  await expect(view(page).getByText('4 memos', {exact: true})).toBeVisible();
});

test('axe-core finds no serious or critical violations in the Memos view', async ({page}) => {
  await openMemos(page);
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

  test("the Memos view speaks Dutch", async ({page}) => {
    const list = await openMemos(page, 'nl');
    for (const name of ["Zoeken in de memo's", 'Over', 'Auteur']) await expect(view(page, 'nl').getByLabel(name, {exact: true})).toBeVisible();
    await expect(list.getByRole('article').first()).toHaveAccessibleName('Memo over een codering van anna');
    await expect(list.getByRole('link', {name: 'codering taal in verhaal E1'})).toBeVisible();
    await expect(list.getByText('het project')).toBeVisible();
    await view(page, 'nl').getByLabel('Over', {exact: true}).selectOption({label: 'verhaal'});
    await expect(view(page, 'nl').getByText('1 memo', {exact: true})).toBeVisible();
  });
});
