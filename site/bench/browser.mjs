// Browser benchmark for the first load and for typing (issue 15).
//
//   node site/bench/browser.mjs [--form berseba/tlv-sbo-so] [--section voortraject]
//        [--fixture FILE.json] [--loads 5] [--keys 60] [--bin PATH] [--dist DIR]
//        [--lighthouse PATH/TO/lighthouse-cli] [--only keys] [--trace] [--profile]
//
// Starts `aanvraagwijzer serve` (release build: target/release/aanvraagwijzer,
// build it with `cargo build --release -p aanvraagwijzer-cli`) on site/dist at
// a free 127.0.0.1 port, so the site comes as production sends it (brotli,
// hashed names), drives Debian's Chromium with playwright-core and prints one
// table. Everything stays on 127.0.0.1; every wait is bounded.
//
// Without --form it takes the largest form (most questions in its TOML file),
// without --section that form's largest section that has a multi-line answer,
// and without --fixture the form's largest valid fixture.
//
// What it measures (median of --loads cold loads, cache disabled, fresh page),
// for the first loads of the start page, the form's task list
// (`#/<swv>/<form>`), the same by the form's own prerendered address
// (`/<swv>/<form>/`, when the build has it) and its largest section page
// (`#/<swv>/<form>/<section>`):
// - bytes on the wire: the sum of Network.loadingFinished encodedDataLength
//   (headers and bodies as sent, so compression counts);
// - first contentful paint (Paint Timing API) and the first paint of real
//   content: the frame after the start list (`.aw-form-list a`), the task
//   list (`.aw-task-list`) or the section's form (`form.aw-form[data-section]`)
//   is visible, from the prerendered HTML or drawn by the app;
// - usable: that content is there, the app has taken the page over
//   (`html[data-app-started]`) and the main thread is free for input (a
//   task queued after the next frame has run), at 1x and 4x CPU throttling (CDP
//   Emulation.setCPUThrottlingRate; 4x stands in for a school laptop);
// - keystroke input to next paint on the largest section, the form filled with
//   the fixture (opened on the task list, as a school does), at 1x and 4x, p50
//   and p99 over --keys keystrokes into the section's last textarea, and the
//   same for a bare textarea page in the same browser as the reference. Per
//   key: from the keydown's timeStamp until a task queued after the next
//   animation frame runs (the frame that shows the character is done by then).
//
// - with --lighthouse (the `lighthouse` bin of an npm install, e.g.
//   `npm install --prefix /tmp/lh lighthouse@12` and
//   `--lighthouse /tmp/lh/node_modules/.bin/lighthouse`): Lighthouse's mobile
//   performance score and LCP of the three pages, one run each, with Debian's
//   Chromium (CHROME_PATH). Not a dependency of the project.
//
// - with --trace: where each key's main-thread time goes at 4x (a Chromium
//   trace: self time per event, EventDispatch by event type); with --profile:
//   the JavaScript and wasm functions with the most self time (V8's sampling
//   profiler; name the wasm functions with a profiling build:
//   `cargo xtask build-site --keep-names --out /tmp/dist-names`, then
//   `--dist /tmp/dist-names`);
//   AW_PROFILE_FILE=PATH keeps the whole .cpuprofile for DevTools.
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

/**
 * The sections of a form file: `{ id, fields, multiline }`, where `fields`
 * counts every question (nested parts too). A plain scan of the TOML, as
 * tests/e2e/support/harness.mjs does.
 */
function sectionsOf(formId) {
  const text = fs.readFileSync(path.join(repoRoot, 'forms', `${formId}.toml`), 'utf8');
  const sections = [];
  let header = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const h = line.match(/^\[\[([a-z_.]+)\]\]$/);
    if (h) {
      header = h[1];
      if (header === 'sections') sections.push({ id: null, fields: 0, multiline: false });
      else if (header.startsWith('sections.') && header.endsWith('fields') && sections.length) sections.at(-1).fields++;
      continue;
    }
    if (!sections.length) continue;
    const current = sections.at(-1);
    const id = line.match(/^id = "(.*)"$/);
    if (header === 'sections' && id && current.id === null) current.id = id[1];
    if (/^kind = "long_text"|^kind = \{ *type = "long_text"|^type = "long_text"/.test(line)) current.multiline = true;
  }
  return sections;
}

/** The form with the most questions. */
function largestForm() {
  const forms = fs
    .readdirSync(path.join(repoRoot, 'forms'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      fs
        .readdirSync(path.join(repoRoot, 'forms', d.name))
        .filter((f) => f.endsWith('.toml') && !f.startsWith('_'))
        .map((f) => `${d.name}/${f.replace(/\.toml$/, '')}`),
    )
    .filter((id) => sectionsOf(id).length > 0);
  const size = (id) => sectionsOf(id).reduce((n, s) => n + s.fields, 0);
  return forms.sort((a, b) => size(b) - size(a))[0];
}

const FORM = arg('form', null) ?? largestForm();
const SECTION =
  arg('section', null) ??
  sectionsOf(FORM)
    .filter((s) => s.multiline)
    .sort((a, b) => b.fields - a.fields)[0]?.id;
const LOADS = Number(arg('loads', '5'));
const KEYS = Number(arg('keys', '60'));
const BIN = arg('bin', path.join(process.env.CARGO_TARGET_DIR ?? path.join(repoRoot, 'target'), 'release', 'aanvraagwijzer'));
const DIST = path.resolve(arg('dist', path.join(repoRoot, 'site', 'dist')));
/** The largest valid fixture of the form: the most filled-in request. */
function largestFixture() {
  const dir = path.join(repoRoot, 'tests', 'fixtures', FORM);
  if (!fs.existsSync(dir)) return null;
  const valid = fs.readdirSync(dir).filter((f) => f.startsWith('valid-') && f.endsWith('.json'));
  valid.sort((a, b) => fs.statSync(path.join(dir, b)).size - fs.statSync(path.join(dir, a)).size);
  return valid.length ? path.join(dir, valid[0]) : null;
}
const FIXTURE = arg('fixture', null) ?? largestFixture();
const LIGHTHOUSE = arg('lighthouse', null);
/** `--only keys`: the keystroke rows only (to compare two builds back to back). */
const ONLY = arg('only', null);
/** `--trace`: also print where the main thread spends each key at 4x (a CDP trace). */
const TRACE = process.argv.includes('--trace');
/**
 * `--profile`: also print the functions the main thread spends each key in at
 * 4x (V8's sampling profiler). Wasm functions have names only in a build
 * whose name section was kept (`cargo xtask build-site --keep-names`).
 */
const PROFILE = process.argv.includes('--profile');

/** Lighthouse's mobile performance score and LCP of `url` (one run). */
async function lighthouse(url) {
  const out = path.join(os.tmpdir(), `aw-lh-${process.pid}.json`);
  const child = spawn(
    LIGHTHOUSE,
    [
      url,
      '--only-categories=performance',
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    ],
    { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const code = await bounded(new Promise((resolve) => child.on('exit', resolve)), 180_000, `lighthouse ${url}`).catch((e) => {
    child.kill('SIGKILL');
    throw e;
  });
  if (code !== 0) throw new Error(`lighthouse exited with ${code} for ${url}`);
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out, { force: true });
  const lcp = report.audits['largest-contentful-paint']?.numericValue;
  return `${Math.round(report.categories.performance.score * 100)} (LCP ${(lcp / 1000).toFixed(1)} s)`;
}
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

/**
 * Records when the page's real content first appears (ms since navigation
 * start; prerendered HTML counts, if visible): `__awContent` when the frame
 * after it ran; and `__awUsable` when the app has taken the page over
 * (`html[data-app-started]`; a build without prerendering has no such mark:
 * its content is the app's) and a task queued after the next frame ran (the
 * main thread is free for input).
 */
const USABLE_PROBE = `
  (() => {
    const visible = (e) => e && e.getClientRects().length > 0;
    const content = () => visible(document.querySelector('.aw-form-list a, form.aw-form[data-section], .aw-task-list'));
    const app = () => document.documentElement.hasAttribute('data-app-started') || !document.querySelector('.aw-prerendered');
    const afterFrame = (then) => requestAnimationFrame(() => {
      const at = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => then(at, performance.now());
      channel.port2.postMessage(null);
    });
    let painted = false;
    let usable = false;
    const mark = () => {
      if (!document.body) return;
      if (!painted && content()) {
        painted = true;
        afterFrame((at) => { window.__awContent = at; });
      }
      if (!usable && content() && app()) {
        usable = true;
        afterFrame((_, free) => { window.__awUsable = free; });
      }
    };
    new MutationObserver(mark).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-app-started', 'class'] });
    document.addEventListener('DOMContentLoaded', mark);
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
    return { fcp: paint['first-contentful-paint'], content: window.__awContent, usable: window.__awUsable };
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

/**
 * Opens the form's task list, opens the fixture there (as a school continues
 * a saved request) and moves to the largest section by its hash, as the task
 * list's link does. Returns the page and its CDP session.
 */
async function filledSection(browser, origin) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await bounded(page.goto(`${origin}/#/${FORM}`), WAIT, 'task list');
  await page.locator(`.aw-form-pages[data-form="${FORM}"] .aw-task-list`).waitFor({ timeout: WAIT });
  if (FIXTURE && fs.existsSync(FIXTURE)) {
    await page.getByLabel('Open een bewaard bestand').setInputFiles(FIXTURE);
    await page.getByText('Het bestand is geopend').waitFor({ timeout: WAIT });
  } else {
    console.error(`note: no valid fixture for ${FORM}, typing into the empty form`);
  }
  await page.evaluate((h) => { window.location.hash = h; }, `#/${FORM}/${SECTION}`);
  await page.locator(`form.aw-form[data-form="${FORM}"][data-section="${SECTION}"]`).waitFor({ timeout: WAIT });
  return { page, cdp };
}

async function keystrokes(browser, origin, rate) {
  const { page, cdp } = await filledSection(browser, origin);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  // Main-thread time per key (CDP Performance metrics, seconds of script and
  // of all tasks): time spent, not time waited, so less moved by other
  // processes on a shared machine than the latencies.
  await cdp.send('Performance.enable');
  const metrics = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  const tracing = TRACE && rate > 1 ? await startTrace(cdp) : null;
  const profiling = PROFILE && rate > 1 ? await startProfile(cdp) : null;
  // The section's last textarea: every question above it is live.
  const app = await typeKeys(page, page.locator('form.aw-form[data-section] textarea').last());
  if (tracing) app.breakdown = await tracing.stop();
  if (profiling) app.functions = await profiling.stop();
  const after = await metrics();
  const perKey = (name) => ((after[name] - before[name]) * 1000) / KEYS;
  app.script = perKey('ScriptDuration');
  app.task = perKey('TaskDuration');
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

/**
 * Samples the main thread's JavaScript and wasm until `stop()`, which returns
 * the functions with the most self time per key (ms), the top 15.
 */
async function startProfile(cdp) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await cdp.send('Profiler.stop');
      if (process.env.AW_PROFILE_FILE) fs.writeFileSync(process.env.AW_PROFILE_FILE, JSON.stringify(profile));
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const self = new Map();
      const deltas = profile.timeDeltas;
      profile.samples.forEach((id, i) => {
        const f = byId.get(id).callFrame;
        const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}`;
        self.set(name, (self.get(name) ?? 0) + (deltas[i + 1] ?? 0));
      });
      return [...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 15)
        .map(([n, us]) => `${n} ${(us / 1000 / KEYS).toFixed(2)} ms`)
        .join('; ');
    },
  };
}

/**
 * Records a Chromium trace (devtools.timeline) until `stop()`, which returns
 * the main thread's time per key by what it was spent on: the top-level
 * events' own names (EventDispatch, FunctionCall, UpdateLayoutTree = style,
 * Layout, Paint, ...), each with its summed duration divided by KEYS, and
 * the elements restyled per key.
 */
async function startTrace(cdp) {
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Tracing.start', {
    categories: process.env.AW_TRACE_CATEGORIES ?? 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
      const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
      // Self time per event name (an event's duration less its children's),
      // so nested events (a FunctionCall inside an EventDispatch) count once.
      const byName = new Map();
      const add = (name, us) => byName.set(name, (byName.get(name) ?? 0) + us);
      const sorted = onMain.filter((e) => e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
      const stack = [];
      for (const e of sorted) {
        while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
        const parent = stack.at(-1);
        const label = e.name === 'EventDispatch' ? `EventDispatch(${e.args?.data?.type})` : e.name;
        add(label, e.dur);
        if (parent) add(parent.label, -e.dur);
        e.label = label;
        stack.push(e);
      }
      const restyled = onMain
        .filter((e) => e.name === 'UpdateLayoutTree')
        .reduce((n, e) => n + (e.args?.elementCount ?? 0), 0);
      const rows = [...byName].filter(([, us]) => us / 1000 / KEYS >= 0.5).sort((a, b) => b[1] - a[1]).map(([n, us]) => `${n} ${(us / 1000 / KEYS).toFixed(1)} ms`);
      rows.push(`elements restyled ${Math.round(restyled / KEYS)}`);
      return rows.join(', ');
    },
  };
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
    console.error(`form ${FORM}, section ${SECTION}, fixture ${FIXTURE ? path.relative(repoRoot, FIXTURE) : '(none)'}`);
    const pages = [
      ['start page', `${server.origin}/#/`],
      [`task list ${FORM}`, `${server.origin}/#/${FORM}`],
      [`section ${FORM}/${SECTION}`, `${server.origin}/#/${FORM}/${SECTION}`],
    ];
    // A build with prerendered pages (site/prerender.mjs) has the form's own address.
    if (fs.existsSync(path.join(DIST, FORM, 'index.html'))) {
      pages.splice(2, 0, [`task list by its address /${FORM}/`, `${server.origin}/${FORM}/`]);
    }
    for (const [name, url] of ONLY === 'keys' ? [] : pages) {
      for (const rate of [1, 4]) {
        const loads = [];
        for (let i = 0; i < LOADS; i++) loads.push(await coldLoad(browser, server.origin, url, rate));
        if (rate === 1) {
          rows.push([`bytes on the wire, ${name}`, int(median(loads.map((l) => l.bytes)))]);
          const enc = [...loads[0].encodings].map(([u, e]) => `${u} ${e}`).join(', ');
          console.error(`${name}: ${enc}`);
          rows.push([`FCP / real content painted, ${name}`, `${ms(median(loads.map((l) => l.fcp)))} / ${ms(median(loads.map((l) => l.content)))}`]);
        }
        rows.push([`usable, ${name}, ${rate}x CPU`, ms(median(loads.map((l) => l.usable)))]);
      }
    }
    if (LIGHTHOUSE && ONLY !== 'keys') {
      for (const [name, url] of pages) rows.push([`Lighthouse mobile performance, ${name}`, await lighthouse(url)]);
    }
    for (const rate of [1, 4]) {
      const { app, reference } = await keystrokes(browser, server.origin, rate);
      rows.push([
        `keystroke to next paint, filled ${FORM}/${SECTION}, ${rate}x CPU (p50 / p99)`,
        `${ms(pct(app, 50))} / ${ms(pct(app, 99))}`,
      ]);
      rows.push([
        `main-thread time per key, filled ${FORM}/${SECTION}, ${rate}x CPU (script / all tasks)`,
        `${ms(app.script)} / ${ms(app.task)}`,
      ]);
      if (app.functions) rows.push([`functions per key, filled ${FORM}/${SECTION}, ${rate}x CPU, self time`, app.functions]);
      if (app.breakdown) rows.push([`per key, filled ${FORM}/${SECTION}, ${rate}x CPU, from a trace`, app.breakdown]);
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
  console.error('site/bench/browser.mjs: gave up after 25 minutes');
  Promise.resolve(running?.stop()).finally(() => process.exit(2));
}, 25 * 60_000);
deadline.unref();
await main();
