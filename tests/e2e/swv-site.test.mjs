// Issue 14 §2: one SWV's own site (`./x.sh build --swv rsv-breda-po`) on a
// plain static host under a sub-path, /ondersteuning/aanvragen/: only that
// SWV's forms, its name, logo, colour and contact line, every file fetched
// relative to that path (the package module's lazy import() too), and a
// form filled in and checked there.
//
// Needs: ./x.sh build --swv rsv-breda-po --embed-origin http://127.0.0.1:48123

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openBrowser, repoRoot } from './support/harness.mjs';
import { serveStatic, swvDist } from './support/static-host.mjs';

const SWV = 'rsv-breda-po';
const PREFIX = '/ondersteuning/aanvragen/';
const FORM = 'rsv-breda-po/opp';

describe('a per-SWV build served under a sub-path by a static host', () => {
  let host;
  let browser;
  let page;

  before(async () => {
    host = await serveStatic({ root: swvDist(repoRoot, SWV), prefix: PREFIX });
    browser = await openBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await host?.close();
  });

  it('shows only this SWV, with its name, logo, colour and contact line, and no SWV choice', async () => {
    await page.goto(`${host.url}#/`);
    await page.locator('.aw-form-list a').first().waitFor();
    const own = fs
      .readdirSync(path.join(repoRoot, 'forms', SWV))
      .filter((f) => f.endsWith('.toml') && f !== 'swv.toml');
    const hrefs = await page.locator('.aw-form-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.equal(hrefs.length, own.length, hrefs.join(' '));
    assert.ok(hrefs.every((h) => h.startsWith(`#/${SWV}/`)), hrefs.join(' '));
    assert.equal(await page.locator('input[name="swv"]').count(), 0, 'no SWV chooser');
    assert.equal(await page.locator('#onthoud-swv').count(), 0, 'nothing to remember');
    assert.equal((await page.locator('.aw-header__name').innerText()).trim(), 'RSV Breda PO');
    const logo = page.locator('.aw-header__logo');
    await page.waitForFunction(() => document.querySelector('.aw-header__logo')?.naturalWidth > 0);
    assert.equal(await logo.getAttribute('alt'), '', 'the name beside it says it');
    // forms/rsv-breda-po/tokens.css: --aw-color-primary #00677f.
    const colours = await page.evaluate(() => ({
      header: getComputedStyle(document.querySelector('.aw-header')).backgroundColor,
      link: getComputedStyle(document.querySelector('.aw-form-list a')).color,
    }));
    assert.deepEqual(colours, { header: 'rgb(0, 103, 127)', link: 'rgb(0, 103, 127)' });
    const contact = page.locator('.aw-contact');
    assert.match(await contact.innerText(), /^Vragen\? Het loket van RSV Breda PO/);
    assert.equal(await contact.getByRole('link', { name: '076-000 00 00' }).getAttribute('href'), 'tel:0760000000');
  });

  it('another SWV\'s form is not part of this site', async () => {
    await page.goto(`${host.url}#/berseba/jrk`);
    await page.getByRole('heading', { name: 'Deze pagina bestaat niet' }).waitFor();
    assert.match(await page.locator('.aw-contact').innerText(), /Vragen\?/);
  });

  it('a form is filled in and checked, and its package made, all from the sub-path', async () => {
    await page.goto(`${host.url}#/${FORM}`);
    await page.locator(`.aw-form-pages[data-form="${FORM}"] .aw-task-list`).waitFor();
    assert.match(await page.locator('.aw-contact').innerText(), /Vragen\?/, 'contact line on a form page');
    await page.getByRole('link', { name: 'Leerling', exact: true }).click();
    await page.getByLabel('Achternaam, voorvoegsels', { exact: true }).fill('Vries, de');
    await page.getByLabel('Voornamen (voluit)', { exact: true }).fill('Lotte Anna');
    await page.getByLabel('Burgerservicenummer', { exact: true }).fill('123456789');
    await page.getByLabel('Geboortedatum', { exact: true }).fill('12-03-2015');
    // The BSN fails the elfproef: said at the field once it is left.
    await page.locator('.aw-finding--fout').first().waitFor();
    await page.evaluate(() => { window.location.hash = '#/rsv-breda-po/opp/controleer'; });
    await page.locator(`.aw-form-pages[data-form="${FORM}"] #controle-resultaat`).waitFor();
    assert.match(await page.locator('#controle-resultaat').innerText(), /burgerservicenummer/i);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download aanvraag (pakket)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /\.zip$/);
    // Everything came from under the sub-path of this one origin.
    const fetched = browser.requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'));
    const outside = fetched.filter((u) => !u.startsWith(host.url));
    assert.deepEqual(outside, [], 'requests outside the sub-path');
    assert.ok(fetched.some((u) => u.includes('/pkg-package/')), 'the package module came from the sub-path');
    assert.deepEqual(browser.errors, []);
  });
});
