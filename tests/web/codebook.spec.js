// The codebook panel: the tree with colours and counts; add, rename, move,
// recolour and merge codes; codings keep up with every change.

import {test, expect} from '@playwright/test';
import {makeProject, serve, signIn, openStory, pointsOf, codingsOf, stories, api, verhaal} from './support/workbench.js';

const text = (key) => stories.find((s) => s.story === key).text;
let project;
let server;

test.beforeAll(async () => {
  project = makeProject();
  server = await serve(project.file, ['--coder', 'anna']);
  await api(server, 'anna', 'POST', '/api/stories/E1/codings', {code: 'stijl/dwingend', ...pointsOf(text('E1'), 'verplicht')});
  await api(server, 'anna', 'POST', '/api/stories/K2/codings', {code: 'stijl/dwingend', ...pointsOf(text('K2'), 'averechts')});
  await api(server, 'anna', 'POST', '/api/stories/K2/codings', {code: 'motivatie/moeten', ...pointsOf(text('K2'), 'De verplichting')});
});
test.afterAll(async () => {
  await server?.stop();
});

const panel = (page) => page.getByRole('complementary', {name: 'Codebook'});

test('the tree shows each code with its count and definition', async ({page}) => {
  await signIn(page, server, 'anna');
  await expect(panel(page).getByTitle('codings of stijl/dwingend and its sub-codes')).toHaveText('2');
  await expect(panel(page).getByTitle('codings of stijl and its sub-codes')).toHaveText('2');
  await expect(panel(page).getByTitle('codings of motivatie and its sub-codes')).toHaveText('1');
  await expect(panel(page)).toContainText('Meewerken omdat de verteller het zelf wil.');
});

test('renaming a code keeps its codings', async ({page}) => {
  await signIn(page, server, 'anna');
  await openStory(page, server, 'E1');
  await panel(page).getByRole('button', {name: 'Edit stijl/dwingend'}).click();
  const dialog = page.getByRole('dialog', {name: 'Edit stijl/dwingend'});
  await dialog.getByRole('textbox', {name: 'Name'}).fill('streng');
  await dialog.getByRole('button', {name: 'Save'}).click();
  await expect(dialog).toBeHidden();
  await expect(panel(page).getByRole('button', {name: 'Edit stijl/streng'})).toBeVisible();
  await expect(page.getByRole('button', {name: 'stijl/streng, anna: “verplicht”'})).toBeVisible();
  expect((await codingsOf(server, 'anna', 'E1')).map((c) => c.code)).toEqual(['stijl/streng']);
  expect((await codingsOf(server, 'anna', 'K2')).map((c) => c.code).sort()).toEqual(['motivatie/moeten', 'stijl/streng']);
  expect(verhaal(project.file, 'show', 'K2')).toMatch(/stijl\/streng/);
});

test('add a code, move it, recolour it, and merge a code into another', async ({page}) => {
  await signIn(page, server, 'anna');
  await panel(page).getByRole('button', {name: 'Add a code'}).click();
  let dialog = page.getByRole('dialog', {name: 'Add a code'});
  await dialog.getByRole('textbox', {name: 'Name'}).fill('gezondheid');
  await dialog.getByRole('combobox', {name: 'Parent'}).selectOption('');
  await dialog.getByRole('button', {name: 'Save'}).click();
  await expect(panel(page).getByRole('button', {name: 'Edit gezondheid'})).toBeVisible();

  await panel(page).getByRole('button', {name: 'Edit gezondheid'}).click();
  dialog = page.getByRole('dialog', {name: 'Edit gezondheid'});
  await dialog.getByRole('combobox', {name: 'Parent'}).selectOption('taal');
  await dialog.getByLabel('Colour').fill('#00aa55');
  await dialog.getByRole('button', {name: 'Save'}).click();
  await expect(panel(page).getByRole('button', {name: 'Edit taal/gezondheid'})).toBeVisible();
  const codes = (await api(server, 'anna', 'GET', '/api/codebook')).json.codes;
  expect(codes.find((c) => c.path === 'taal/gezondheid')).toMatchObject({parent: 'taal', colour: '#00aa55'});

  await panel(page).getByRole('button', {name: 'Edit motivatie/moeten'}).click();
  dialog = page.getByRole('dialog', {name: 'Edit motivatie/moeten'});
  await dialog.getByRole('combobox', {name: 'Merge into'}).selectOption('motivatie/willen');
  await dialog.getByRole('button', {name: 'Merge', exact: true}).click();
  await expect(page.getByRole('status').filter({hasText: 'Merged motivatie/moeten into motivatie/willen: 1 coding moved'})).toBeVisible();
  await expect(panel(page).getByRole('button', {name: 'Edit motivatie/moeten'})).toHaveCount(0);
  expect((await codingsOf(server, 'anna', 'K2')).map((c) => c.code).sort()).toEqual(['motivatie/willen', 'stijl/streng']);
});
