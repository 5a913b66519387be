// Generic widgets across all forms, found through the start page rather than
// named, so the test keeps working as forms are added or renamed: every form's
// task list, section pages and check page render; lists add, number and
// remove items; summary lines show.

import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { openStart, openForm, gotoSection, gotoCheck, sectionsOf, useSiteAndBrowser } from './support/harness.mjs';

describe('all forms', () => {
  let site;
  let browser;
  let page;
  let formLinks = [];

  useSiteAndBrowser((started) => ({ site, browser, page } = started));

  before(async () => {
    await openStart(page, site.origin);
    formLinks = await page.locator('.aw-form-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  });

  it('the start page lists forms grouped per SWV', async () => {
    assert.ok(formLinks.length >= 2, `forms listed: ${formLinks}`);
    assert.ok((await page.getByRole('heading', { level: 2 }).count()) >= 1);
  });

  it('every form renders its task list, section pages with labelled inputs, and a check page', async () => {
    for (const href of formLinks) {
      const id = href.replace(/^#\//, '');
      await openForm(page, site.origin, id);
      assert.match(await page.locator('.aw-progress').innerText(), /^U heeft 0 van \d+ onderdelen afgerond\.$/, href);
      for (const section of sectionsOf(id)) {
        await gotoSection(page, site.origin, id, section.id);
        await page.getByRole('button', { name: 'Opslaan en verder' }).waitFor();
        // Every input has a label (a <label for>), so screen readers can name it.
        const unlabelled = await page.evaluate(() =>
          [...document.querySelectorAll('form.aw-form input, form.aw-form textarea')]
            .filter((el) => !el.labels || el.labels.length === 0)
            .map((el) => el.id),
        );
        assert.deepEqual(unlabelled, [], `${href}/${section.id}: inputs without label`);
      }
      // The check page of an empty form finds problems and says so.
      await gotoCheck(page, site.origin, id);
      assert.match(await page.locator('#controle-resultaat h2').first().innerText(), /^Er zijn problemen$|punten om na te lopen/, href);
    }
  });

  it('a list adds, numbers and removes items', async () => {
    let found = false;
    for (const href of formLinks) {
      const id = href.replace(/^#\//, '');
      await openForm(page, site.origin, id);
      for (const section of sectionsOf(id)) {
        await gotoSection(page, site.origin, id, section.id);
        const list = page.locator('.aw-list').first();
        if ((await list.count()) === 0) continue;
        found = true;
        const add = list.locator(':scope > button.aw-list__add');
        assert.match(await add.innerText(), /^Voeg een .+ toe$/);
        const items = list.locator(':scope > .aw-list__item');
        const before = await items.count();
        // A finding about the (still empty) list links to its add button:
        // save the section and come back to see its error summary.
        await page.getByRole('button', { name: 'Opslaan en verder' }).click();
        await gotoSection(page, site.origin, id, section.id);
        const listLink = page.locator(`#controle-resultaat a[href="#${await list.getAttribute('id')}"]`);
        if ((await listLink.count()) > 0) {
          await listLink.first().click();
          assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ''), /^Voeg een .+ toe$/);
        }
        await add.click();
        // Focus goes to the new item's first input.
        await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT' || document.activeElement?.tagName === 'TEXTAREA');
        await add.click();
        assert.equal(await items.count(), before + 2);
        const legends = await items.locator(':scope > legend').allInnerTexts();
        assert.match(legends.at(-1), new RegExp(`${before + 2}$`));
        await items.last().getByRole('button', { name: /^Verwijder/ }).click();
        assert.equal(await items.count(), before + 1);
        break;
      }
      if (found) break;
    }
    assert.ok(found, 'some form has a list');
  });

  it('summary lines show on the check page of forms that define them', async () => {
    let found = false;
    for (const href of formLinks) {
      const id = href.replace(/^#\//, '');
      await openForm(page, site.origin, id);
      await gotoCheck(page, site.origin, id);
      if ((await page.locator('.aw-budget').count()) === 0) continue;
      found = true;
      assert.ok((await page.locator('.aw-budget__line').count()) >= 1, href);
    }
    assert.ok(found, 'some form has summary lines');
  });

  it('made no request outside 127.0.0.1 and logged no errors', () => {
    assert.deepEqual(browser.offsite(site.origin), []);
    assert.deepEqual(browser.errors, []);
  });
});
