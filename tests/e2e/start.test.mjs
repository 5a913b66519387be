// The start page as a school meets it: choose the SWV, then what to ask for,
// by keyboard; the list narrows, says how many forms are left, and the
// choices are in the URL so an SWV's website can link to its own forms.
// Each form page says where the finished request goes, per SWV.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openStart, openForm, useSiteAndBrowser } from './support/harness.mjs';

describe('start page', () => {
  let site;
  let browser;
  let page;

  useSiteAndBrowser((started) => ({ site, browser, page } = started));

  const formLinks = async () => page.locator('.aw-form-list a').allInnerTexts();

  it('narrows the list by SWV and by what is asked for, by keyboard', async () => {
    await openStart(page, site.origin);
    const all = (await formLinks()).length;
    assert.ok(all >= 13, `all forms listed at first (${all})`);

    const berseba = page.getByRole('radio', { name: /^Berséba/ });
    await berseba.focus();
    await page.keyboard.press('Space');
    assert.equal(await berseba.isChecked(), true);
    const bersebaForms = await formLinks();
    assert.ok(bersebaForms.length < all && bersebaForms.length >= 3, bersebaForms.join(' | '));
    assert.equal(await page.locator('.aw-swv h2').allInnerTexts().then((h) => h.join()), 'Berséba');

    await page.getByRole('radio', { name: /^Toelating tot speciaal/ }).check();
    const toelating = await formLinks();
    assert.equal(toelating.length, 1, toelating.join(' | '));
    assert.match(toelating[0], /toelaatbaarheidsverklaring/i);
    assert.match(
      await page.locator('.aw-filter__count').innerText(),
      /^1 formulier past bij uw keuze/,
    );
    // The choices are in the URL: a link from the SWV's own website.
    assert.match(page.url(), /#\/\?swv=berseba&soort=toelating$/);

    // Arrow keys move within the group, as with any radio buttons.
    await page.getByRole('radio', { name: /^Alle soorten/ }).focus();
    await page.keyboard.press('Space');
    assert.equal((await formLinks()).length, bersebaForms.length);
  });

  it('opens with the choices of a link and ignores unknown ones', async () => {
    await page.goto(`${site.origin}/#/?swv=rsv-breda-po&soort=groepsarrangement`);
    await page.locator('.aw-form-list a').first().waitFor();
    assert.equal(await page.getByRole('radio', { name: /^RSV Breda PO/ }).isChecked(), true);
    for (const title of await formLinks()) {
      assert.match(title, /groepsarrangement|plan van aanpak/i);
    }
    await page.goto(`${site.origin}/#/?swv=bestaat-niet`);
    await page.locator('.aw-form-list a').first().waitFor();
    assert.equal(await page.getByRole('radio', { name: /^Alle samenwerkingsverbanden/ }).isChecked(), true);
  });

  it('each form page says where the request goes: Tommy only for RSV Breda PO', async () => {
    const cases = [
      ['rsv-breda-po/opp', /Tommy/],
      ['berseba/tlv-sbo-so', /Loket van Berséba/],
      ['rsv-breda-vo/tlv-vso', /Commissie Ondersteuningstoewijzing/],
      ['de-liemers/arrangement-basisonderwijs', /samenwerkingsverband/],
    ];
    for (const [form, where] of cases) {
      await openForm(page, site.origin, form);
      const how = await page.locator('.aw-submit-how').innerText();
      assert.match(how, /Zo dient u de aanvraag in/);
      assert.match(how, where, form);
      if (!form.startsWith('rsv-breda-po/')) {
        assert.doesNotMatch(await page.locator('main').innerText(), /Tommy/, `${form} names Tommy`);
      }
    }
  });

  it('remembers the SWV only when asked, and forgets it when unticked', async () => {
    // Not asked: a reload of the bare start page shows all SWVs again.
    await openStart(page, site.origin);
    await page.getByRole('radio', { name: /^RSV Breda PO/ }).check();
    const remember = page.getByRole('checkbox', { name: 'Onthoud mijn samenwerkingsverband op deze computer' });
    assert.equal(await remember.isChecked(), false);
    assert.equal(await page.evaluate(() => localStorage.getItem('aanvraagwijzer-swv')), null);
    await openStart(page, site.origin);
    assert.equal(await page.getByRole('radio', { name: /^Alle samenwerkingsverbanden/ }).isChecked(), true);

    // Asked, by keyboard: only the SWV's id is stored, and it is chosen next time.
    await page.getByRole('radio', { name: /^Berséba/ }).check();
    await remember.focus();
    await page.keyboard.press('Space');
    assert.equal(await remember.isChecked(), true);
    const stored = await page.evaluate(() => ({ ...localStorage }));
    assert.equal(stored['aanvraagwijzer-swv'], 'berseba');
    assert.deepEqual(Object.keys(stored).filter((k) => !k.startsWith('aanvraagwijzer-concept')), ['aanvraagwijzer-swv']);
    await openStart(page, site.origin);
    assert.equal(await page.getByRole('radio', { name: /^Berséba/ }).isChecked(), true);
    assert.equal(await page.locator('.aw-swv h2').allInnerTexts().then((h) => h.join()), 'Berséba');
    assert.equal(await remember.isChecked(), true);

    // Another SWV while ticked replaces it; a link's own choice wins.
    await page.getByRole('radio', { name: /^RSV Breda VO/ }).check();
    assert.equal(await page.evaluate(() => localStorage.getItem('aanvraagwijzer-swv')), 'rsv-breda-vo');
    await page.goto(`${site.origin}/#/?swv=de-liemers`);
    await page.locator('.aw-form-list a').first().waitFor();
    assert.equal(await page.getByRole('radio', { name: /^SWV Onderwijs op Maat de Liemers/ }).isChecked(), true);

    // Unticking forgets it at once.
    await remember.uncheck();
    assert.equal(await page.evaluate(() => localStorage.getItem('aanvraagwijzer-swv')), null);
    await openStart(page, site.origin);
    assert.equal(await page.getByRole('radio', { name: /^Alle samenwerkingsverbanden/ }).isChecked(), true);
    assert.equal(await remember.count(), 0, 'no box until an SWV is chosen');
  });

  it('made no request outside 127.0.0.1 and logged no errors', () => {
    assert.deepEqual(browser.offsite(site.origin), []);
    assert.deepEqual(browser.errors, []);
  });
});
