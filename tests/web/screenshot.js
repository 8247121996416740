// Takes docs/images/workbench.png from a real session on the example study:
// builds it with `verhaal run`, serves it, codes a passage by selecting it,
// and photographs the page with the Code button beside a new selection; then
// docs/images/matrix.png: the Matrix view of motivatie x communicatiestijl
// with the quotes of willen x aanmoedigend; then docs/images/team.png: the
// Team view after anna settled a disagreement of SH-09-E; then
// docs/images/code.png: the Code view's passages of motivatie/willen; then
// docs/images/signifiers.png: the triad belang coloured by motivatie/willen
// with the stories near the corner werk selected by a rectangle; then
// docs/images/memos.png: the Memos view (the team step's decision is a memo);
// then docs/images/rules.png: the Rules view with a rule coding accepted.
// Names on the command line take only those (workbench, matrix, team, code,
// signifiers, memos, rules).
//
//   VERHAAL_BIN=build/cli/verhaal node tests/web/screenshot.js [team ...]

import {chromium} from '@playwright/test';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {serve, signIn, dragSelect, sourceDir, verhaalBin} from './support/workbench.js';

const only = process.argv.slice(2);
const want = (name) => !only.length || only.includes(name);
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'verhaal-shot-'));
execFileSync(verhaalBin, ['run', path.join(sourceDir, 'examples/statushouders/study.yaml'), '--out', out], {stdio: 'pipe'});
const project = path.join(out, 'statushouders.verhaal');
const server = await serve(project, ['--coders', 'anna,bram', '--lang', 'nl']);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
try {
  const page = await (await browser.newContext({viewport: {width: 1440, height: 900}, locale: 'nl-NL'})).newPage();
  await signIn(page, server, 'anna');
  if (want('workbench')) {
  await page.goto(`${server.base}/#story=SH-02-E`);
  await page.getByRole('textbox', {name: 'Tekst van het verhaal'}).waitFor();
  await page.waitForTimeout(500);
  const words = await page.evaluate(() => document.getElementById('story-text').textContent);
  // Code the storyteller's first sentence about work, then select another.
  const first = /[^.]*werk[^.]*\./i.exec(words)?.[0]?.trim();
  if (first) {
    await dragSelect(page, first.slice(0, 60));
    await page.getByRole('button', {name: 'Coderen', exact: true}).click();
    await page.getByRole('combobox', {name: 'Code zoeken'}).fill('willen');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
  }
  const second = /[^.]*klantmanager[^.]*\./i.exec(words)?.[0]?.trim();
  if (second) await dragSelect(page, second.slice(0, 40));
  await page.evaluate(() => { document.getElementById('story-pane').scrollTop = 0; });
  await page.waitForTimeout(300);
  const file = path.join(sourceDir, 'docs/images/workbench.png');
  fs.mkdirSync(path.dirname(file), {recursive: true});
  await page.screenshot({path: file});
  console.log(`wrote ${file}`);
  }

  if (want('matrix')) {
  await page.goto(`${server.base}/#matrix?rows=code%3Amotivatie&cols=code%3Acommunicatiestijl&role=statushouder`);
  await page.getByRole('table', {name: /rijen/}).waitFor();
  await page.getByRole('button', {name: /^willen × aanmoedigend/}).click();
  await page.getByRole('heading', {name: /^Citaten/}).waitFor();
  await page.evaluate(() => { document.getElementById('status').textContent = ''; });
  await page.waitForTimeout(300);
  const matrixFile = path.join(sourceDir, 'docs/images/matrix.png');
  await page.screenshot({path: matrixFile});
  console.log(`wrote ${matrixFile}`);
  }

  if (want('team')) {
    await page.goto(`${server.base}/#team`);
    await page.getByRole('heading', {level: 2, name: 'Team'}).waitFor();
    await page.getByRole('table', {name: /^Overeenstemming tussen/}).waitFor();
    await page.locator('#t-code').selectOption('motivatie/moeten');
    const item = page.getByRole('article', {name: 'SH-09-E · motivatie/moeten'});
    await item.getByRole('button', {name: 'Neem A over'}).click();
    await item.getByText(/^Beslist door anna/).waitFor();
    await page.evaluate(() => { document.getElementById('status').textContent = ''; });
    await page.evaluate(() => document.getElementById('team-agreement').scrollIntoView());
    await page.waitForTimeout(300);
    const teamFile = path.join(sourceDir, 'docs/images/team.png');
    await page.screenshot({path: teamFile});
    console.log(`wrote ${teamFile}`);
  }

  if (want('code')) {
    await page.goto(`${server.base}/#code?code=motivatie%2Fwillen`);
    await page.getByRole('heading', {level: 2, name: 'Gecodeerde fragmenten'}).waitFor();
    await page.getByText(/^\d+ fragmenten$/).first().waitFor();
    await page.evaluate(() => { document.getElementById('status').textContent = ''; });
    await page.waitForTimeout(300);
    const codeFile = path.join(sourceDir, 'docs/images/code.png');
    await page.screenshot({path: codeFile});
    console.log(`wrote ${codeFile}`);
  }

  if (want('signifiers')) {
    await page.goto(`${server.base}/#signifiers?triad=belang&coded=motivatie%2Fwillen`);
    const frame = page.locator('.signifier-plot .frame');
    await frame.waitFor();
    await page.getByText(/verhalen geplaatst/).first().waitFor();
    const box = await frame.boundingBox();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.55);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width + 6, box.y + box.height + 6, {steps: 6});
    await page.mouse.up();
    await page.getByText(/\d+ verha\S+ geselecteerd$/).first().waitFor();
    await page.evaluate(() => { document.getElementById('status').textContent = ''; });
    await page.waitForTimeout(500);
    const signifiersFile = path.join(sourceDir, 'docs/images/signifiers.png');
    await page.screenshot({path: signifiersFile, fullPage: true});
    console.log(`wrote ${signifiersFile}`);
  }

  if (want('memos')) {
    // The team step's decision left a memo; one on a story of its own too.
    await page.goto(`${server.base}/#memos`);
    await page.getByRole('heading', {level: 2, name: 'Memo\'s'}).waitFor();
    await page.getByText(/^\d+ memo/).first().waitFor();
    await page.evaluate(() => { document.getElementById('status').textContent = ''; });
    await page.waitForTimeout(300);
    const memosFile = path.join(sourceDir, 'docs/images/memos.png');
    await page.screenshot({path: memosFile});
    console.log(`wrote ${memosFile}`);
  }

  if (want('rules')) {
    await page.goto(`${server.base}/#rules`);
    await page.getByRole('heading', {level: 2, name: 'Regels'}).waitFor();
    const main = page.getByRole('main', {name: 'Regels'});
    await main.getByRole('button', {name: 'Accepteren'}).first().click();
    await main.getByText(/^Geaccepteerd door anna/).first().waitFor();
    // Accepting moved the focus down the list: the view from its top.
    await page.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, 0); });
    await page.getByRole('heading', {level: 2, name: 'Regels'}).scrollIntoViewIfNeeded();
    await page.evaluate(() => { document.getElementById('status').textContent = ''; });
    await page.waitForTimeout(300);
    const rulesFile = path.join(sourceDir, 'docs/images/rules.png');
    await page.screenshot({path: rulesFile});
    console.log(`wrote ${rulesFile}`);
  }
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(out, {recursive: true, force: true});
}
