// Generic widgets across all forms, found through the start page rather than
// named, so the test keeps working as forms are added or renamed: every form
// renders; lists add, number and remove items; summary lines show.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openBrowser, openStart, openForm } from './support/harness.mjs';

describe('all forms', () => {
  let site;
  let browser;
  let page;
  let formLinks = [];

  before(async () => {
    site = await startSite();
    browser = await openBrowser();
    page = browser.page;
    await openStart(page, site.origin);
    formLinks = await page.locator('.aw-form-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('the start page lists forms grouped per SWV', async () => {
    assert.ok(formLinks.length >= 2, `forms listed: ${formLinks}`);
    assert.ok((await page.getByRole('heading', { level: 2 }).count()) >= 1);
  });

  it('every form renders with a check button, a progress line and labelled inputs', async () => {
    for (const href of formLinks) {
      await openForm(page, site.origin, href.replace(/^#\//, ''));
      assert.match(await page.locator('.aw-progress').innerText(), /verplichte onderdelen compleet/, href);
      // Every input has a label (a <label for>), so screen readers can name it.
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll('form.aw-form input, form.aw-form textarea')]
          .filter((el) => !el.labels || el.labels.length === 0)
          .map((el) => el.id),
      );
      assert.deepEqual(unlabelled, [], `${href}: inputs without label`);
      // Checking an empty form finds problems and says so.
      await page.getByRole('button', { name: 'Controleer aanvraag' }).click();
      await page.waitForFunction(() => document.activeElement?.id === 'controle-resultaat');
    }
  });

  it('a list adds, numbers and removes items', async () => {
    let found = false;
    for (const href of formLinks) {
      await openForm(page, site.origin, href.replace(/^#\//, ''));
      const list = page.locator('.aw-list').first();
      if ((await list.count()) === 0) continue;
      found = true;
      const add = list.locator(':scope > button.aw-list__add');
      assert.match(await add.innerText(), /^Voeg een .+ toe$/);
      const items = list.locator(':scope > .aw-list__item');
      const before = await items.count();
      // A finding about the (still empty) list links to its add button.
      await page.getByRole('button', { name: 'Controleer aanvraag' }).click();
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
    assert.ok(found, 'some form has a list');
  });

  it('summary lines show for forms that define them', async () => {
    let found = false;
    for (const href of formLinks) {
      await openForm(page, site.origin, href.replace(/^#\//, ''));
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
