// The Signifiers view: each story a point on the triad "belang" (taal,
// gezondheid, werk); a rectangle or a lasso drawn with the mouse selects the
// stories whose point lies inside, computed here from the stories' known
// answers with the triangle's geometry (the weighted mean of the corners, as
// `verhaal summary --svg` draws it); the ranges select from the keyboard; the
// selection saved as a story set filters the story list and the matrix;
// axe-core finds nothing serious; the Dutch labels.

import {test, expect} from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import {makeProject, serve, signIn, stories} from './support/workbench.js';

let server;

test.beforeAll(async () => {
  server = await serve(makeProject().file, ['--coders', 'anna,bram']);
});
test.afterAll(async () => {
  await server?.stop();
});

const view = (page, lang = 'en') =>
  page.getByRole('main', {name: lang === 'nl' ? 'Zelfduiding: driehoek en schuifregelaars' : 'Signifiers: triangle and sliders'});

// The answers: top, left, right = taal, gezondheid, werk.
const answers = stories.filter((s) => s.taal !== 'NA').map((s) => ({
  key: s.story, top: Number(s.taal), left: Number(s.gezondheid), right: Number(s.werk),
}));

async function openView(page, lang = 'en') {
  await signIn(page, server, 'anna');
  await page.getByRole('link', {name: lang === 'nl' ? 'Zelfduiding' : 'Signifiers', exact: true}).click();
  await expect(view(page, lang).getByRole('img')).toBeVisible();
  const placed = lang === 'nl' ? '5 van 5 verhalen geplaatst' : '5 of 5 stories placed';
  await expect(view(page, lang).getByRole('img')).toHaveAccessibleName(new RegExp(placed));
}

// Where each story's point lies on the screen: the triangle's frame gives
// the corners (top middle, bottom left, bottom right).
async function screenPoints(page) {
  const box = await page.locator('.signifier-plot .frame').boundingBox();
  const corners = {top: [box.x + box.width / 2, box.y], left: [box.x, box.y + box.height], right: [box.x + box.width, box.y + box.height]};
  return answers.map((a) => {
    const sum = a.top + a.left + a.right;
    const at = (i) => (a.top * corners.top[i] + a.left * corners.left[i] + a.right * corners.right[i]) / sum;
    return {key: a.key, x: at(0), y: at(1)};
  });
}

function insidePolygon([x, y], polygon) {
  let within = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i];
    const [xj, yj] = polygon[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) within = !within;
  }
  return within;
}

async function selectedKeys(page) {
  const list = view(page).getByRole('list', {name: 'Selected stories'});
  return (await list.getByRole('link').allTextContents()).map((text) => text.split(' ')[0]).sort();
}

test('a rectangle on the triangle selects the stories inside it; a click opens one', async ({page}) => {
  await openView(page);
  const box = await page.locator('.signifier-plot .frame').boundingBox();
  // From 62% of the width to beyond the right corner, over the full height.
  const [x1, y1, x2, y2] = [box.x + box.width * 0.62, box.y - 5, box.x + box.width + 8, box.y + box.height + 5];
  const expected = (await screenPoints(page))
    .filter((p) => p.x >= x1 && p.x <= x2 && p.y >= y1 && p.y <= y2).map((p) => p.key).sort();
  expect(expected).toEqual(['E2', 'K2']);  // werk 0.6 and 0.8
  await page.mouse.move(x1, y1);
  await page.mouse.down();
  await page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, {steps: 4});
  await page.mouse.move(x2, y2, {steps: 4});
  await page.mouse.up();
  await expect(view(page).getByText('2 stories selected', {exact: true})).toBeVisible();
  await expect.poll(() => selectedKeys(page)).toEqual(expected);
  await expect(view(page).getByRole('list', {name: 'Selected stories'})).toContainText('respondent K2');
  await view(page).getByRole('link', {name: /^K2 Samen kiezen/}).click();
  await expect(page.getByRole('heading', {level: 2, name: 'Samen kiezen'})).toBeVisible();
});

test('a lasso selects the stories inside the drawn outline', async ({page}) => {
  await openView(page);
  await view(page).getByLabel('lasso').check();
  const points = await screenPoints(page);
  const k2 = points.find((p) => p.key === 'K2');
  // A diamond around K2's point.
  const outline = [[k2.x, k2.y - 14], [k2.x + 14, k2.y], [k2.x, k2.y + 14], [k2.x - 14, k2.y]];
  const expected = points.filter((p) => insidePolygon([p.x, p.y], outline)).map((p) => p.key).sort();
  expect(expected).toEqual(['K2']);
  await page.mouse.move(...outline[0]);
  await page.mouse.down();
  for (const corner of [...outline.slice(1), outline[0]]) await page.mouse.move(...corner, {steps: 3});
  await page.mouse.up();
  await expect(view(page).getByText('1 story selected', {exact: true})).toBeVisible();
  await expect.poll(() => selectedKeys(page)).toEqual(expected);
});

test('from the keyboard: a range selects, the selection becomes a story set that filters the list and the matrix', async ({page}) => {
  await openView(page);
  const werk = view(page).getByRole('group', {name: 'werk'});
  await werk.getByLabel('from').fill('50');
  await werk.getByLabel('from').press('Enter');
  const expected = answers.filter((a) => a.right >= 0.5).map((a) => a.key).sort();
  await expect(view(page).getByText(`${expected.length} stories selected`, {exact: true})).toBeVisible();
  await expect.poll(() => selectedKeys(page)).toEqual(expected);
  const name = view(page).getByLabel('Save the selection as the story set');
  await name.fill('werk voorop');
  await name.press('Enter');
  const sets = view(page).getByRole('list').filter({hasText: 'werk voorop'});
  await expect(sets).toContainText(`${expected.length} stories`);
  // The same name again is refused, and says so.
  await name.fill('werk voorop');
  await name.press('Enter');
  await expect(page.getByRole('alert')).toContainText('already a story set');

  // The story list, filtered by the set.
  await view(page).getByRole('button', {name: 'Show the stories of werk voorop in the story list'}).click();
  const list = page.locator('#story-list');
  await expect(list.getByRole('link')).toHaveCount(expected.length);
  for (const key of expected) await expect(list.getByRole('link', {name: new RegExp(`^${key}`)})).toBeVisible();
  await expect(page.getByRole('group', {name: 'Filters'}).getByLabel('Story set', {exact: true})).toHaveValue('werk voorop');

  // The matrix, filtered by the set.
  await page.goto(`${server.base}/#matrix?rows=role&cols=kind`);
  const matrix = page.getByRole('main', {name: 'Matrix'});
  await matrix.getByLabel('Story set', {exact: true}).selectOption('werk voorop');
  await expect(matrix.getByText(`${expected.length} stories used`).first()).toBeVisible();
  expect(page.url()).toContain('set=werk+voorop');

  // Renamed and deleted in the view.
  await page.getByRole('link', {name: 'Signifiers', exact: true}).click();
  await view(page).getByRole('button', {name: 'Rename werk voorop'}).click();
  const rename = view(page).getByLabel('New name for werk voorop');
  await rename.fill('vooral werk');
  await rename.press('Enter');
  await expect(view(page).getByRole('button', {name: 'Delete the story set vooral werk'})).toBeVisible();
  await view(page).getByRole('button', {name: 'Delete the story set vooral werk'}).click();
  await expect(view(page).getByText('No story sets yet.')).toBeVisible();
});

test('axe-core finds no serious or critical violations in the Signifiers view', async ({page}) => {
  await openView(page);
  await view(page).getByRole('group', {name: 'taal'}).getByLabel('from').fill('30');
  await view(page).getByRole('button', {name: 'Select', exact: true}).click();
  await expect(view(page).getByRole('list', {name: 'Selected stories'}).getByRole('link').first()).toBeVisible();
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

  test('the Signifiers view speaks Dutch', async ({page}) => {
    await openView(page, 'nl');
    for (const label of ['Figuur', 'Kleur naar', 'Verhaalset', 'rechthoek', 'lasso']) {
      await expect(view(page, 'nl').getByLabel(label, {exact: true})).toBeVisible();
    }
    await view(page, 'nl').getByLabel('Kleur naar', {exact: true}).selectOption({label: 'motivatie/willen'});
    await expect(view(page, 'nl').getByText('niet gecodeerd (5)')).toBeVisible();
    // Whose codings coloured the points, in Dutch (the server's English
    // before); the fixture's codings are all rules', so no person's count.
    await expect(page.locator('#signifiers-header')).toHaveText(/ · coderingen: geen: nog geen menselijke codeur heeft gecodeerd$/);
    await view(page, 'nl').getByRole('group', {name: 'werk'}).getByLabel('van').fill('70');
    await view(page, 'nl').getByRole('button', {name: 'Selecteren', exact: true}).click();
    await expect(view(page, 'nl').getByText('1 verhaal geselecteerd', {exact: true})).toBeVisible();
    await expect(view(page, 'nl').getByLabel('De selectie bewaren als verhaalset')).toBeVisible();
  });
});
