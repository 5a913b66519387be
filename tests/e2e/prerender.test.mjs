// The prerendered pages (site/prerender.mjs, issue 15): the start page and a
// page of its own for every form (`/<swv>/<form>/`) show the real page from
// HTML, before the wasm has loaded and without JavaScript; the app then takes
// the page over without losing what was ticked or typed, and old `#/` links
// keep working.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, openBrowser, appStarted, distDir, sectionsOf, sectionOf } from './support/harness.mjs';

const FORM = 'rsv-breda-po/opp';
const index = JSON.parse(fs.readFileSync(path.join(distDir, 'forms', 'index.json'), 'utf8'));
const entry = index.forms.find((f) => f.id === FORM);

/** Holds every wasm request of `page` until `release()`. */
async function holdWasm(page) {
  const held = [];
  let released = false;
  await page.route('**/*.wasm', (route) => (released ? route.continue() : held.push(route)));
  return {
    async release() {
      released = true;
      await Promise.all(held.map((r) => r.continue()));
    },
    count: () => held.length,
  };
}

describe('prerendered pages without JavaScript', () => {
  let site;
  let browser;

  before(async () => {
    site = await startSite();
    browser = await openBrowser({ javaScriptEnabled: false });
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('the start page lists every published form, with a description for search engines', async () => {
    const { page } = browser;
    await page.goto(site.url);
    const links = page.locator('.aw-form-list a');
    assert.equal(await links.count(), index.forms.length, 'one link per form in forms/index.json');
    assert.equal(await page.title(), 'Aanvraagwijzer');
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    assert.match(description, /samenwerkingsverband/);
    assert.match(await page.locator('noscript').first().textContent(), /JavaScript/);
  });

  it("a form's own address shows its title, description and every section", async () => {
    const { page } = browser;
    const response = await page.goto(`${site.url}${FORM}/`);
    assert.equal(response.status(), 200);
    assert.equal(await page.title(), `${entry.title} – Aanvraagwijzer`);
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    assert.ok(description.startsWith(entry.description), description);
    assert.equal((await page.locator('h1').first().textContent()).trim(), entry.title);
    const taskList = await page.locator('.aw-task-list').textContent();
    for (const section of sectionsOf(FORM)) {
      assert.ok(taskList.includes(section.title), `the task list names "${section.title}"`);
    }
    // The page's styles load from the root (two folders up).
    const padding = await page.evaluate(() => getComputedStyle(document.querySelector('.aw-prerendered .aw-main')).paddingTop);
    assert.equal(padding, '24px', 'site.css applies (.aw-main)');
  });

  it('every form of the index has its own page', async () => {
    for (const form of index.forms) {
      const response = await fetch(`${site.url}${form.id}/`);
      assert.equal(response.status, 200, form.id);
      const html = await response.text();
      assert.ok(html.includes(`<meta name="aanvraagwijzer-formulier" content="${form.id}">`), form.id);
      assert.ok(html.includes('class="aw-task-list'), `${form.id} has its task list in the HTML`);
    }
  });
});

describe('the app takes over a prerendered page', () => {
  let site;
  let browser;

  before(async () => {
    site = await startSite();
    browser = await openBrowser({ waitForApp: false });
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it("shows a form's task list before the wasm arrives, then works from its own address", async () => {
    const { page } = browser;
    const wasm = await holdWasm(page);
    await page.goto(`${site.url}${FORM}/`);
    await page.locator('.aw-task-list').waitFor();
    assert.equal(await page.locator('html[data-app-started]').count(), 0, 'the app has not started yet');
    assert.ok(wasm.count() > 0, 'the wasm was asked for and held');
    await wasm.release();
    await appStarted(page);
    await page.unroute('**/*.wasm');

    // The app's own task list, with links that stay on this address.
    const first = sectionsOf(FORM)[0];
    await page.locator(`.aw-task-list a[href$="/${first.id}"]`).click();
    await page.locator(`form.aw-form[data-section="${first.id}"]`).waitFor();
    assert.equal(new URL(page.url()).pathname, `/${FORM}/`);

    // An answer typed here survives a reload of this address.
    const field = page.locator(`form.aw-form[data-section="${first.id}"] input[type="text"]`).first();
    await field.fill('Aylin Yılmaz-Kowalczyk');
    await field.blur();
    await page.reload();
    await appStarted(page);
    await page.locator(`form.aw-form[data-section="${first.id}"]`).waitFor();
    assert.equal(
      await page.locator(`form.aw-form[data-section="${first.id}"] input[type="text"]`).first().inputValue(),
      'Aylin Yılmaz-Kowalczyk',
    );

    // "Alle formulieren" leads to the start page's own file.
    await page.locator('a', { hasText: 'Alle formulieren' }).click();
    await page.locator('html[data-app-started] .aw-form-list a').first().waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
    assert.deepEqual(browser.offsite(site.origin), []);
  });

  it('keeps a choice made on the start page before the wasm arrived', async () => {
    const { page } = browser;
    const wasm = await holdWasm(page);
    await page.goto(site.url);
    const choice = page.locator('#kies-swv-rsv-breda-po');
    await choice.check();
    await wasm.release();
    await appStarted(page);
    await page.unroute('**/*.wasm');
    assert.ok(await page.locator('#kies-swv-rsv-breda-po').isChecked(), 'the choice is still made');
    const ids = await page
      .locator('.aw-form-list a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.ok(ids.length > 0);
    assert.ok(
      ids.every((href) => href.includes('rsv-breda-po/')),
      `only rsv-breda-po's forms are listed: ${ids.join(', ')}`,
    );
  });

  it('an old #/ address of a section never flashes the start page', async () => {
    const { page } = browser;
    const section = sectionsOf(FORM)[1];
    const wasm = await holdWasm(page);
    // From another document: a hash change alone would not load the page.
    await page.goto('about:blank');
    await page.goto(`${site.url}#/${FORM}/${section.id}`);
    assert.equal(await page.locator('.aw-prerendered').isVisible(), false, 'the prerendered start page is hidden');
    assert.ok(await page.locator('#laden').isVisible(), 'the loading line shows instead');
    await wasm.release();
    await appStarted(page);
    await page.unroute('**/*.wasm');
    await page.locator(`form.aw-form[data-section="${section.id}"]`).waitFor();
  });

  it('a reload of a "Wijzig" link puts the focus on its question once the app has the page', async () => {
    const { page } = browser;
    const section = sectionOf(FORM, 'achternaam');
    // From another document, as a reload or a bookmark opens it.
    await page.goto('about:blank');
    await page.goto(`${site.url}${FORM}/#/${FORM}/${section}?veld=veld-achternaam`);
    await appStarted(page);
    await page.waitForFunction(() => document.activeElement?.id === 'veld-achternaam', null, { timeout: 10_000 });
  });

  // Last in this block: the frame recorder stays on the page.
  it('swaps its page in whole: no frame shows less than the prerendered page, and what was typed in a box below goes over', async () => {
    const { page } = browser;
    // What the user sees, frame by frame, from the parsed page until the
    // app has had the page for a few frames.
    await page.addInitScript(() => {
      window.awFrames = [];
      const look = () => {
        const app = document.getElementById('app');
        const started = document.documentElement.hasAttribute('data-app-started');
        window.awFrames.push({
          rows: app?.querySelectorAll('.aw-task-list li').length ?? 0,
          draftBox: Boolean(app?.querySelector('#concept-wachtwoord')),
          started,
        });
        if (window.awFrames.filter((f) => f.started).length < 5) requestAnimationFrame(look);
      };
      document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(look));
    });
    const wasm = await holdWasm(page);
    await page.goto(`${site.url}${FORM}/`);
    // The draft box is drawn last by the app (crate::takeover's pieces).
    await page.locator('#concept-wachtwoord').fill('Zomer2026!lang');
    await wasm.release();
    await appStarted(page);
    await page.unroute('**/*.wasm');
    assert.equal(await page.locator('#concept-wachtwoord').inputValue(), 'Zomer2026!lang');
    await page.waitForFunction(() => window.awFrames.filter((f) => f.started).length >= 5);
    const frames = await page.evaluate(() => window.awFrames);
    const rows = frames[0].rows;
    assert.ok(rows > 0, 'the prerendered task list shows');
    const short = frames.filter((f) => f.rows !== rows || !f.draftBox);
    assert.deepEqual(short, [], `every frame shows all ${rows} sections and the draft box`);
    assert.ok(frames.some((f) => !f.started) && frames.some((f) => f.started), 'frames before and after the takeover');
  });
});
