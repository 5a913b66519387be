// Issue 14 §2, embedding: the SWV's own page (one loopback origin) shows the
// per-SWV site (served from another origin, under a sub-path) in an <iframe>
// with the documented snippet and embed.js. Filling in the form inside the
// frame makes the frame grow; height messages from any other origin or
// window, or with a malformed height, change nothing; a page on an origin the
// build does not name cannot frame the site at all (CSP frame-ancestors).
//
// Needs: ./x.sh build --swv rsv-breda-po --embed-origin http://127.0.0.1:48123
// (the embedding page listens on the loopback origin the build names).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openBrowser, repoRoot } from './support/harness.mjs';
import { serveStatic, swvDist } from './support/static-host.mjs';

const SWV = 'rsv-breda-po';
const PREFIX = '/ondersteuning/aanvragen/';
const TYPE = 'aanvraagwijzer-hoogte';

/** The loopback origin the build lets frame it (its --embed-origin). */
function embedderPort(dist) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const origins = html.match(/name="aanvraagwijzer-embed-origins" content="([^"]*)"/)?.[1] ?? '';
  const port = origins.match(/http:\/\/127\.0\.0\.1:(\d+)/)?.[1];
  if (!port) throw new Error(`no http://127.0.0.1:PORT in the build's embed origins (${origins}): build with --embed-origin`);
  return Number(port);
}

/** The SWV's page: the documented snippet, plus a frame from a third origin that tries to resize it. */
function swvPage(siteUrl, strangerUrl) {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>RSV Breda PO – aanvragen</title><link rel="icon" href="data:,"></head>
<body><h1>Aanvraag extra ondersteuning</h1>
<iframe data-aanvraagwijzer src="${siteUrl}" title="Aanvraag extra ondersteuning" style="width:100%;height:300px;border:0"></iframe>
<iframe id="vreemd" src="${strangerUrl}" title="vreemd" style="width:10px;height:10px;border:0"></iframe>
<script src="embed.js" defer></script>
</body></html>`;
}

/** A page on a third origin that keeps telling its parent to shrink every frame. */
const STRANGER = `<!doctype html><html><body><script>
setInterval(() => parent.postMessage({ type: '${TYPE}', height: 5 }, '*'), 50);
</script></body></html>`;

describe('the per-SWV site in an iframe on the SWV\'s own page', () => {
  let site;
  let swv;
  let stranger;
  let browser;
  let page;

  before(async () => {
    const dist = swvDist(repoRoot, SWV, '--embed-origin http://127.0.0.1:48123');
    site = await serveStatic({ root: dist, prefix: PREFIX, host: 'localhost' });
    stranger = await serveStatic({ files: { '/': { type: 'text/html', body: STRANGER } } });
    const embedJs = fs.readFileSync(path.join(dist, 'embed.js'), 'utf8');
    swv = await serveStatic({
      port: embedderPort(dist),
      files: {
        '/': { type: 'text/html; charset=utf-8', body: swvPage(site.url, stranger.url) },
        '/embed.js': { type: 'text/javascript', body: embedJs },
      },
    });
    browser = await openBrowser();
    page = browser.page;
    await page.setViewportSize({ width: 1024, height: 800 });
  });

  after(async () => {
    await browser?.close();
    for (const s of [site, swv, stranger]) await s?.close();
  });

  const frameHeight = () =>
    page.locator('iframe[data-aanvraagwijzer]').evaluate((f) => f.getBoundingClientRect().height);

  it('the frame takes the height of the page inside it, and grows as the form is filled in', async () => {
    await page.goto(swv.url);
    const frame = page.frameLocator('iframe[data-aanvraagwijzer]');
    await frame.locator('.aw-form-list a').first().waitFor();
    await page.waitForFunction(() => document.querySelector('iframe[data-aanvraagwijzer]').getBoundingClientRect().height > 300);
    const inner = page.frame({ url: (u) => u.href.startsWith(site.url) });
    const docHeight = () => inner.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    assert.equal(await frameHeight(), await docHeight(), 'the whole start page, no inner scroll bar');

    await frame.getByRole('link', { name: /Ontwikkelingsperspectiefplan/ }).click();
    await frame.getByRole('link', { name: 'Leerling', exact: true }).click();
    await frame.getByLabel('Achternaam, voorvoegsels', { exact: true }).fill('Vries, de');
    await page.waitForFunction(
      (h) => Math.abs(document.querySelector('iframe[data-aanvraagwijzer]').getBoundingClientRect().height - h) < 1,
      await docHeight(),
    );
    const before = await frameHeight();
    // Leaving the BSN (it fails the elfproef) shows its message beside the
    // field: the page, and the frame, grow.
    await frame.getByLabel('Burgerservicenummer', { exact: true }).fill('123456789');
    await frame.getByLabel('Voornamen (voluit)', { exact: true }).fill('Lotte Anna');
    await frame.locator('.aw-finding--fout').first().waitFor();
    await page.waitForFunction(
      (h) => document.querySelector('iframe[data-aanvraagwijzer]').getBoundingClientRect().height > h,
      before,
    );
    // The frame follows the page inside it once its height message arrives.
    await page.waitForFunction(
      (h) => Math.abs(document.querySelector('iframe[data-aanvraagwijzer]').getBoundingClientRect().height - h) < 1,
      await docHeight(),
    );
    assert.deepEqual(browser.errors, []);
  });

  it('a new page in the frame shows its top, not the bottom of the frame', async () => {
    const frame = page.frameLocator('iframe[data-aanvraagwijzer]');
    const frameTop = () =>
      page.locator('iframe[data-aanvraagwijzer]').evaluate((f) => f.getBoundingClientRect().top);
    // The button at the end of the section: the frame's top is far above.
    await frame.getByRole('button', { name: 'Opslaan en verder' }).scrollIntoViewIfNeeded();
    assert.ok((await frameTop()) < -100, `frame top ${await frameTop()}`);
    await frame.getByRole('button', { name: 'Opslaan en verder' }).click();
    // The frame's top (the new page's title) is in sight again.
    await page.waitForFunction(() => {
      const top = document.querySelector('iframe[data-aanvraagwijzer]').getBoundingClientRect().top;
      return top >= -1 && top < 200;
    });
  });

  it('height messages from another origin, another window or with a bad height are ignored', async () => {
    const height = await frameHeight();
    assert.ok(height > 300);
    // The stranger's frame has been posting "5" all along; the page itself now too.
    await page.evaluate((type) => window.postMessage({ type, height: 7 }, '*'), TYPE);
    // From the right frame, but not a whole number of pixels in range.
    const inner = page.frame({ url: (u) => u.href.startsWith(site.url) });
    for (const bad of ['9px', 12.5, -1, 1e9, null]) {
      await inner.evaluate(([type, h]) => parent.postMessage({ type, height: h }, '*'), [TYPE, bad]);
    }
    await page.waitForTimeout(400);
    assert.equal(await frameHeight(), height);
    // The same well-formed message from the right frame is taken, so the
    // ones above were refused for what they were.
    await inner.evaluate((type) => parent.postMessage({ type, height: 640 }, '*'), TYPE);
    await page.waitForFunction(() => document.querySelector('iframe[data-aanvraagwijzer]').getBoundingClientRect().height === 640);
  });

  it('a page on an origin the build does not name cannot frame the site', async () => {
    const other = await serveStatic({
      files: { '/': { type: 'text/html; charset=utf-8', body: swvPage(site.url, 'about:blank') } },
    });
    try {
      const blocked = [];
      page.on('console', (m) => m.text().includes('frame-ancestors') && blocked.push(m.text()));
      await page.goto(other.url);
      await page.waitForTimeout(1500);
      const inner = page.frame({ url: (u) => u.href.startsWith(site.url) });
      const rendered = inner ? await inner.locator('.aw-form-list').count().catch(() => 0) : 0;
      assert.equal(rendered, 0, 'the site rendered inside a frame it should refuse');
      assert.ok(blocked.length > 0, 'Chromium names frame-ancestors as the reason');
    } finally {
      await other.close();
    }
  });

  it('nothing left loopback', () => {
    const far = browser.requests.filter((u) => !/^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|blob:|data:|about:|chrome-error:)/.test(u));
    assert.deepEqual(far, []);
  });
});
