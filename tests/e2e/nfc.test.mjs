// The site judges answers in Unicode NFC with the browser's own normaliser
// (src/normalize.rs, feature platform-nfc): a surname pasted from a Mac in
// decomposed form (NFD: "e" + a combining accent) counts as many letters as
// the same name typed on Windows, so it gets the same verdict as the CLI and
// the server, which use the crate's tables.

import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { openForm, gotoSection, useSiteAndBrowser } from './support/harness.mjs';

const FORM = 'rsv-breda-po/opp';
// 40 × "Öz" + 40 × "é" = 120 letters in NFC (the field's maximum), 200 code
// points in NFD.
const NFC_NAME = 'Öz'.repeat(40) + 'é'.repeat(40);
const NFD_NAME = NFC_NAME.normalize('NFD');

describe('answers are judged in NFC in the browser', () => {
  let site;
  let browser;
  let page;

  useSiteAndBrowser((started) => ({ site, browser, page } = started));

  before(async () => {
    await openForm(page, site.origin, FORM);
    await gotoSection(page, site.origin, FORM, 'leerling');
  });

  async function lengthMessage(value) {
    const box = page.getByLabel('Achternaam, voorvoegsels', { exact: true });
    await box.fill(value);
    await box.press('Tab');
    await page.waitForTimeout(100);
    // Only this field is filled, so a length message on the page is its own.
    const field = page.locator('main');
    return (await field.innerText()).match(/is \d+ tekens lang/)?.[0] ?? null;
  }

  it('a decomposed name of 120 letters is not "too long"', async () => {
    assert.equal(NFD_NAME.length, 200);
    assert.equal(await lengthMessage(NFD_NAME), null);
  });

  it('while one letter more is, counted as letters, not code points', async () => {
    assert.equal(await lengthMessage(NFD_NAME + 'e\u0301'), 'is 121 tekens lang');
    assert.deepEqual(browser.errors, []);
  });
});
