// Two coders at once: each sees the other's codings appear without
// reloading (server-sent events), can read but not change them; with
// --blind neither sees the other's.

import {test, expect} from '@playwright/test';
import {makeProject, serve, signIn, openStory, dragSelect, pointsOf, codingsOf, stories, api} from './support/workbench.js';

const text = (key) => stories.find((s) => s.story === key).text;

test('two coders in two browsers see each other\'s codings live', async ({browser}) => {
  const project = makeProject();
  const server = await serve(project.file, ['--coders', 'anna,bram']);
  const anna = await (await browser.newContext()).newPage();
  const bram = await (await browser.newContext()).newPage();
  try {
    await signIn(anna, server, 'anna');
    await signIn(bram, server, 'bram');
    await openStory(anna, server, 'E1');
    await openStory(bram, server, 'E1');

    await dragSelect(anna, 'klantmanager');
    await anna.getByRole('button', {name: 'Code', exact: true}).click();
    await anna.getByRole('combobox', {name: 'Find a code'}).fill('dwingend');
    await anna.keyboard.press('Enter');
    // bram's page shows anna's coding without a reload.
    const annas = bram.getByRole('button', {name: 'stijl/dwingend, anna: “klantmanager”'});
    await expect(annas).toBeVisible();

    await dragSelect(bram, 'verplicht');
    await bram.getByRole('button', {name: 'Code', exact: true}).click();
    await bram.getByRole('combobox', {name: 'Find a code'}).fill('moeten');
    await bram.keyboard.press('Enter');
    await expect(anna.getByRole('button', {name: 'motivatie/moeten, bram: “verplicht”'})).toBeVisible();

    // bram may read anna's coding, not change it.
    await annas.click();
    const dialog = bram.getByRole('dialog', {name: 'Codings here'});
    await expect(dialog).toContainText('Another coder’s coding');
    await expect(dialog.getByRole('button', {name: 'Remove'})).toHaveCount(0);
    await expect(dialog.getByRole('textbox', {name: 'Memo'})).toBeDisabled();

    const codings = await codingsOf(server, 'anna', 'E1');
    expect(codings.map(({code, coder, start, end}) => ({code, coder, start, end}))).toEqual(expect.arrayContaining([
      {code: 'stijl/dwingend', coder: 'anna', ...pointsOf(text('E1'), 'klantmanager')},
      {code: 'motivatie/moeten', coder: 'bram', ...pointsOf(text('E1'), 'verplicht')},
    ]));
  } finally {
    await server.stop();
  }
});

test('with --blind a coder sees only their own codings', async ({browser}) => {
  const project = makeProject();
  const server = await serve(project.file, ['--coders', 'anna,bram', '--blind']);
  try {
    expect((await api(server, 'anna', 'POST', '/api/stories/K2/codings',
      {code: 'taal', ...pointsOf(text('K2'), 'samen kiezen')})).status).toBe(201);
    const bram = await (await browser.newContext()).newPage();
    await signIn(bram, server, 'bram');
    await expect(bram.getByText('Blind coding: you see only your own codings')).toBeVisible();
    const item = bram.getByRole('navigation', {name: 'Stories'}).getByRole('link', {name: /K2/});
    await expect(item).toContainText('not coded');
    await openStory(bram, server, 'K2');
    await expect(bram.getByRole('group', {name: 'Codings in this story'}).getByRole('button')).toHaveCount(0);

    const anna = await (await browser.newContext()).newPage();
    await signIn(anna, server, 'anna');
    await openStory(anna, server, 'K2');
    await expect(anna.getByRole('button', {name: 'taal, anna: “samen kiezen”'})).toBeVisible();

    // bram codes; anna does not see it appear, not even after a reload.
    await dragSelect(bram, 'averechts');
    await bram.getByRole('button', {name: 'Code', exact: true}).click();
    await bram.getByRole('combobox', {name: 'Find a code'}).fill('dwingend');
    await bram.keyboard.press('Enter');
    await expect(bram.getByRole('button', {name: 'stijl/dwingend, bram: “averechts”'})).toBeVisible();
    await anna.reload();
    await expect(anna.getByRole('button', {name: 'taal, anna: “samen kiezen”'})).toBeVisible();
    await expect(anna.getByRole('button', {name: /bram/})).toHaveCount(0);
  } finally {
    await server.stop();
  }
});
