// The Privacy view: what `verhaal pseudonymise` would replace, story by
// story, each detection in its context with its category, pseudonym and the
// rule that found it; the lead rejects one and marks missed words by
// selecting them in a story's text, and then the review file holds both
// and the CLI's dry run honours them; decisions stay after a reload and
// are undone; the keyboard decides; another coder looks without buttons;
// axe-core; the Dutch labels.

import {test, expect} from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {makeProject, serve, signIn, stories, pointsOf, dragSelect, verhaalBin} from './support/workbench.js';

const p1 = {story: 'P1', respondent: 'R4', role: 'statushouder', kind: 'experience', wave: '1', title: 'Buren',
  gemeente: 'Ede', motivatie: '0.5', taal: '0.5', gezondheid: '0.2', werk: '0.3',
  text: 'Ik heet Yonas Tesfay en ik woon in Harderwijk.\n\n' +
    'Mijn buurman Kees helpt met de brieven. Soms gaan we vissen bij de steiger van Ome Joop.'};
const harderwijk = pointsOf(p1.text, 'Harderwijk');
const omeJoop = pointsOf(p1.text, 'Ome Joop');

let server;
let made;

test.beforeAll(async () => {
  made = makeProject([...stories, p1]);
  server = await serve(made.file, ['--coders', 'anna,bram']);
});
test.afterAll(async () => {
  await server?.stop();
});

const view = (page, lang = 'en') => page.getByRole('main', {name: lang === 'nl' ? 'Privacycontrole' : 'Privacy review'});
// The item of `text` in story P1's text, by the name it is known by.
const item = (page, text, category, lang = 'en') =>
  view(page, lang).getByRole('article', {name: new RegExp(`^${text} · ${category} · P1 text \\d+–\\d+$`)});

async function openPrivacy(page, coder = 'anna', lang = 'en') {
  await signIn(page, server, coder);
  await page.getByRole('link', {name: 'Privacy', exact: true}).click();
  await expect(page.getByRole('heading', {level: 2, name: lang === 'nl' ? 'Privacycontrole' : 'Privacy review'})).toBeVisible();
  await expect(view(page, lang).getByRole('heading', {level: 3, name: lang === 'nl' ? /\d+ vondsten/ : /\d+ detections/})).toBeVisible();
}

function dryRun() {
  const out = execFileSync(verhaalBin, ['-p', made.file, 'pseudonymise', '--dry-run', '--format', 'json'], {stdio: 'pipe'});
  return JSON.parse(out.toString()).filter((d) => d.story === 'P1' && d.field === 'text').map((d) => d.text);
}

test('reject one, add one by selection: the review file holds both and the CLI honours them', async ({page}) => {
  expect(dryRun()).toEqual(expect.arrayContaining(['Harderwijk']));
  expect(dryRun()).not.toContain('Ome Joop');
  await openPrivacy(page);
  const place = item(page, 'Harderwijk', 'place');
  await expect(place.locator('mark')).toHaveText('Harderwijk');
  // The context starts at the text's start: no "…" before it.
  await expect(place.locator('p.context')).toHaveText(/^Ik heet Yonas Tesfay en ik woon in Harderwijk\.\s+Mijn buurman Kees helpt met de brieven\. Soms gaan we viss…$/);
  await expect(place).toContainText('Found by: list:places');
  await expect(place).toContainText('Not reviewed yet: will be replaced.');
  await place.getByRole('button', {name: 'Reject', exact: true}).click();
  await expect(item(page, 'Harderwijk', 'place')).toContainText('Rejected: stays as it is.');
  await expect(page.getByRole('status').first()).toContainText('Harderwijk');

  // The story's whole text, to mark what the tool missed.
  await view(page).getByLabel('Story', {exact: true}).selectOption('P1');
  await expect(view(page).getByRole('heading', {name: 'Text of story P1'})).toBeVisible();
  const text = view(page).getByRole('textbox', {name: 'Story text to mark'});
  await expect(text.locator('mark')).toHaveText(['Yonas Tesfay', 'Kees']);
  const mark = view(page).getByRole('button', {name: 'Mark as identifier'});
  await expect(mark).toBeDisabled();
  await dragSelect(page, 'Ome Joop', {root: 'privacy-text'});
  await expect(view(page).getByText('Selected: “Ome Joop”')).toBeVisible();
  await view(page).getByLabel('Category of the selected words').selectOption('PERSOON');
  await mark.click();
  const added = item(page, 'Ome Joop', 'person');
  await expect(added).toContainText('Added by hand: will be replaced.');
  await expect(added).toContainText('Found by: decisions:add');
  await expect(text.locator('mark')).toHaveText(['Yonas Tesfay', 'Kees', 'Ome Joop']);

  const review = fs.readFileSync(path.join(made.dir, 'test.review.yaml'), 'utf8');
  expect(review).toContain(`reject:\n  - {story: "P1", start: ${harderwijk.start}, end: ${harderwijk.end}}\n`);
  expect(review).toContain(`add:\n  - {story: "P1", start: ${omeJoop.start}, end: ${omeJoop.end}, category: PERSOON}\n`);
  const replaced = dryRun();
  expect(replaced).not.toContain('Harderwijk');
  expect(replaced).toContain('Ome Joop');

  // After a reload the decisions are still there.
  await page.reload();
  await expect(item(page, 'Harderwijk', 'place')).toContainText('Rejected: stays as it is.');
  await expect(item(page, 'Ome Joop', 'person')).toContainText('Added by hand: will be replaced.');
});

test('the keyboard accepts and undoes a decision', async ({page}) => {
  await openPrivacy(page);
  const kees = item(page, 'Kees', 'person');
  await kees.getByRole('button', {name: 'Accept', exact: true}).focus();
  await page.keyboard.press('Enter');
  await expect(item(page, 'Kees', 'person')).toContainText('Accepted: will be replaced.');
  await expect(item(page, 'Kees', 'person').getByRole('button', {name: 'Accept', exact: true})).toHaveAttribute('aria-pressed', 'true');
  await expect(item(page, 'Kees', 'person').getByRole('button', {name: 'Accept', exact: true})).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(item(page, 'Kees', 'person').getByRole('button', {name: 'Undo the decision'})).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(item(page, 'Kees', 'person')).toContainText('Not reviewed yet: will be replaced.');
  // The filter by decision.
  await view(page).getByLabel('Decision', {exact: true}).selectOption('rejected');
  await expect(view(page).getByRole('heading', {level: 3, name: '1 detection'})).toBeVisible();
  await expect(page).toHaveURL(/#privacy\?status=rejected$/);
});

test('another coder reads the review but only the lead decides', async ({browser}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openPrivacy(page, 'bram');
  await expect(view(page)).toContainText('Only the lead (anna) decides; you can look.');
  await expect(item(page, 'Harderwijk', 'place')).toContainText('Rejected: stays as it is.');
  await expect(view(page).getByRole('button', {name: 'Reject', exact: true})).toHaveCount(0);
  await context.close();
});

test('text from the project is shown as text', async ({page}) => {
  await openPrivacy(page);
  await view(page).getByLabel('Story', {exact: true}).selectOption('X1');
  const text = view(page).getByRole('textbox', {name: 'Story text to mark'});
  await expect(text).toContainText('<img src=x onerror=alert(1)>');
  await expect(view(page).locator('img')).toHaveCount(0);
});

test('axe-core finds no serious or critical violations in the Privacy view', async ({page}) => {
  await openPrivacy(page);
  await view(page).getByLabel('Story', {exact: true}).selectOption('P1');
  await expect(view(page).getByRole('heading', {name: 'Text of story P1'})).toBeVisible();
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

  test('the Privacy view speaks Dutch', async ({page}) => {
    await openPrivacy(page, 'anna', 'nl');
    for (const name of ['Categorie', 'Gevonden in', 'Beslissing', 'Verhaal']) {
      await expect(view(page, 'nl').getByLabel(name, {exact: true})).toBeVisible();
    }
    const kees = item(page, 'Kees', 'persoon', 'nl');
    await expect(kees.getByRole('button', {name: 'Goedkeuren'})).toBeVisible();
    await expect(kees.getByRole('button', {name: 'Afwijzen'})).toBeVisible();
    await expect(kees).toContainText('persoon in de verhaaltekst → [PERSOON-');
    await expect(kees).toContainText('Nog niet beoordeeld: wordt vervangen.');
    await expect(item(page, 'Harderwijk', 'plaats', 'nl')).toContainText('Afgewezen: blijft staan.');
    await view(page, 'nl').getByLabel('Verhaal', {exact: true}).selectOption('P1');
    await expect(view(page, 'nl').getByRole('heading', {name: 'Tekst van verhaal P1'})).toBeVisible();
    await expect(view(page, 'nl').getByRole('button', {name: 'Markeren als identificerend'})).toBeDisabled();
    await expect(view(page, 'nl').getByText('Niets geselecteerd.')).toBeVisible();
  });
});
