// Test support: builds a project with the verhaal CLI from inline data,
// starts `verhaal serve --port 0 --no-browser --token-file F` on it, signs a
// browser page in with a coder's link, and selects story text like a user.

import {execFileSync, spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {expect} from '@playwright/test';

export const verhaalBin = process.env.VERHAAL_BIN;
export const sourceDir = process.env.VERHAAL_SOURCE_DIR || path.resolve(import.meta.dirname, '../../..');
if (!verhaalBin) throw new Error('set VERHAAL_BIN to the built verhaal binary (tests/web/run.sh does)');

// The stories every test project holds. Text is NFC with \n line ends.
export const stories = [
  {story: 'E1', respondent: 'R1', role: 'statushouder', kind: 'experience', wave: '1', title: 'Eerste maanden',
    gemeente: 'Ede', motivatie: '0.8', taal: '0.5', gezondheid: '0.2', werk: '0.3',
    text: 'Ik 😀 wilde meteen aan het werk, maar de klantmanager zei dat het verplicht was.\n\n' +
      'Daarna ging het beter met de taalles en met mijn buurvrouw.'},
  {story: 'E2', respondent: 'R2', role: 'statushouder', kind: 'experience', wave: '2', title: 'Namen',
    gemeente: 'Ermelo', motivatie: '0.3', taal: '0.2', gezondheid: '0.2', werk: '0.6',
    text: 'Amina zei مرحبا بكم tegen Tesfay ሰላም en de heer Ax\u0301el lachte om de koffie.\n\n' +
      'Toen begon het sollicitatiegesprek bij de bakker.'},
  {story: 'X1', respondent: 'K1', role: 'klantmanager', kind: 'reflection', wave: '1', title: 'Formulier',
    gemeente: 'Ede', motivatie: 'NA', taal: '0.4', gezondheid: '0.3', werk: '0.3',
    text: 'Zij schreef <img src=x onerror=alert(1)> in het formulier, en <b>vet</b> erachter.'},
  {story: 'K2', respondent: 'K2', role: 'klantmanager', kind: 'reflection', wave: '2', title: 'Samen kiezen',
    gemeente: 'Deventer', motivatie: '0.9', taal: '0.1', gezondheid: '0.1', werk: '0.8',
    text: 'Ik zie dat de motivatie groeit als we samen kiezen.\n\nDe verplichting werkt vaak averechts.'},
  {story: 'L1', respondent: 'R3', role: 'statushouder', kind: 'experience', wave: '1', title: 'Lang verhaal',
    gemeente: 'Ede', motivatie: '0.5', taal: '0.3', gezondheid: '0.3', werk: '0.4',
    text: Array.from({length: 1900}, (_, i) => `Zin ${i + 1} van een heel lang verhaal over werk en taal. `).join('') +
      '\n\nHet allerlaatste woord is sleutelwoord.'},
];

const mapping = `story: story
respondent: respondent
role: role
kind: kind
wave: wave
title: title
text: text
story_variables:
  gemeente: text
signifiers:
  motivatie:
    type: dyad
    title: Samenwerking
    low: moeten samenwerken
    high: willen samenwerken
  belang:
    type: triad
    title: Wat was het belangrijkst?
    columns: [taal, gezondheid, werk]
    labels: [taal, gezondheid, werk]
not_applicable: NA
`;

export const codebook = `codes:
  - name: motivatie
    colour: "#1F77B4"
    description: Waarom de verteller meewerkt.
    children:
      - name: moeten
        colour: "#AEC7E8"
        description: Meewerken omdat het moet.
      - name: willen
        colour: "#2CA02C"
        description: Meewerken omdat de verteller het zelf wil.
  - name: stijl
    colour: "#D62728"
    description: Hoe de klantmanager communiceert.
    children:
      - name: dwingend
        colour: "#FF9896"
      - name: aanmoedigend
        colour: "#9467BD"
  - name: taal
    colour: "#8C564B"
    description: Taal leren en spreken.
`;

function csvField(value) {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csv(rows) {
  const columns = Object.keys(rows[0]);
  return [columns.join(','), ...rows.map((row) => columns.map((c) => csvField(row[c] ?? '')).join(','))].join('\n') + '\n';
}

// Runs the CLI on `project`; returns stdout.
export function verhaal(project, ...args) {
  return execFileSync(verhaalBin, ['-p', project, ...args], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
}

// A fresh project in a temporary folder: init, import csv, codebook load.
export function makeProject(rows = stories) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verhaal-web-'));
  const file = path.join(dir, 'test.verhaal');
  execFileSync(verhaalBin, ['init', file, '--name', 'Workbench test'], {stdio: 'pipe'});
  fs.writeFileSync(path.join(dir, 'stories.csv'), csv(rows));
  fs.writeFileSync(path.join(dir, 'stories.mapping.yaml'), mapping);
  fs.writeFileSync(path.join(dir, 'codebook.yaml'), codebook);
  verhaal(file, 'import', 'csv', path.join(dir, 'stories.csv'), '--mapping', path.join(dir, 'stories.mapping.yaml'));
  verhaal(file, 'codebook', 'load', path.join(dir, 'codebook.yaml'));
  return {dir, file};
}

// Starts `verhaal serve` on `project`; resolves when its token file lists the
// coders' links: {urls: {coder: url}, base, tokens: {coder: token}, stop()}.
export async function serve(project, args = []) {
  const tokenFile = path.join(path.dirname(project), `tokens-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
  const child = spawn(verhaalBin, ['-p', project, 'serve', '--port', '0', '--no-browser', '--token-file', tokenFile, ...args],
    {stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, VERHAAL_CODER: 'anna'}});
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const deadline = Date.now() + 20_000;
  let lines = [];
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verhaal serve exited with ${child.exitCode}:\n${output}`);
    if (fs.existsSync(tokenFile)) {
      lines = fs.readFileSync(tokenFile, 'utf8').split('\n').filter((line) => /^\S+ https?:\/\//.test(line));
      if (lines.length) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!lines.length) {
    child.kill('SIGTERM');
    throw new Error(`verhaal serve wrote no token file within 20 s:\n${output}`);
  }
  const urls = {};
  const tokens = {};
  for (const line of lines) {
    const [coder, url] = line.split(/\s+/);
    urls[coder] = url;
    tokens[coder] = new URL(url).searchParams.get('token');
  }
  const base = new URL(Object.values(urls)[0]).origin;
  return {
    urls, tokens, base, output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}

// The API as a script sees it (Bearer token).
export async function api(server, coder, method, route, body) {
  const response = await fetch(`${server.base}${route}`, {
    method,
    headers: {Authorization: `Bearer ${server.tokens[coder]}`, ...(body ? {'Content-Type': 'application/json'} : {})},
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return {status: response.status, json: text ? JSON.parse(text) : null};
}

// Opens the coder's link in `page` (token -> cookie) and then `hash`.
export async function signIn(page, server, coder, hash = '') {
  await page.goto(server.urls[coder]);
  await expect(page).not.toHaveURL(/token=/);
  if (hash) await page.goto(`${server.base}/${hash}`);
  await expect(page.getByRole('heading', {level: 2, name: /Stories|Verhalen/})).toBeVisible();
}

export async function openStory(page, server, key) {
  await page.goto(`${server.base}/#story=${encodeURIComponent(key)}`);
  const title = stories.find((s) => s.story === key)?.title || key;
  await expect(page.getByRole('heading', {level: 2, name: title})).toBeVisible();
}

// Code point offsets of `needle` in `text` (its `nth` occurrence).
export function pointsOf(text, needle, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" is not in the text`);
  const start = [...text.slice(0, at)].length;
  return {start, end: start + [...needle].length};
}

// Drags the mouse over `needle` in the story text (or the element `root`),
// as a user selects it.
export async function dragSelect(page, needle, {alt = false, root = 'story-text'} = {}) {
  const box = await page.evaluate(([needle, rootId]) => {
    const root = document.getElementById(rootId);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let all = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push([node, all.length]);
      all += node.data;
    }
    const at = all.indexOf(needle);
    if (at < 0) return null;
    const locate = (offset) => {
      for (let i = nodes.length - 1; i >= 0; i--) {
        if (nodes[i][1] <= offset) return [nodes[i][0], offset - nodes[i][1]];
      }
      return null;
    };
    const range = document.createRange();
    range.setStart(...locate(at));
    range.setEnd(...locate(at + needle.length));
    range.startContainer.parentElement.scrollIntoView({block: 'center'});
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const first = rects[0];
    const last = rects[rects.length - 1];
    return {x0: first.left + 1, y0: first.top + first.height / 2, x1: last.right - 1, y1: last.top + last.height / 2};
  }, [needle, root]);
  if (!box) throw new Error(`"${needle}" is not shown in the story text`);
  if (alt) await page.keyboard.down('Alt');
  await page.mouse.move(box.x0, box.y0);
  await page.mouse.down();
  await page.mouse.move(box.x1, box.y1, {steps: 8});
  await page.mouse.up();
  if (alt) await page.keyboard.up('Alt');
}

// The story's codings as the CLI's API twin reports them, for checks.
export async function codingsOf(server, coder, key) {
  const {json} = await api(server, coder, 'GET', `/api/stories/${encodeURIComponent(key)}`);
  return json.codings;
}
