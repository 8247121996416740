// The workbench page's load time in Debian's Chromium, for bench/serve:
//
//   node bench/serve_page.mjs URL_WITH_TOKEN RUNS
//
// Each run opens the link in a fresh browser context (an empty cache, as on
// a first visit) and takes the time from the start of the navigation until
// the story list shows its first story and its count; then reloads the page
// in that context (session cookie, cached files) and times that too. Prints
// {"first": [ms...], "reload": [ms...]} as JSON. Uses the Playwright that
// `scripts/bootstrap --tests` installs in tests/web.
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'tests', 'web', 'package.json'));
const {chromium} = require('@playwright/test');

const [url, runsText] = process.argv.slice(2);
const runs = Number(runsText || 5);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

// Until the list shows a story and its count ("… of N stories").
async function shown(page) {
  const nav = page.getByRole('navigation', {name: /Stories|Verhalen/});
  await nav.getByRole('listitem').first().waitFor({state: 'visible', timeout: 60_000});
  await nav.getByRole('status').filter({hasText: /\d/}).waitFor({timeout: 60_000});
}

const first = [];
const reload = [];
try {
  for (let i = 0; i < runs; ++i) {
    const context = await browser.newContext({locale: 'en-GB', viewport: {width: 1400, height: 900}});
    const page = await context.newPage();
    let started = performance.now();
    await page.goto(url);
    await shown(page);
    first.push(performance.now() - started);
    started = performance.now();
    await page.reload();
    await shown(page);
    reload.push(performance.now() - started);
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify({first, reload}));
