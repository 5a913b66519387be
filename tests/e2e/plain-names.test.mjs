// No internal names in front of people (issue 12 §5): every page of every
// form (task list, check page, each section after the check with every
// "Waarom?" opened) names the SWV's
// documents by their own title, never by the seed file name, and shows no
// form id and no "JSON".

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openStart, openForm, gotoCheck, gotoSection, sectionsOf, useSiteAndBrowser } from './support/harness.mjs';

const SEED_FILE = /\d{3}_[0-9a-f]{16}\.txt/;

describe('plain names on every form page', () => {
  let site;
  let browser;
  let page;

  useSiteAndBrowser((started) => ({ site, browser, page } = started));

  it('no seed file name, form id or "JSON" on any form page; "Waarom?" names the document', async () => {
    await openStart(page, site.origin);
    const ids = await page
      .locator('.aw-form-list a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href').replace(/^#\//, '')));
    assert.ok(ids.length >= 13, ids.join(' '));
    const swvs = [...new Set(ids.map((id) => id.split('/')[0]))];
    for (const id of ids) {
      await openForm(page, site.origin, id);
      const pages = [await page.locator('body').innerText()];
      // The check page shows every finding; after it every section page
      // shows each finding beside its field, with "Waarom?".
      await gotoCheck(page, site.origin, id);
      pages.push(await page.locator('body').innerText());
      let whys = 0;
      for (const section of sectionsOf(id)) {
        await gotoSection(page, site.origin, id, section.id);
        const why = page.locator('details.aw-why');
        whys += await why.count();
        await why.evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
        pages.push(await page.locator('body').innerText());
        // Each "Waarom?" cites a document by a title a person can look up.
        for (const line of await page.locator('.aw-why__body > p').allInnerTexts()) {
          assert.match(line, /^Dit staat in \S.*, \S.*:$/, `${id}: ${line}`);
        }
      }
      assert.ok(whys > 0, `${id}: no "Waarom?" after a check of the empty form`);
      for (const text of pages) {
        assert.doesNotMatch(text, SEED_FILE, id);
        assert.doesNotMatch(text, /JSON/, id);
        for (const other of ids) assert.ok(!text.includes(other), `${id} shows the form id ${other}`);
        for (const swv of swvs) assert.ok(!text.includes(`${swv}/`), `${id} shows the id ${swv}/`);
      }
    }
  });

  it('made no request outside 127.0.0.1 and logged no errors', () => {
    assert.deepEqual(browser.offsite(site.origin), []);
    assert.deepEqual(browser.errors, []);
  });
});
