// Coding in the browser: selecting with the mouse or the keyboard, the Code
// button and the palette, pinned keys, word snapping, overlaps, memos,
// removing, undo/redo, and code point offsets after emoji, combining
// accents, right-to-left words and in a 100k-character story, checked
// against the API and `verhaal show`.

import {test, expect} from '@playwright/test';
import {makeProject, serve, signIn, openStory, dragSelect, pointsOf, codingsOf, stories, verhaal, api} from './support/workbench.js';

const text = (key) => stories.find((s) => s.story === key).text;
let project;
let server;

test.beforeAll(async () => {
  project = makeProject();
  server = await serve(project.file, ['--coder', 'anna']);
});
test.afterAll(async () => {
  await server?.stop();
});

async function codeWithPalette(page, filter) {
  await page.getByRole('button', {name: 'Code', exact: true}).click();
  const palette = page.getByRole('dialog', {name: 'Code the selection'});
  await expect(palette).toBeVisible();
  await palette.getByRole('combobox', {name: 'Find a code'}).fill(filter);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
}

test('select, Code, palette, Enter codes the words after an emoji at code points', async ({page}) => {
  await signIn(page, server, 'anna');
  await openStory(page, server, 'E1');
  await dragSelect(page, 'wilde meteen');
  await codeWithPalette(page, 'willen');
  await expect(page.getByRole('status').filter({hasText: 'Coded motivatie/willen'})).toBeVisible();

  const expected = pointsOf(text('E1'), 'wilde meteen');
  expect(expected).toEqual({start: 5, end: 17});  // UTF-16 would say 6 and 18
  const codings = await codingsOf(server, 'anna', 'E1');
  expect(codings.map(({code, coder, start, end}) => ({code, coder, start, end})))
    .toEqual([{code: 'motivatie/willen', coder: 'anna', ...expected}]);
  // The CLI sees the same coding at the same code points.
  const shown = verhaal(project.file, 'show', 'E1');
  expect(shown).toContain('Ik 😀 [1>wilde meteen<1] aan het werk');
  expect(shown).toMatch(/^ +1 +motivatie\/willen +anna +5:17$/m);
  await expect(page.getByRole('button', {name: 'motivatie/willen, anna: “wilde meteen”'})).toBeVisible();
});

test('a selection snaps to whole words; with Alt it stays exact', async ({page}) => {
  await signIn(page, server, 'anna');
  await openStory(page, server, 'E1');
  await dragSelect(page, 'arna ging het bet');
  await codeWithPalette(page, 'taal');
  await dragSelect(page, 'aalle', {alt: true});
  await codeWithPalette(page, 'taal');
  const taal = async () => (await codingsOf(server, 'anna', 'E1')).filter((c) => c.code === 'taal')
    .map(({start, end}) => ({start, end}));
  await expect.poll(taal).toEqual([
    pointsOf(text('E1'), 'Daarna ging het beter'),
    pointsOf(text('E1'), 'aalle'),
  ]);
});

test('keyboard only: Shift+arrows, Enter, type, Enter; a pinned code on key 1', async ({page}) => {
  await signIn(page, server, 'anna');
  await openStory(page, server, 'K2');
  // Pin stijl/aanmoedigend from the codebook panel: it becomes key 1.
  await page.getByRole('button', {name: 'Pin stijl/aanmoedigend to a number key'}).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('toolbar', {name: 'Pinned codes (keys 1–9)'}).getByRole('button')).toHaveText(['1stijl/aanmoedigend']);

  // From the top of the freshly loaded page: the skip link leads into the text.
  await page.reload();
  await expect(page.getByRole('heading', {level: 2, name: 'Samen kiezen'})).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', {name: 'Skip to the story'})).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', {name: 'Story text'})).toBeFocused();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 'Ik zie dat de '.length; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 'motivatie'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Enter');
  const palette = page.getByRole('dialog', {name: 'Code the selection'});
  await expect(palette).toBeVisible();
  await page.keyboard.type('will');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();

  // Then the next words by word-wise selection and key 1.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('1');
  await expect(page.getByRole('button', {name: /^stijl\/aanmoedigend, anna/})).toBeVisible();

  const codings = await codingsOf(server, 'anna', 'K2');
  expect(codings.map(({code, start, end}) => ({code, start, end}))).toEqual([
    {code: 'motivatie/willen', ...pointsOf(text('K2'), 'motivatie')},
    {code: 'stijl/aanmoedigend', ...pointsOf(text('K2'), 'groeit')},
  ]);
});

test('overlapping codings each get a stripe and the hover names both', async ({page}) => {
  await api(server, 'anna', 'POST', '/api/stories/E2/codings', {code: 'taal', ...pointsOf(text('E2'), 'Amina zei مرحبا بكم')});
  await api(server, 'anna', 'POST', '/api/stories/E2/codings', {code: 'stijl/dwingend', ...pointsOf(text('E2'), 'بكم tegen Tesfay')});
  await signIn(page, server, 'anna');
  await openStory(page, server, 'E2');
  const first = page.getByRole('button', {name: /^taal, anna: “Amina zei/});
  const second = page.getByRole('button', {name: /^stijl\/dwingend, anna: “بكم tegen Tesfay”/});
  await expect(first).toBeVisible();
  await expect(second).toBeVisible();
  const a = await first.boundingBox();
  const b = await second.boundingBox();
  expect(Math.abs(a.x - b.x)).toBeGreaterThanOrEqual(8);  // side by side, not on top of each other
  await page.getByText('بكم', {exact: true}).hover();
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toContainText('taal');
  await expect(tooltip).toContainText('stijl/dwingend');
});

test('right-to-left words, Ethiopic script and combining accents code at code points', async ({page}) => {
  await signIn(page, server, 'anna');
  await openStory(page, server, 'E2');
  await dragSelect(page, 'Tesfay ሰላም');
  await codeWithPalette(page, 'aanmoedigend');
  await dragSelect(page, 'Ax\u0301el lachte');
  await codeWithPalette(page, 'moeten');
  const codings = await codingsOf(server, 'anna', 'E2');
  const find = (code) => codings.find((c) => c.code === code);
  expect(find('stijl/aanmoedigend')).toMatchObject(pointsOf(text('E2'), 'Tesfay ሰላም'));
  expect(find('motivatie/moeten')).toMatchObject(pointsOf(text('E2'), 'Ax\u0301el lachte'));
});

test('a 100k-character story codes its last word at the right place', async ({page}) => {
  expect(text('L1').length).toBeGreaterThan(100_000);
  await signIn(page, server, 'anna');
  await openStory(page, server, 'L1');
  await dragSelect(page, 'sleutelwoord');
  await codeWithPalette(page, 'taal');
  const codings = await codingsOf(server, 'anna', 'L1');
  expect(codings.map(({start, end}) => ({start, end}))).toEqual([pointsOf(text('L1'), 'sleutelwoord')]);
});

test('a click on a highlight adds a memo, changes the code and removes the coding', async ({page}) => {
  const made = await api(server, 'anna', 'POST', '/api/stories/X1/codings', {code: 'taal', ...pointsOf(text('X1'), 'het formulier')});
  expect(made.status).toBe(201);
  await signIn(page, server, 'anna');
  await openStory(page, server, 'X1');
  const story = page.getByRole('textbox', {name: 'Story text'});
  await story.getByText('het formulier', {exact: true}).click();
  let dialog = page.getByRole('dialog', {name: 'Codings here'});
  await dialog.getByRole('textbox', {name: 'Memo'}).fill('Let op: formulier van de gemeente');
  await dialog.getByRole('button', {name: 'Save memo'}).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await codingsOf(server, 'anna', 'X1'))[0]?.memo).toBe('Let op: formulier van de gemeente');
  await story.getByText('het formulier', {exact: true}).hover();
  await expect(page.getByRole('tooltip')).toContainText('Let op: formulier van de gemeente');

  await page.getByRole('button', {name: /^taal, anna, Memo: Let op/}).click();
  dialog = page.getByRole('dialog', {name: 'Codings here'});
  await dialog.getByRole('button', {name: 'Change code'}).click();
  await page.getByRole('combobox', {name: 'Find a code'}).fill('dwingend');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', {name: /^stijl\/dwingend, anna/})).toBeVisible();
  expect((await codingsOf(server, 'anna', 'X1')).map((c) => c.code)).toEqual(['stijl/dwingend']);

  await page.getByRole('button', {name: /^stijl\/dwingend, anna/}).click();
  await page.getByRole('dialog', {name: 'Codings here'}).getByRole('button', {name: 'Remove'}).click();
  await expect(page.getByRole('button', {name: /^stijl\/dwingend, anna/})).toHaveCount(0);
  expect(await codingsOf(server, 'anna', 'X1')).toEqual([]);
});

test('Ctrl+Z and Ctrl+Shift+Z undo and redo through the server, also after a reload', async ({page}) => {
  await signIn(page, server, 'anna');
  await openStory(page, server, 'K2');
  await dragSelect(page, 'averechts');
  await codeWithPalette(page, 'dwingend');
  const stripe = page.getByRole('button', {name: 'stijl/dwingend, anna: “averechts”'});
  await expect(stripe).toBeVisible();

  await page.keyboard.press('Control+z');
  await expect(stripe).toHaveCount(0);
  expect((await codingsOf(server, 'anna', 'K2')).some((c) => c.code === 'stijl/dwingend')).toBe(false);
  await page.keyboard.press('Control+Shift+Z');
  await expect(stripe).toBeVisible();

  await page.reload();
  await expect(stripe).toBeVisible();
  await page.getByRole('button', {name: 'Undo'}).click();
  await expect(stripe).toHaveCount(0);
  await page.getByRole('button', {name: 'Redo'}).click();
  await expect(stripe).toBeVisible();
  expect((await codingsOf(server, 'anna', 'K2')).filter((c) => c.code === 'stijl/dwingend'))
    .toMatchObject([pointsOf(text('K2'), 'averechts')]);
});

test('whole-story coding from the header', async ({page}) => {
  await signIn(page, server, 'anna');
  await openStory(page, server, 'E2');
  await page.getByRole('button', {name: 'Code the whole story'}).click();
  await page.getByRole('combobox', {name: 'Find a code'}).fill('motivatie/willen');
  await page.keyboard.press('Enter');
  const length = [...text('E2')].length;
  await expect.poll(async () => (await codingsOf(server, 'anna', 'E2')).find((c) => c.code === 'motivatie/willen'))
    .toMatchObject({start: 0, end: length});
});
