// Shared harness for the browser tests: a static server for site/dist on a
// free 127.0.0.1 port, and Debian's Chromium driven by playwright-core.
// Nothing is downloaded: no browser install, no CDN.
//
//   import { startSite, openBrowser, repoRoot } from './support/harness.mjs';
//   const site = await startSite();           // { url, close() }
//   const browser = await openBrowser();      // { page, requests, offsite(), downloadDir, close() }
//   await browser.page.goto(site.url + '#/rsv-breda-vo/tlv-vso');

import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The built site (./x.sh build makes it). */
export const distDir = path.join(repoRoot, 'site', 'dist');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.md': 'text/markdown; charset=utf-8',
};

/**
 * Serves `root` (default site/dist) on 127.0.0.1 at a free port.
 * @returns {Promise<{url: string, origin: string, close: () => Promise<void>}>}
 */
export async function startSite(root = distDir) {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root}/index.html missing: run ./x.sh build first`);
  }
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.normalize(path.join(root, urlPath));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Niet gevonden');
        return;
      }
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
      });
      res.end(body);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Flags for Debian's Chromium as root in a container (see TOOLCHAIN.md). */
function chromiumArgs(userDataDir) {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${userDataDir}`,
  ];
}

/**
 * Starts headless Chromium with one page. Every request the page makes is
 * recorded; `offsite(origin)` lists those that did not go to `origin`
 * (blob: and data: URLs are the page's own and count as local).
 * Console errors and uncaught page errors are collected in `errors`.
 */
export async function openBrowser({
  executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium',
  javaScriptEnabled = true,
  waitForApp = true,
} = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-chromium-'));
  const downloadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-downloads-'));
  // A persistent context is the way to pass --user-data-dir to Chromium.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: chromiumArgs(profile).filter((a) => !a.startsWith('--user-data-dir')),
    acceptDownloads: true,
    downloadsPath: downloadDir,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    javaScriptEnabled,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // The start page and a form's own page come prerendered: the page is
  // there before the app has taken it over. Tests act on the app, so each
  // load waits until it has started (or said it could not), unless a test
  // looks at the page before that (`waitForApp: false`).
  if (javaScriptEnabled && waitForApp) {
    for (const name of ['goto', 'reload']) {
      const original = page[name].bind(page);
      page[name] = async (...args) => {
        const response = await original(...args);
        await appStarted(page);
        return response;
      };
    }
  }
  const requests = [];
  const errors = [];
  context.on('request', (req) => requests.push(req.url()));
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  return {
    context,
    page,
    requests,
    errors,
    downloadDir,
    offsite(origin) {
      return requests.filter(
        (u) => !u.startsWith(origin + '/') && !u.startsWith('blob:') && !u.startsWith('data:'),
      );
    },
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
      fs.rmSync(downloadDir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until the app has taken over the page (`html[data-app-started]`),
 * on a page of the site (one with `#app`); an alert that it could not start
 * ends the wait too, so the test's own check says what went wrong.
 */
export async function appStarted(page) {
  await page.waitForFunction(
    () =>
      !document.getElementById('app') ||
      document.documentElement.hasAttribute('data-app-started') ||
      document.getElementById('aw-gestopt') !== null,
    null,
    { timeout: 30_000 },
  );
}

/**
 * Opens the start page and waits until the app (not index.html's loading
 * text, which has a heading too) has rendered the list of forms.
 */
export async function openStart(page, origin) {
  await page.goto(`${origin}/#/`);
  await page.locator('.aw-form-list a').first().waitFor();
}

/**
 * Opens a form (`swv/form`) on its task list and waits until the app has
 * rendered it.
 */
export async function openForm(page, origin, formId) {
  await page.goto(`${origin}/#/${formId}`);
  // By id: after a hash change the previous form's page may still be there
  // for a moment, with the same buttons.
  await page.locator(`.aw-form-pages[data-form="${formId}"] .aw-task-list`).waitFor();
}

/**
 * Moves to another page of the app by changing the hash, as a link does: the
 * open form keeps its state. A fresh page (other origin or none) is loaded.
 */
async function goHash(page, origin, hash) {
  if (page.url().startsWith(origin + '/')) {
    await page.evaluate((h) => { window.location.hash = h; }, hash);
  } else {
    await page.goto(`${origin}/${hash}`);
  }
}

/**
 * The sections of a form as its TOML file lists them: `{ id, title, fields }`
 * (top-level field ids), in order. A plain scan of the form file, so a test
 * can find the page a question is on without knowing the form by heart.
 */
export function sectionsOf(formId) {
  const text = fs.readFileSync(path.join(repoRoot, 'forms', `${formId}.toml`), 'utf8');
  const sections = [];
  let expect = null;
  for (const line of text.split('\n')) {
    const header = line.trim().match(/^\[\[([a-z.]+)\]\]$/);
    if (header) {
      expect = header[1];
      if (expect === 'sections') sections.push({ id: null, title: null, fields: [] });
      continue;
    }
    const kv = line.trim().match(/^(id|title) = "(.*)"$/);
    if (!kv || !sections.length) continue;
    const current = sections.at(-1);
    if (expect === 'sections' && current[kv[1]] === null) current[kv[1]] = kv[2];
    if (expect === 'sections.fields' && kv[1] === 'id') {
      current.fields.push(kv[2]);
      expect = null;
    }
  }
  return sections;
}

/** The id of the section that holds field `fieldId` (top level). */
export function sectionOf(formId, fieldId) {
  const section = sectionsOf(formId).find((s) => s.fields.includes(fieldId));
  if (!section) throw new Error(`${formId}: no section has field ${fieldId}`);
  return section.id;
}

/** Opens one section's page and waits until it is rendered. */
export async function gotoSection(page, origin, formId, sectionId) {
  await goHash(page, origin, `#/${formId}/${sectionId}`);
  await page.locator(`form.aw-form[data-form="${formId}"][data-section="${sectionId}"]`).waitFor();
}

/** Opens the page of the section that holds field `fieldId`. */
export async function gotoFieldSection(page, origin, formId, fieldId) {
  await gotoSection(page, origin, formId, sectionOf(formId, fieldId));
}

/** Opens the task list of the open form (or loads it). */
export async function gotoOverview(page, origin, formId) {
  await goHash(page, origin, `#/${formId}`);
  await page.locator(`.aw-form-pages[data-form="${formId}"] .aw-task-list`).waitFor();
}

/** Opens "Controleer uw antwoorden", which shows every finding at its top. */
export async function gotoCheck(page, origin, formId) {
  await goHash(page, origin, `#/${formId}/controleer`);
  await page.locator(`.aw-form-pages[data-form="${formId}"] #controle-resultaat`).waitFor();
}

/**
 * Fills a section's text inputs by label (`{ 'Achternaam, voorvoegsels':
 * 'Vries, de' }`) after opening its page, then presses "Opslaan en verder".
 */
export async function fillSection(page, origin, formId, sectionId, answers, { save = true } = {}) {
  await gotoSection(page, origin, formId, sectionId);
  for (const [label, value] of Object.entries(answers)) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  if (save) await page.getByRole('button', { name: 'Opslaan en verder' }).click();
}

/**
 * The site and a browser for one suite (`describe`): started in a `before`
 * hook, closed in an `after` hook. `onStart({ site, browser, page })` runs
 * once both are up, to hand them to the suite's own variables; a suite's
 * own `before` registered after this call runs after it (hooks run in
 * order). `root`: another site folder than site/dist.
 */
export function useSiteAndBrowser(onStart, { root } = {}) {
  let site;
  let browser;
  before(async () => {
    site = await startSite(root);
    browser = await openBrowser();
    onStart({ site, browser, page: browser.page });
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });
}
