// Prerenders the built site (issue 15): the start page (`index.html`) and a
// page of its own for every published form (`<swv>/<form>/index.html`), so a
// school sees the real page before the wasm has loaded, an SWV's website can
// link to a form by a real address, and that page has a title and a
// description without JavaScript.
//
//   node site/prerender.mjs DIST
//
// Called by `xtask build-site` after the names are hashed and before the
// `.br`/`.gz` copies are made. The HTML comes from the app itself: each page
// is opened in Debian's Chromium (playwright-core, 127.0.0.1 only) from its
// own address, so links and the logo are right from that folder, and what
// the app drew is written into the page's `#app`. The app replaces it when
// its wasm has started (site/src/page.rs).

import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../tests/e2e/support/static-host.mjs';

const dist = path.resolve(process.argv[2] ?? '');
const indexHtml = path.join(dist, 'index.html');
if (!process.argv[2] || !fs.existsSync(indexHtml)) {
  console.error('usage: node site/prerender.mjs DIST (a built site with index.html)');
  process.exit(2);
}

/** Every wait is bounded: a page that does not draw fails the build. */
const WAIT_MS = 30_000;

const template = fs.readFileSync(indexHtml, 'utf8');
const { forms } = JSON.parse(fs.readFileSync(path.join(dist, 'forms', 'index.json'), 'utf8'));

/** Text for an HTML attribute value. */
const attr = (s) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The shell of a page `depth` folders below the root: the head's relative
 * addresses lead back up, and two `<meta>` elements tell the app which form
 * this page is and where the root is (site/src/page.rs).
 */
function shellFor(form, depth) {
  const up = '../'.repeat(depth);
  const [head, body] = template.split('</head>');
  const relative = /(\s(?:href|src)=")(?!#|[a-z]+:|\/)([^"]+")/g;
  const metas =
    `  <meta name="aanvraagwijzer-root" content="${up}">\n` +
    `  <meta name="aanvraagwijzer-formulier" content="${attr(form.id)}">\n`;
  // The form's file is fetched at once too (as index.html's preloads).
  const preload = `  <link rel="preload" href="${up}${attr(form.file)}" as="fetch" crossorigin>\n`;
  // The metas before the guard script, which reads the form's id.
  const withMetas = head
    .replace(relative, `$1${up}$2`)
    .replace('  <title>', `${metas}  <title>`)
    .replace(/(\s*)$/, `\n${preload}`);
  return `${withMetas}</head>${body}`;
}

/**
 * `page` with its title, description and the app's HTML in `#app`: what the
 * app drew, and the "loading" line shown instead when the address names
 * another page (site/static/page-guard.js).
 */
function withContent(page, { title, description, app }) {
  const loading =
    '<main class="aw-container aw-main aw-loading-page">' +
    '<h1 class="utrecht-heading-1">Aanvraagwijzer</h1>' +
    '<p class="utrecht-paragraph" id="laden">De pagina wordt geladen…</p></main>';
  const noScript =
    '<noscript><p class="utrecht-paragraph aw-container">Om antwoorden in te vullen en te controleren is ' +
    'JavaScript nodig. Zet JavaScript aan in uw browser, of gebruik een andere browser.</p></noscript>';
  const appStart = page.indexOf('<div id="app">');
  const appEnd = page.lastIndexOf('</div>', page.indexOf('</body>'));
  if (appStart < 0 || appEnd < appStart) {
    throw new Error('index.html has no <div id="app">…</div> before </body>');
  }
  return (
    page
      .slice(0, appStart)
      .replace(/<title>[^<]*<\/title>/, `<title>${attr(title)}</title>\n  <meta name="description" content="${attr(description)}">`) +
    `<div id="app"><div class="aw-prerendered">${noScript}${app}</div>${loading}</div>` +
    page.slice(appEnd + '</div>'.length)
  );
}

/**
 * Opens `url`, waits until the app has drawn `selector`, and returns the
 * page's title and `#app`'s HTML. Form controls get their current state as
 * attributes (the app sets properties), so the HTML shows what the app shows.
 */
async function render(page, url, selector) {
  await page.goto(url, { timeout: WAIT_MS });
  await page.locator(`html[data-app-started] ${selector}`).first().waitFor({ timeout: WAIT_MS });
  return page.evaluate(() => {
    const app = document.getElementById('app');
    for (const input of app.querySelectorAll('input')) {
      if (input.type === 'checkbox' || input.type === 'radio') {
        input.toggleAttribute('checked', input.checked);
      } else if (input.type !== 'file' && input.type !== 'password') {
        input.setAttribute('value', input.value);
      }
    }
    for (const area of app.querySelectorAll('textarea')) area.textContent = area.value;
    return { title: document.title, app: app.innerHTML };
  });
}

const host = await serveStatic({ root: dist });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const problems = [];
  page.on('pageerror', (err) => problems.push(String(err)));
  page.on('console', (msg) => msg.type() === 'error' && problems.push(msg.text()));

  for (const form of forms) {
    const depth = form.id.split('/').length;
    const file = path.join(dist, form.id, 'index.html');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const shell = shellFor(form, depth);
    fs.writeFileSync(file, shell);
    const drawn = await render(page, `${host.url}${form.id}/`, `.aw-form-pages[data-form="${form.id}"] .aw-task-list`);
    const description = `${form.description} Vul het formulier van ${form.swv_name} in en zie meteen wat nog ontbreekt.`;
    fs.writeFileSync(file, withContent(shell, { ...drawn, description }));
  }
  const start = await render(page, host.url, '.aw-form-list a');
  const description =
    'Vraag extra ondersteuning voor een leerling aan bij uw samenwerkingsverband: vul het formulier in ' +
    'en zie meteen wat nog ontbreekt. Alles blijft in uw browser.';
  fs.writeFileSync(indexHtml, withContent(template, { ...start, description }));
  if (problems.length > 0) {
    throw new Error(`the app reported errors while prerendering:\n${problems.join('\n')}`);
  }
  console.log(`prerendered: the start page and ${forms.length} form pages (<swv>/<form>/index.html)`);
} finally {
  await browser.close();
  await host.close();
}
