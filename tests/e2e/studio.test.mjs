// The form studio (studio/, issue 14 §3): a form file with a misspelt field
// in a rule gives the Dutch problem with its line; the corrected file shows
// the form as schools see it, the rules the example answers passed and
// failed, what changed against the published form, and a JSON download
// that parses. The studio is a build of its own (site feature `studio`):
// the school's start page and form pages load nothing of it.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, openBrowser, openStart, openForm, repoRoot, distDir } from './support/harness.mjs';

const FORM = 'rsv-breda-po/opp';
const MODULE = 'pkg-studio/';
/** Anything of the studio's own build or its module. */
const isStudio = (u) => new URL(u).pathname.startsWith('/studio/') || u.includes(MODULE);
const original = fs.readFileSync(path.join(repoRoot, 'forms', `${FORM}.toml`), 'utf8');
const RULE = 'id = "ouders-betrokken"\nseverity = "waarschuwing"\nfield = "ouders_betrokken"';
assert.ok(original.includes(RULE), 'the test edits rule ouders-betrokken');
/** The line of the rule's `field` in the file (1-based). */
const fieldLine = original.slice(0, original.indexOf(RULE)).split('\n').length + 2;
const misspelt = original.replace(RULE, RULE.replace('field = "ouders_betrokken"', 'field = "ouders_betrokke"'));
const corrected = original.replace(RULE, RULE.replace('severity = "waarschuwing"', 'severity = "fout"'));

describe('form studio', () => {
  let site;
  let browser;
  before(async () => {
    site = await startSite();
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('is not loaded on the start page or a form page', async () => {
    const { page, requests } = browser;
    await openStart(page, site.origin);
    await openForm(page, site.origin, FORM);
    assert.ok(requests.length > 0, 'requests are recorded');
    assert.deepEqual(requests.filter(isStudio), []);
    // The start page's footer leads to the studio's own address.
    await openStart(page, site.origin);
    await page.getByRole('link', { name: 'Voor samenwerkingsverbanden: formulier aanpassen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Formulierstudio' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/studio/');
    assert.equal(await page.title(), 'Formulierstudio – Aanvraagwijzer');
  });

  it('points an old #/studio link to the studio', async () => {
    const { page } = browser;
    await page.goto(`${site.origin}/#/studio`);
    await page.getByRole('heading', { level: 1, name: 'De formulierstudio is verhuisd' }).waitFor();
    await page.getByRole('link', { name: 'Ga naar de formulierstudio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Formulierstudio' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/studio/');
  });

  it('names a misspelt field in a rule with its line, in Dutch', async () => {
    const { page, requests } = browser;
    await page.getByLabel('Tekst van het formulierbestand (TOML)').fill(misspelt);
    const summary = page.locator('.aw-error-summary');
    await summary.waitFor();
    const text = await summary.innerText();
    assert.match(text, /Er is 1 probleem in het formulier/);
    assert.match(text, new RegExp(`Regel ${fieldLine}, kolom \\d+: Regel .ouders-betrokken. noemt het veld .ouders_betrokke., maar dat veld bestaat niet`));
    assert.ok(requests.some((u) => u.includes(`${MODULE}aanvraagwijzer_studio_wasm`)), 'the studio module was loaded');
    // The link puts the cursor on that line of the text.
    await summary.getByRole('link', { name: new RegExp(`^Regel ${fieldLine},`) }).click();
    const line = await page.locator('#studio-tekst').evaluate((el) => el.value.slice(0, el.selectionStart).split('\n').length);
    assert.equal(line, fieldLine);
    assert.equal(await page.locator('#studio-voorbeeld').count(), 0, 'no preview of a broken form');
  });

  it('previews the corrected form, follows the rules tried and names the changed rule', async () => {
    const { page } = browser;
    await page.getByLabel('Tekst van het formulierbestand (TOML)').fill(corrected);
    await page.getByText('Geen problemen gevonden').waitFor();
    assert.equal(await page.locator('.aw-error-summary').count(), 0);

    // The diff against the published form names the rule and both severities.
    const changes = page.locator('.aw-studio-changes li');
    assert.equal(await changes.count(), 1);
    const change = await changes.first().innerText();
    assert.match(change, /Veranderd: Regel ouders-betrokken: is nu een fout .* \(was een waarschuwing/);

    // The preview is the form as schools see it; its links stay in the studio.
    const preview = page.locator('#studio-voorbeeld');
    await preview.locator('.aw-task-list').waitFor();
    await preview.locator(`a[href="#/studio/${FORM}/ouders"]`).click();
    await preview.getByRole('heading', { level: 1, name: 'Visie van ouders of verzorgers' }).waitFor();
    assert.match(page.url(), /\/studio\/#\/studio\/rsv-breda-po\/opp\/ouders$/);

    const row = page.locator('tr[data-rule="ouders-betrokken"]');
    const outcome = (o) => row.locator(`td[data-outcome="${o}"]`).innerText();
    // An empty answer is not "nee": the rule holds until "Nee" is tried.
    assert.equal(await outcome('failed'), 'nog niet');
    await preview.getByRole('radio', { name: 'Nee' }).check();
    await page.waitForFunction(() => document.querySelector('tr[data-rule="ouders-betrokken"] td[data-outcome="failed"]')?.textContent === 'ja');
    await preview.getByRole('radio', { name: 'Ja' }).check();
    await page.waitForFunction(() => document.querySelector('tr[data-rule="ouders-betrokken"] td[data-outcome="passed"]')?.textContent === 'ja');
    assert.equal(await outcome('failed'), 'ja', 'what was tried before is kept');
    // A rule whose answers were never given has neither passed nor failed.
    const untried = page.locator('tr[data-rule="evaluatiedatum-na-opp"]');
    assert.equal(await untried.locator('td[data-outcome="passed"]').innerText(), 'nog niet');
    assert.equal(await untried.locator('td[data-outcome="failed"]').innerText(), 'nog niet');
    assert.equal(await untried.locator('td[data-outcome="not-applicable"]').innerText(), 'ja');
  });

  it('downloads the checked form as JSON, ready to publish', async () => {
    const { page } = browser;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download de formuliergegevens (.json)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'opp.json');
    const form = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    assert.equal(form.id, FORM);
    assert.equal(form.rules.find((r) => r.id === 'ouders-betrokken').severity, 'fout');
    const [toml] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download het formulierbestand (.toml)' }).click(),
    ]);
    assert.equal(fs.readFileSync(await toml.path(), 'utf8'), corrected);
    // Title, description and version as published: the list stays as it is.
    await page.getByText('De lijst met formulieren op de startpagina hoeft niet te veranderen').waitFor();
  });

  it('opens a published form unchanged', async () => {
    const { page } = browser;
    await page.getByLabel('Een gepubliceerd formulier').selectOption(FORM);
    await page.getByRole('button', { name: 'Open dit formulier' }).click();
    await page.getByText('Niets veranderd: dit formulier is gelijk aan de gepubliceerde versie.').waitFor();
    assert.equal(await page.locator('#studio-tekst').inputValue(), original);
  });

  it('gives the list of forms with the new title and version, for the start page', async () => {
    const { page } = browser;
    const retitled = original
      .replace(/^title = ".*"$/m, 'title = "OPP voor zware ondersteuning (nieuw)"')
      .replace(/^version = "(.*)"$/m, 'version = "$1-2"');
    await page.locator('#studio-tekst').fill(retitled);
    await page.getByRole('button', { name: 'Controleer en bekijk' }).click();
    await page.getByText('Zet ook de nieuwe lijst met formulieren op uw website, als forms/index.json').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download de lijst met formulieren (index.json)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'index.json');
    const index = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    const published = JSON.parse(fs.readFileSync(path.join(distDir, 'forms', 'index.json'), 'utf8'));
    // The same forms, in the same order; only this form's entry changed.
    assert.deepEqual(index.forms.map((f) => f.id), published.forms.map((f) => f.id));
    for (const entry of index.forms) {
      const before = published.forms.find((f) => f.id === entry.id);
      if (entry.id === FORM) {
        assert.equal(entry.title, 'OPP voor zware ondersteuning (nieuw)');
        assert.equal(entry.version, `${before.version}-2`);
        assert.equal(entry.file, before.file);
      } else {
        assert.deepEqual(entry, before);
      }
    }
  });

  it('sends nothing anywhere and raises no errors', () => {
    assert.deepEqual(browser.offsite(site.origin), []);
    assert.deepEqual(browser.errors, []);
  });
});
