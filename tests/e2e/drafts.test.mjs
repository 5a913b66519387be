// Never lose an answer, never leave one readable: the tab keeps answers
// across a reload (sessionStorage) but not into a new tab; leaving with
// unkept answers asks first; drafts are encrypted with a password, expire
// after 30 days, can be wiped; old plaintext drafts are migrated.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openForm, gotoSection, gotoOverview, repoRoot, useSiteAndBrowser } from './support/harness.mjs';

const AXE = fs.readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe's WCAG 2.1 AA violations on the current page, as short lines. */
async function violations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

const FORM = 'rsv-breda-vo/tlv-vso';
const BSN = '111222333';
const SURNAME = 'Vries, de';
const FIRST = 'Annemarie';
const PASSWORD = 'zomer-in-Breda-7';
const DAY = 24 * 60 * 60 * 1000;

/** Opens a section page of the form in `page` (the form is open). */
const toSection = (page, id) => gotoSection(page, new URL(page.url()).origin, FORM, id);
/** Back to the form's task list, where the drafts are. */
const toOverview = (page) => gotoOverview(page, new URL(page.url()).origin, FORM);

/** Fills a recognisable pupil on its page, then returns to the task list. */
async function fillPupil(page, { surname = SURNAME, first = FIRST, bsn = BSN } = {}) {
  await toSection(page, 'leerling');
  await page.getByLabel('Achternaam, voorvoegsels').fill(surname);
  await page.getByLabel('Voornamen (voluit)').fill(first);
  await page.getByLabel('Burgerservicenummer').fill(bsn);
  await page.getByRole('radio', { name: 'Vrouw' }).check();
  await page.getByLabel('Geboortedatum').fill('03-09-2012');
  await page.getByLabel('Woonplaats').fill('Breda');
  await toOverview(page);
}

/** Everything the site keeps beyond the tab: localStorage and IndexedDB. */
async function lastingStorage(page) {
  return page.evaluate(async () => {
    const local = Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));
    const databases = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [];
    return { local, databases };
  });
}

/** Whether leaving the page now would ask first (the handler cancels). */
async function warnsBeforeLeaving(page) {
  return page.evaluate(() => {
    const ev = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(ev);
    return ev.defaultPrevented;
  });
}

async function saveDraft(page, password = PASSWORD, repeat = password) {
  await page.getByLabel('Kies een wachtwoord').fill(password);
  await page.getByLabel('Typ het wachtwoord nog een keer').fill(repeat);
  await page.getByRole('button', { name: 'Bewaar concept', exact: true }).click();
}

async function waitStatus(page, pattern) {
  await page.locator('.aw-draft-status .aw-status', { hasText: pattern }).waitFor({ timeout: 60_000 });
}

async function openDraft(page, password, index = 0) {
  await page.getByRole('button', { name: /^Open concept van / }).nth(index).click();
  await page.getByLabel('Wachtwoord van dit concept').fill(password);
  await page.getByRole('button', { name: 'Open concept', exact: true }).click();
}

const draftKeys = (storage) => Object.keys(storage.local).filter((k) => k.startsWith('aanvraagwijzer-concept'));

describe('answers in the tab, encrypted drafts', () => {
  let site;
  let browser;

  useSiteAndBrowser((started) => ({ site, browser } = started));

  it('keeps every answer across a reload, and says so in one line', async () => {
    const { page } = browser;
    await openForm(page, site.origin, FORM);
    assert.equal(
      await page.locator('.aw-autosave').innerText(),
      'Uw antwoorden blijven bewaard zolang dit tabblad open is.',
    );
    await fillPupil(page);
    await toSection(page, 'school');
    await page.getByRole('radio', { name: 'Ja' }).check();
    await page.getByLabel('Nummer van de huidige beschikking of TLV').fill('TLV-2024-001');
    await toSection(page, 'bijlagen');
    const groei = page.getByRole('group', { name: 'Groeidocument' });
    await groei.getByLabel('Het groeidocument is ondertekend.').check();

    // A reload on a section page keeps every answer on every page.
    await page.reload();
    await page.locator(`form.aw-form[data-form="${FORM}"]`).waitFor();
    assert.ok(await groei.getByLabel('Het groeidocument is ondertekend.').isChecked());
    await toSection(page, 'school');
    assert.ok(await page.getByRole('radio', { name: 'Ja' }).isChecked());
    assert.equal(await page.getByLabel('Nummer van de huidige beschikking of TLV').inputValue(), 'TLV-2024-001');
    await toSection(page, 'leerling');
    assert.equal(await page.getByLabel('Achternaam, voorvoegsels').inputValue(), SURNAME);
    assert.equal(await page.getByLabel('Voornamen (voluit)').inputValue(), FIRST);
    assert.equal(await page.getByLabel('Burgerservicenummer').inputValue(), BSN);
    assert.equal(await page.getByLabel('Geboortedatum').inputValue(), '03-09-2012');
    assert.equal(await page.getByLabel('Woonplaats').inputValue(), 'Breda');
    assert.ok(await page.getByRole('radio', { name: 'Vrouw' }).isChecked());

    // Nothing lasting was written: the tab's copy is sessionStorage only.
    const stored = await lastingStorage(page);
    assert.deepEqual(stored.local, {});
    assert.deepEqual(stored.databases, []);
  });

  it('warns before leaving while answers are kept only in the tab', async () => {
    const { page } = browser;
    assert.equal(await warnsBeforeLeaving(page), true);
    // The browser's own dialog appears when the tab is about to close.
    const dialog = new Promise((resolve) => page.once('dialog', async (d) => {
      resolve(d.type());
      await d.dismiss();
    }));
    await page.getByLabel('Woonplaats').click();
    await page.close({ runBeforeUnload: true });
    assert.equal(await dialog, 'beforeunload');
    assert.ok(!page.isClosed(), 'dismissing the dialog keeps the page');
  });

  it('a download counts as kept: no warning until the next change', async () => {
    const { page } = browser;
    await toOverview(page);
    const button = page.getByRole('button', { name: 'Bewaar de antwoorden als bestand (met leerlinggegevens)' });
    assert.match(
      await page.locator('#downloaden-privacy').innerText(),
      /bevat gegevens van de leerling/,
    );
    assert.equal(
      await page.getByRole('heading', { name: 'Bewaar om later verder te gaan' }).count(),
      1,
    );
    await Promise.all([page.waitForEvent('download'), button.click()]);
    assert.equal(await warnsBeforeLeaving(page), false);
    await toSection(page, 'leerling');
    await page.getByLabel('Woonplaats').fill('Breda-Noord');
    assert.equal(await warnsBeforeLeaving(page), true);
    await page.getByLabel('Woonplaats').fill('Breda');
  });

  it('a new tab starts empty', async () => {
    const other = await browser.context.newPage();
    await openForm(other, site.origin, FORM);
    await toSection(other, 'leerling');
    assert.equal(await other.getByLabel('Achternaam, voorvoegsels').inputValue(), '');
    assert.equal(await other.getByLabel('Burgerservicenummer').inputValue(), '');
    assert.equal(await warnsBeforeLeaving(other), false, 'an empty form does not hold anyone up');
    await other.close();
  });

  it('saves a draft only with a password, and stores nothing readable', async () => {
    const { page } = browser;
    await toOverview(page);
    // Too short, then two different passwords: errors tied to the inputs.
    await saveDraft(page, 'kort');
    const pw = page.getByLabel('Kies een wachtwoord');
    await page.waitForFunction(() => document.activeElement?.id === 'concept-wachtwoord');
    assert.equal(await pw.getAttribute('aria-invalid'), 'true');
    assert.match(await pw.getAttribute('aria-describedby'), /\bconcept-wachtwoord-fout\b/);
    assert.match(await page.locator('#concept-wachtwoord-fout').innerText(), /minstens 8 tekens/);
    await saveDraft(page, PASSWORD, PASSWORD + 'x');
    assert.match(await page.locator('#concept-wachtwoord-herhaal-fout').innerText(), /niet gelijk/);
    assert.deepEqual(draftKeys(await lastingStorage(page)), []);

    await saveDraft(page);
    await waitStatus(page, /versleuteld bewaard in deze browser, tot \d\d-\d\d-\d{4} \(30 dagen\)/);
    assert.equal(await warnsBeforeLeaving(page), false);

    const stored = await lastingStorage(page);
    const keys = draftKeys(stored);
    assert.equal(keys.length, 1);
    const everything = JSON.stringify(stored);
    for (const secret of [BSN, 'Vries', FIRST, 'Breda', '03-09-2012', 'TLV-2024-001']) {
      assert.ok(!everything.includes(secret), `${secret} is not readable in storage`);
    }
    const entry = JSON.parse(stored.local[keys[0]]);
    assert.equal(entry.form, FORM);
    assert.equal(entry.iterations, 600000);
    assert.equal(entry.kdf, 'PBKDF2-SHA-256');
    assert.equal(entry.expires - entry.saved, 30 * DAY);
    assert.ok(Buffer.from(entry.data, 'base64').length > 50);
    // The list names the form's draft by date only.
    const item = page.locator('.aw-drafts .aw-draft');
    assert.equal(await item.count(), 1);
    assert.match(await item.innerText(), /^Concept van \d\d-\d\d-\d{4} om \d\d:\d\d/);
  });

  it('a wrong password says so and keeps the draft; the right one opens it', async () => {
    const other = await browser.context.newPage();
    await openForm(other, site.origin, FORM);
    await other.locator('.aw-draft-notice').getByRole('button', { name: 'Naar de bewaarde concepten' }).click();
    await other.waitForFunction(() => document.activeElement?.id === 'concept-titel');

    await openDraft(other, 'verkeerd-wachtwoord');
    const error = other.locator('#concept-open-wachtwoord-fout');
    await error.waitFor({ timeout: 60_000 });
    assert.match(await error.innerText(), /Dit wachtwoord klopt niet\. Het concept is niet gewist/);
    const input = other.getByLabel('Wachtwoord van dit concept');
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    assert.match(await input.getAttribute('aria-describedby'), /\bconcept-open-wachtwoord-fout\b/);
    assert.equal(draftKeys(await lastingStorage(other)).length, 1, 'the draft is still there');
    assert.ok(!(await other.evaluate(() => JSON.stringify(sessionStorage))).includes(BSN), 'nothing opened');
    assert.deepEqual(await violations(other), [], 'accessible with the error showing');

    await input.fill(PASSWORD);
    await other.getByRole('button', { name: 'Open concept', exact: true }).click();
    await waitStatus(other, /is geopend/);
    await toSection(other, 'leerling');
    assert.equal(await other.getByLabel('Burgerservicenummer').inputValue(), BSN);
    assert.equal(await other.getByLabel('Achternaam, voorvoegsels').inputValue(), SURNAME);
    assert.equal(await warnsBeforeLeaving(other), false, 'just opened: kept in the draft');
    await other.close();
  });

  it('keeps one draft per pupil, and asks before replacing one', async () => {
    const other = await browser.context.newPage();
    await openForm(other, site.origin, FORM);
    await fillPupil(other, { surname: 'Jansen', first: 'Pieter', bsn: '123456782' });
    await saveDraft(other);
    await waitStatus(other, /versleuteld bewaard/);
    assert.equal(draftKeys(await lastingStorage(other)).length, 2, 'the first pupil is not replaced');
    assert.equal(await other.locator('.aw-drafts .aw-draft').count(), 2);

    // Saving again after a change: replace the open draft, or a new one?
    await toSection(other, 'leerling');
    await other.getByLabel('Woonplaats').fill('Oosterhout');
    await toOverview(other);
    await saveDraft(other);
    const choice = other.locator('#concept-vervangen-fout');
    await choice.waitFor();
    assert.match(await choice.innerText(), /vervangen of een nieuw concept/);
    await other.waitForFunction(() => document.activeElement?.id === 'concept-vervangen-ja');
    assert.deepEqual(await violations(other), [], 'accessible with the choice asked');
    assert.equal(await other.locator('.aw-draft-status .aw-status').count(), 0, 'no stale success message');
    const before = (await lastingStorage(other)).local;
    await other.getByLabel('Ja, vervang het concept').check();
    await saveDraft(other);
    await waitStatus(other, /versleuteld bewaard/);
    const after = (await lastingStorage(other)).local;
    assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort(), 'replaced, not added');
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    assert.equal(changed.length, 1, 'exactly the open draft was rewritten');
    assert.equal(JSON.parse(before[changed[0]]).saved <= JSON.parse(after[changed[0]]).saved, true);
    await other.close();
  });

  it('"Wis alle concepten" removes every trace, old plaintext drafts included', async () => {
    const { page } = browser;
    await page.evaluate(
      ([form]) => localStorage.setItem(`aanvraagwijzer-concept:${form}`, JSON.stringify({ form, form_version: '1', answers: {} })),
      [FORM],
    );
    await page.goto(`${site.origin}/#/`);
    const box = page.locator('section', { has: page.getByRole('heading', { name: 'Bewaarde concepten in deze browser' }) });
    await box.waitFor();
    assert.match(await box.innerText(), /concept van \d\d-\d\d-\d{4}/);
    assert.ok(!(await box.innerText()).includes('Jansen'));
    await box.getByRole('button', { name: 'Wis alle concepten' }).click();
    await box.getByRole('button', { name: 'Ja, wis alle concepten' }).click();
    await box.getByText('Alle concepten zijn gewist uit deze browser.').waitFor();
    assert.deepEqual(draftKeys(await lastingStorage(page)), []);
  });

  it('migrates an old plaintext draft: open it, save it with a password, and it is gone', async () => {
    const { page } = browser;
    const old = { form: FORM, form_version: '1', answers: { bsn: BSN } };
    await page.evaluate(
      ([form, doc]) => localStorage.setItem(`aanvraagwijzer-concept:${form}`, JSON.stringify(doc)),
      [FORM, old],
    );
    const other = await browser.context.newPage();
    await openForm(other, site.origin, FORM);
    const notice = other.locator('.aw-legacy-notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), /niet versleuteld/);
    await notice.getByRole('button', { name: 'Open oud concept' }).click();
    await toSection(other, 'leerling');
    assert.equal(await other.getByLabel('Burgerservicenummer').inputValue(), BSN);
    assert.equal(await warnsBeforeLeaving(other), true, 'not yet kept safely');
    await toOverview(other);
    await saveDraft(other);
    await waitStatus(other, /Het oude, onversleutelde concept is gewist/);
    const stored = await lastingStorage(other);
    assert.deepEqual(Object.keys(stored.local).filter((k) => k.startsWith('aanvraagwijzer-concept:')), []);
    assert.equal(draftKeys(stored).length, 1);
    assert.ok(!JSON.stringify(stored).includes(BSN));
    assert.equal(await notice.count(), 0);
    await other.close();
  });

  it('made no request outside 127.0.0.1 and logged no errors', () => {
    assert.deepEqual(browser.offsite(site.origin), []);
    assert.deepEqual(browser.errors, []);
  });
});

describe('draft expiry, with a clock the test controls', () => {
  let site;
  let browser;

  useSiteAndBrowser((started) => ({ site, browser } = started));

  it('shows the expiry date when saving and removes the draft after 30 days', async () => {
    const { page } = browser;
    const t0 = new Date('2026-11-28T10:00:00+01:00');
    await page.clock.setFixedTime(t0);
    await openForm(page, site.origin, FORM);
    await fillPupil(page);
    await saveDraft(page);
    await waitStatus(page, /tot 28-12-2026 \(30 dagen\)/);
    assert.match(await page.locator('.aw-drafts').innerText(), /Concept van 28-11-2026 om 10:00 \(wordt gewist op 28-12-2026\)/);

    // A day before the end it is still there.
    await page.clock.setFixedTime(new Date(t0.getTime() + 29 * DAY));
    await page.reload();
    await page.locator('.aw-task-list').waitFor();
    assert.equal(await page.locator('.aw-drafts .aw-draft').count(), 1);

    await page.clock.setFixedTime(new Date(t0.getTime() + 30 * DAY + 60_000));
    await page.reload();
    await page.locator('.aw-task-list').waitFor();
    assert.equal(await page.locator('.aw-drafts .aw-draft').count(), 0);
    assert.match(await page.locator('.aw-expired').innerText(), /1 concept was ouder dan 30 dagen en is gewist/);
    assert.deepEqual(draftKeys(await lastingStorage(page)), []);
    // The tab's own answers are not a draft: they are still on the page.
    await toSection(page, 'leerling');
    assert.equal(await page.getByLabel('Burgerservicenummer').inputValue(), BSN);
  });
});
