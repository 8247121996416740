// The story list: full-text search, the filters, counts, j/k and "next
// uncoded".

import {test, expect} from '@playwright/test';
import {makeProject, serve, signIn, pointsOf, stories, api} from './support/workbench.js';

const text = (key) => stories.find((s) => s.story === key).text;
let server;

test.beforeAll(async () => {
  const project = makeProject();
  server = await serve(project.file, ['--coders', 'anna,bram']);
  // E1 coded by anna, K2 by bram; the others not coded.
  await api(server, 'anna', 'POST', '/api/stories/E1/codings', {code: 'taal', ...pointsOf(text('E1'), 'taalles')});
  await api(server, 'bram', 'POST', '/api/stories/K2/codings', {code: 'motivatie/willen', ...pointsOf(text('K2'), 'samen kiezen')});
});
test.afterAll(async () => {
  await server?.stop();
});

const keysShown = (page) => page.getByRole('navigation', {name: 'Stories'}).getByRole('listitem')
  .locator('.key').allTextContents();

test('search and filters narrow the list and the count says how many', async ({page}) => {
  await signIn(page, server, 'anna');
  const nav = page.getByRole('navigation', {name: 'Stories'});
  await expect(nav.getByRole('status')).toHaveText('5 of 5 stories');
  expect(await keysShown(page)).toEqual(['E1', 'E2', 'X1', 'K2', 'L1']);

  await nav.getByRole('searchbox', {name: 'Search'}).fill('sollicitatiegesprek');
  await expect(nav.getByRole('status')).toHaveText('1 of 5 stories');
  expect(await keysShown(page)).toEqual(['E2']);
  await expect(nav.getByRole('listitem').locator('mark')).toHaveText(['sollicitatiegesprek']);
  await nav.getByRole('searchbox', {name: 'Search'}).fill('');
  await expect(nav.getByRole('status')).toHaveText('5 of 5 stories');

  await nav.getByRole('combobox', {name: 'Role', exact: true}).selectOption('klantmanager');
  await expect(nav.getByRole('status')).toHaveText('2 of 5 stories');
  expect(await keysShown(page)).toEqual(['X1', 'K2']);
  await nav.getByRole('combobox', {name: 'Wave', exact: true}).selectOption('2');
  await expect(nav.getByRole('status')).toHaveText('1 of 5 stories');
  expect(await keysShown(page)).toEqual(['K2']);
  await nav.getByRole('combobox', {name: 'Role', exact: true}).selectOption('');
  await nav.getByRole('combobox', {name: 'Wave', exact: true}).selectOption('');

  await nav.getByRole('combobox', {name: 'Kind', exact: true}).selectOption('reflection');
  await expect.poll(() => keysShown(page)).toEqual(['X1', 'K2']);
  await nav.getByRole('combobox', {name: 'Kind', exact: true}).selectOption('');

  await nav.getByRole('combobox', {name: 'Code', exact: true}).selectOption('motivatie');
  await expect.poll(() => keysShown(page)).toEqual(['K2']);
  await nav.getByRole('combobox', {name: 'Code', exact: true}).selectOption('');

  await nav.getByRole('combobox', {name: 'Coder', exact: true}).selectOption('anna');
  await expect.poll(() => keysShown(page)).toEqual(['E1']);
  await nav.getByRole('combobox', {name: 'Coder', exact: true}).selectOption('');

  await nav.getByRole('combobox', {name: 'Coded', exact: true}).selectOption('uncoded');
  await expect.poll(() => keysShown(page)).toEqual(['E2', 'X1', 'L1']);
  await nav.getByRole('combobox', {name: 'Coded', exact: true}).selectOption('coded');
  await expect.poll(() => keysShown(page)).toEqual(['E1', 'K2']);
  // Counted by the server now, not by filtering the page it sent.
  await expect(nav.getByRole('status')).toHaveText('2 of 5 stories');
  await expect(nav.getByRole('link', {name: /E1/})).toContainText('1 coding');
});

test('j and k step through the list; "next uncoded" skips coded stories', async ({page}) => {
  await signIn(page, server, 'anna');
  await expect(page.getByRole('navigation', {name: 'Stories'}).getByRole('status')).toHaveText('5 of 5 stories');
  await page.keyboard.press('j');
  await expect(page.getByRole('heading', {level: 2, name: 'Eerste maanden'})).toBeVisible();
  await page.keyboard.press('j');
  await expect(page.getByRole('heading', {level: 2, name: 'Namen'})).toBeVisible();
  await page.keyboard.press('k');
  await expect(page.getByRole('heading', {level: 2, name: 'Eerste maanden'})).toBeVisible();
  await expect(page.getByRole('link', {name: /E1/})).toHaveAttribute('aria-current', 'true');

  await page.getByRole('button', {name: 'Next uncoded story'}).click();
  await expect(page.getByRole('heading', {level: 2, name: 'Namen'})).toBeVisible();
  await page.getByRole('button', {name: 'Next uncoded story'}).click();
  await expect(page.getByRole('heading', {level: 2, name: 'Formulier'})).toBeVisible();
  await page.getByRole('button', {name: 'Next uncoded story'}).click();
  await expect(page.getByRole('heading', {level: 2, name: 'Lang verhaal'})).toBeVisible();
});
