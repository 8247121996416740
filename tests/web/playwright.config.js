// Playwright for the workbench: Debian's Chromium (never a downloaded
// browser), one worker (each test file starts its own `verhaal serve` on a
// fresh project), outputs under PLAYWRIGHT_OUTPUT_DIR (the build folder).
import {defineConfig} from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.js',
  workers: 1,
  timeout: 120_000,  // the machine may be busy building
  // One retry: on a 2-core machine running the C++ suite beside the browser,
  // a 10 s expectation has timed out once in a while; a test that passes
  // only on its retry is reported as "flaky" in the list, not hidden.
  retries: 1,
  expect: {timeout: 10_000},
  reporter: [['list']],
  outputDir: process.env.PLAYWRIGHT_OUTPUT_DIR || 'test-results',
  use: {
    browserName: 'chromium',
    locale: 'en-GB',
    viewport: {width: 1400, height: 900},
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
