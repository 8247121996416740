// What must never happen, and who can use the page: markup in a story stays
// text; the page asks nothing of any other host; axe-core finds no serious or
// critical accessibility violations; the Dutch page reads as Dutch.

import {test, expect} from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import {makeProject, serve, signIn, openStory, dragSelect, pointsOf, stories, api} from './support/workbench.js';

const text = (key) => stories.find((s) => s.story === key).text;
let server;

test.beforeAll(async () => {
  const project = makeProject();
  server = await serve(project.file, ['--coders', 'anna,bram']);
  await api(server, 'anna', 'POST', '/api/stories/E1/codings', {code: 'taal', ...pointsOf(text('E1'), 'taalles'), memo: '<b>memo</b>'});
  await api(server, 'bram', 'POST', '/api/stories/E1/codings', {code: 'stijl/dwingend', ...pointsOf(text('E1'), 'met de taalles')});
});
test.afterAll(async () => {
  await server?.stop();
});

test('a story containing <img src=x onerror=alert(1)> shows it as text', async ({page}) => {
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  await signIn(page, server, 'anna');
  await openStory(page, server, 'X1');
  const story = page.getByRole('textbox', {name: 'Story text'});
  await expect(story).toHaveText(text('X1'));
  await expect(page.locator('img')).toHaveCount(0);
  await expect(page.locator('#story-text b, #story-list b')).toHaveCount(0);
  await expect(page.getByRole('link', {name: /X1/})).toContainText('<img src=x onerror=alert(1)>');
  await openStory(page, server, 'E1');
  await page.getByText('taalles', {exact: true}).hover();
  await expect(page.getByRole('tooltip')).toContainText('<b>memo</b>');
  expect(dialogs).toEqual([]);
});

test('the page asks nothing of any host but the server', async ({page}) => {
  const hosts = new Set();
  page.on('request', (request) => hosts.add(new URL(request.url()).origin));
  await signIn(page, server, 'anna');
  await openStory(page, server, 'E1');
  await dragSelect(page, 'buurvrouw');
  await page.getByRole('button', {name: 'Code', exact: true}).click();
  await page.keyboard.press('Escape');
  expect([...hosts].filter((origin) => origin !== server.base && !origin.startsWith('data:'))).toEqual([]);
});

async function seriousViolations(page) {
  const results = await new AxeBuilder({page}).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

test('axe-core finds no serious or critical violations', async ({page}) => {
  test.setTimeout(300_000);  // four full scans
  await signIn(page, server, 'anna');
  await openStory(page, server, 'E1');
  await expect(page.getByRole('button', {name: /^taal, anna/})).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await dragSelect(page, 'buurvrouw');
  await page.getByRole('button', {name: 'Code', exact: true}).click();
  await expect(page.getByRole('dialog', {name: 'Code the selection'})).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', {name: /^stijl\/dwingend, bram/}).click();
  await expect(page.getByRole('dialog', {name: 'Codings here'})).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', {name: 'Edit taal'}).click();
  await expect(page.getByRole('dialog', {name: 'Edit taal'})).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe('in Dutch', () => {
  test.use({locale: 'nl-NL'});

  test('the page follows the browser\'s language and can switch', async ({page}) => {
    await signIn(page, server, 'anna');
    await expect(page.getByRole('heading', {level: 2, name: 'Verhalen'})).toBeVisible();
    await expect(page.getByRole('heading', {level: 2, name: 'Codeboek'})).toBeVisible();
    await expect(page.getByRole('searchbox', {name: 'Zoeken'})).toBeVisible();
    await expect(page.getByRole('button', {name: 'Volgend ongecodeerd verhaal'})).toBeVisible();
    await expect(page.getByRole('navigation', {name: 'Verhalen'}).getByRole('status')).toHaveText('5 van 5 verhalen');
    await openStory(page, server, 'E2');
    await expect(page.getByRole('link', {name: /E2/})).toContainText('ongecodeerd');
    await dragSelect(page, 'bakker');
    await page.getByRole('button', {name: 'Coderen', exact: true}).click();
    await expect(page.getByRole('dialog', {name: 'Selectie coderen'})).toBeVisible();
    await page.getByRole('combobox', {name: 'Code zoeken'}).fill('taal');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({hasText: 'taal gecodeerd'})).toBeVisible();
    await expect(page.getByRole('button', {name: 'Ongedaan maken'})).toBeVisible();
    await expect(page.getByRole('button', {name: 'Hele verhaal coderen'})).toBeVisible();

    await page.getByRole('combobox', {name: 'Taal'}).selectOption('en');
    await expect(page.getByRole('heading', {level: 2, name: 'Stories'})).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', {level: 2, name: 'Stories'})).toBeVisible();
    await page.getByRole('combobox', {name: 'Language'}).selectOption('nl');
    await expect(page.getByRole('heading', {level: 2, name: 'Verhalen'})).toBeVisible();
  });
});
