// Browser benchmark for the first load and for typing (issue 15).
//
//   node site/bench/browser.mjs [--form rsv-breda-po/opp] [--loads 5] [--keys 60] [--bin PATH] [--dist DIR]
//
// Starts `aanvraagwijzer serve` (release build: target/release/aanvraagwijzer,
// build it with `cargo build --release -p aanvraagwijzer-cli`) on site/dist at
// a free 127.0.0.1 port, drives Debian's Chromium with playwright-core and
// prints one table. Everything stays on 127.0.0.1; every wait is bounded.
//
// What it measures (median of --loads cold loads, cache disabled, fresh page):
// - bytes on the wire: the sum of Network.loadingFinished encodedDataLength
//   (headers and bodies as sent, so compression counts) for the start page and
//   for the form page;
// - first paint / first contentful paint (Paint Timing API);
// - usable: from navigation start until the app has rendered the start list
//   (`.aw-form-list a`) or the form (`form.aw-form`), at 1x and 4x CPU
//   throttling (CDP Emulation.setCPUThrottlingRate; 4x stands in for a school
//   laptop);
// - keystroke input to next paint on the form filled with a valid fixture, at
//   1x and 4x, p50 and p99 over --keys keystrokes, and the same for a bare
//   textarea page in the same browser as the reference. Per key: from the
//   keydown's timeStamp until a task queued after the next animation frame
//   runs (the frame that shows the character has been produced by then).
//
// It is a benchmark, not a test: it asserts nothing about timing.

import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const FORM = arg('form', 'rsv-breda-po/opp');
const LOADS = Number(arg('loads', '5'));
const KEYS = Number(arg('keys', '60'));
const BIN = arg('bin', path.join(process.env.CARGO_TARGET_DIR ?? path.join(repoRoot, 'target'), 'release', 'aanvraagwijzer'));
const DIST = path.resolve(arg('dist', path.join(repoRoot, 'site', 'dist')));
const FIXTURE = arg(
  'fixture',
  path.join(repoRoot, 'tests', 'fixtures', FORM, 'valid-lotte-groep-6.json'),
);
/** Upper bound for any single wait (ms). */
const WAIT = 60_000;

/** Wraps a promise so it fails after `ms` instead of hanging the run. */
function bounded(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startServer() {
  if (!fs.existsSync(BIN)) {
    throw new Error(`${BIN} missing: cargo build --release -p aanvraagwijzer-cli`);
  }
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html missing: ./x.sh build`);
  }
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(BIN, ['serve', '--addr', `127.0.0.1:${port}`, '--dist', DIST], {
    cwd: repoRoot,
    env: { ...process.env, TZ: 'Europe/Amsterdam' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${origin}/api/v1/health`)).ok) {
        return {
          origin,
          async stop() {
            child.kill('SIGTERM');
            await bounded(exited, 10_000, 'server stop').catch(() => child.kill('SIGKILL'));
          },
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('aanvraagwijzer serve did not answer /api/v1/health within 10 s');
}

async function openChromium() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Records when the app's own content first appears (ms since navigation start). */
const USABLE_PROBE = `
  (() => {
    const done = () => document.querySelector('.aw-form-list a, form.aw-form, .aw-task-list');
    const mark = () => { if (window.__awUsable === undefined && done()) window.__awUsable = performance.now(); };
    new MutationObserver(mark).observe(document, { childList: true, subtree: true });
  })();
`;

/** One cold load of `url` at CPU `rate`: bytes on the wire, paints, usable. */
async function coldLoad(browser, origin, url, rate) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  let bytes = 0;
  const encodings = new Map();
  const offsite = [];
  cdp.on('Network.responseReceived', (e) => {
    if (!e.response.url.startsWith(origin + '/') && !e.response.url.startsWith('data:')) offsite.push(e.response.url);
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    encodings.set(e.response.url.replace(origin, ''), headers['content-encoding'] ?? 'identity');
  });
  cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
  await page.addInitScript(USABLE_PROBE);
  await bounded(page.goto(url, { waitUntil: 'load' }), WAIT, `load ${url}`);
  await bounded(page.waitForFunction(() => window.__awUsable !== undefined, null, { timeout: WAIT }), WAIT, 'usable');
  // Let late requests (none expected) finish before counting.
  await page.waitForLoadState('networkidle', { timeout: WAIT }).catch(() => {});
  const timing = await page.evaluate(() => {
    const paint = Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]));
    return { fp: paint['first-paint'], fcp: paint['first-contentful-paint'], usable: window.__awUsable };
  });
  await page.close();
  if (offsite.length) throw new Error(`requests outside 127.0.0.1: ${offsite.join(', ')}`);
  return { bytes, ...timing, encodings };
}

/** Installs the per-key probe: keydown timeStamp -> task after next frame. */
const KEY_PROBE = () => {
  window.__awKeys = [];
  window.addEventListener(
    'keydown',
    (e) => {
      const start = e.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => window.__awKeys.push(performance.now() - start);
        channel.port2.postMessage(null);
      });
    },
    true,
  );
};

/** Types KEYS characters into `textarea`, one at a time, and returns the latencies. */
async function typeKeys(page, textarea) {
  await textarea.click();
  await page.keyboard.press('End');
  await page.evaluate(KEY_PROBE);
  const text = 'Lotte leest nu zelfstandig korte teksten en vraagt hulp bij het plannen. ';
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(text[i % text.length] === ' ' ? 'Space' : text[i % text.length]);
    // One key at a time: wait for its frame before the next key.
    await page.waitForFunction((n) => window.__awKeys.length >= n, i + 1, { timeout: WAIT });
    await page.waitForTimeout(30);
  }
  return page.evaluate(() => window.__awKeys.slice());
}

async function keystrokes(browser, origin, rate) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await bounded(page.goto(`${origin}/#/${FORM}`), WAIT, 'form page');
  await page.locator(`form.aw-form[data-form="${FORM}"]`).waitFor({ timeout: WAIT });
  if (fs.existsSync(FIXTURE)) {
    await page.getByLabel('Open JSON').setInputFiles(FIXTURE);
    await page.getByText('Het bestand is geopend').waitFor({ timeout: WAIT });
  } else {
    console.error(`note: ${FIXTURE} missing, typing into the empty form`);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  // The last textarea of the form: deep in the page, so every section above it is live.
  const app = await typeKeys(page, page.locator('form.aw-form textarea').last());
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.close();

  const bare = await browser.context.newPage();
  const bareUrl = `${origin}/__bench_bare.html`;
  await bare.route(bareUrl, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="nl"><title>bare</title><textarea rows="8" cols="80"></textarea></html>',
    }),
  );
  const bareCdp = await browser.context.newCDPSession(bare);
  await bounded(bare.goto(bareUrl), WAIT, 'bare page');
  await bareCdp.send('Emulation.setCPUThrottlingRate', { rate });
  const reference = await typeKeys(bare, bare.locator('textarea'));
  await bare.close();
  return { app, reference };
}

const median = (xs) => {
  const s = xs.filter((x) => x !== undefined).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (xs, p) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x) => `${x.toFixed(1)} ms`;
const int = (x) => Math.round(x).toLocaleString('en-US');

let running = null;

async function main() {
  const server = await startServer();
  running = server;
  const browser = await openChromium();
  const rows = [];
  try {
    const pages = [
      ['start page', `${server.origin}/#/`],
      [`form ${FORM}`, `${server.origin}/#/${FORM}`],
    ];
    for (const [name, url] of pages) {
      for (const rate of [1, 4]) {
        const loads = [];
        for (let i = 0; i < LOADS; i++) loads.push(await coldLoad(browser, server.origin, url, rate));
        if (rate === 1) {
          rows.push([`bytes on the wire, ${name}`, int(median(loads.map((l) => l.bytes)))]);
          const enc = [...loads[0].encodings].map(([u, e]) => `${u} ${e}`).join(', ');
          console.error(`${name}: ${enc}`);
          rows.push([`first paint / FCP, ${name}`, `${ms(median(loads.map((l) => l.fp)))} / ${ms(median(loads.map((l) => l.fcp)))}`]);
        }
        rows.push([`usable, ${name}, ${rate}x CPU`, ms(median(loads.map((l) => l.usable)))]);
      }
    }
    for (const rate of [1, 4]) {
      const { app, reference } = await keystrokes(browser, server.origin, rate);
      rows.push([
        `keystroke to next paint, filled ${FORM}, ${rate}x CPU (p50 / p99)`,
        `${ms(pct(app, 50))} / ${ms(pct(app, 99))}`,
      ]);
      rows.push([
        `keystroke to next paint, bare textarea, ${rate}x CPU (p50 / p99)`,
        `${ms(pct(reference, 50))} / ${ms(pct(reference, 99))}`,
      ]);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`Aanvraagwijzer browser benchmark: median of ${LOADS} cold loads, ${KEYS} keystrokes, ${new Date().toISOString()}`);
  console.log(`| ${'measure'.padEnd(width)} | value |`);
  console.log(`|${'-'.repeat(width + 2)}|-------|`);
  for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`);
}

const deadline = setTimeout(() => {
  console.error('site/bench/browser.mjs: gave up after 15 minutes');
  Promise.resolve(running?.stop()).finally(() => process.exit(2));
}, 15 * 60_000);
deadline.unref();
await main();
