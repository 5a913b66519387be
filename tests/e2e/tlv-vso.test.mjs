// RSV Breda VO, aanvraag TLV vso: the GOV.UK validation pattern, the check
// summary, download + CLI agreement, open file, drafts, and no request
// leaving 127.0.0.1.

import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openForm, gotoSection, gotoFieldSection, gotoCheck, gotoOverview, repoRoot, useSiteAndBrowser } from './support/harness.mjs';

const FORM = 'rsv-breda-vo/tlv-vso';
const VALID_BSN = '111222333';
const INVALID_BSN = '111222334';

/** `code path` pairs, sorted: what two verdicts must agree on. */
const verdict = (findings) => findings.map((f) => `${f.code} ${f.path}`).sort();

/** Waits until the element with `id` has keyboard focus. */
async function focusedId(page, id) {
  await page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 5000 });
}

describe('TLV vso form', () => {
  let site;
  let browser;
  let page;

  useSiteAndBrowser((started) => ({ site, browser, page } = started));

  before(async () => {
    await openForm(page, site.origin, FORM);
    await gotoSection(page, site.origin, FORM, 'leerling');
  });

  it('judges a field only after the user leaves it, then live', async () => {
    const bsn = page.getByLabel('Burgerservicenummer');
    const message = page.locator('#veld-bsn-fout');
    await bsn.fill(INVALID_BSN);
    assert.equal(await message.count(), 0, 'no message while typing the first time');
    assert.equal(await bsn.getAttribute('aria-invalid'), null);

    await bsn.press('Tab');
    await message.waitFor();
    assert.match(await message.innerText(), /^Fout:/);
    assert.equal(await bsn.getAttribute('aria-invalid'), 'true');
    assert.match(await bsn.getAttribute('aria-describedby'), /\bveld-bsn-fout\b/);
    assert.match(await bsn.getAttribute('aria-describedby'), /\bveld-bsn-hint\b/);

    await bsn.fill(VALID_BSN);
    await message.waitFor({ state: 'detached' });
    assert.equal(await bsn.getAttribute('aria-invalid'), null);

    // An untouched required field is not scolded, not even after tabbing through it.
    await page.getByLabel('Woonplaats').focus();
    await page.getByLabel('Woonplaats').press('Tab');
    assert.equal(await page.locator('#veld-woonplaats-fout').count(), 0);
  });

  it('fills the form by its visible labels', async () => {
    await page.getByLabel('Achternaam, voorvoegsels').fill('Vries, de');
    await page.getByLabel('Voornamen (voluit)').fill('Anna Maria');
    await page.getByLabel('Straat en huisnummer').fill('Kerkstraat 1');
    await page.getByLabel('Postcode').fill('4811 AB');
    // Woonplaats is left empty on purpose: the check must find it.
    await page.getByRole('radio', { name: 'Vrouw' }).check();
    await page.getByLabel('Geboortedatum').fill('03-09-2012');
    // "Opslaan en verder" goes on to the school's questions.
    await page.getByRole('button', { name: 'Opslaan en verder' }).click();
    await page.locator('form.aw-form[data-section="school"]').waitFor();
    await page.getByLabel('Naam school', { exact: true }).fill('Het Lyceum');
    await page.getByLabel('Brinnummer vestiging').fill('12AB00');

    // A yes/no with a follow-up question that only then appears.
    const nummer = page.getByLabel('Nummer van de huidige beschikking of TLV');
    assert.equal(await nummer.count(), 0, 'follow-up hidden while not applicable');
    await page.getByRole('radio', { name: 'Ja' }).check();
    await nummer.fill('TLV-2024-001');
    await page.getByLabel('Afloopdatum van de huidige beschikking of TLV').fill('31-07-2027');

    await gotoSection(page, site.origin, FORM, 'bijlagen');
    const groei = page.getByRole('group', { name: 'Groeidocument' });
    // The file is chosen at the field; no name is typed.
    await groei.getByLabel('Kies het bestand').setInputFiles({
      name: 'groeidocument-anna.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 groeidocument van Anna'),
    });
    await groei.getByText('Gekozen bestand: groeidocument-anna.pdf').waitFor();
    await groei.getByLabel('Het groeidocument is volledig ingevuld.').check();
    // "Het groeidocument is ondertekend." stays unticked on purpose.

    await gotoSection(page, site.origin, FORM, 'ondertekening');
    const gezag = page.getByRole('group', { name: 'Getekend namens het bevoegd gezag' });
    await gezag.getByLabel('Naam', { exact: true }).fill('J. Jansen');
    await gezag.getByLabel('Functie').fill('directeur');
    await gezag.getByLabel('Datum van ondertekening').fill('01-11-2026');

    const d1 = page.getByRole('group', { name: 'Deskundige 1' });
    await d1.getByLabel('Naam', { exact: true }).fill('P. de Boer');
    await d1.getByLabel('Functie').fill('orthopedagoog');
    // Deskundige 2 stays empty on purpose.

    await gotoOverview(page, site.origin, FORM);
    const progress = await page.locator('.aw-progress').innerText();
    assert.match(progress, /^U heeft \d+ van 7 onderdelen afgerond\.$/);
  });

  it('"Controleer uw antwoorden" shows the error summary, with links to the fields on their pages', async () => {
    await page.getByRole('link', { name: 'Controleer uw antwoorden en download de aanvraag' }).click();
    const summary = page.locator('#controle-resultaat');
    await summary.waitFor();
    await focusedId(page, 'pagina-titel');
    assert.equal(await summary.getAttribute('role'), 'alert');
    assert.equal(
      await summary.getByRole('heading', { level: 2 }).innerText(),
      'Er zijn problemen',
    );

    // A plain field: the link opens its section and moves focus to its input.
    await summary.locator('a[href$="?veld=veld-woonplaats"]').click();
    await focusedId(page, 'veld-woonplaats');
    // After a check every finding shows beside its field, untouched or not.
    assert.match(await page.locator('#veld-woonplaats-fout').innerText(), /Fout:/);

    // A group (signature): the link moves focus to its first input.
    await page.goBack();
    await summary.locator('a[href$="?veld=veld-deskundige_2"]').click();
    await focusedId(page, 'veld-deskundige_2-naam');

    // An unticked confirmation: focus on that very checkbox.
    await page.goBack();
    await summary.locator('a[href$="?veld=veld-groeidocument-bevestigingen-1"]').click();
    await focusedId(page, 'veld-groeidocument-bevestigingen-1');

    // Findings with a source explain themselves, after the input (so Tab
    // reaches the input before the disclosure).
    await gotoFieldSection(page, site.origin, FORM, 'woonplaats');
    const why = page.locator('.aw-field', { has: page.locator('#veld-woonplaats') }).locator('details.aw-why');
    assert.equal(await page.locator('#veld-woonplaats-fout details').count(), 0);
    await why.locator('summary').click();
    assert.match(await why.innerText(), /Bijlage 6a/);
  });

  it('downloads JSON that the CLI judges exactly as the page did', async () => {
    await gotoOverview(page, site.origin, FORM);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Bewaar de antwoorden als bestand (met leerlinggegevens)' }).click(),
    ]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aw-e2e-')), download.suggestedFilename());
    await download.saveAs(file);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));

    assert.equal(saved.form, FORM);
    for (const key of ['form_version', 'answers', 'findings', 'core_version', 'created']) {
      assert.ok(key in saved, `download has ${key}`);
    }
    assert.equal(saved.answers.bsn, VALID_BSN);
    assert.equal(saved.answers.woonplaats, undefined);
    assert.ok(saved.findings.length > 0);

    // Judge on the download's own date, so midnight cannot split the verdicts.
    const [y, m, d] = saved.created.split('-');
    const cli = spawnSync(
      'cargo',
      ['run', '-q', '-p', 'aanvraagwijzer-cli', '--', 'validate', '--json', '--form', FORM, '--date', `${d}-${m}-${y}`, file],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    assert.ok(cli.status === 0 || cli.status === 1, `CLI ran (exit ${cli.status}): ${cli.stderr}`);
    const report = JSON.parse(cli.stdout);
    assert.deepEqual(verdict(report.findings), verdict(saved.findings));

    // The core the page exposes agrees as well.
    const inPage = await page.evaluate((text) => window.aanvraagwijzer.validateDocument(text), fs.readFileSync(file, 'utf8'));
    assert.deepEqual(verdict(inPage), verdict(saved.findings));
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('"Open een bewaard bestand" refuses a bad file in Dutch and leaves the answers alone', async () => {
    const input = page.getByLabel('Open een bewaard bestand');
    await input.setInputFiles({ name: 'kapot.json', mimeType: 'application/json', buffer: Buffer.from('{ dit is geen json') });
    const error = page.locator('.aw-file-error');
    await error.waitFor();
    assert.match(await error.innerText(), /kan Aanvraagwijzer niet lezen/);
    await gotoSection(page, site.origin, FORM, 'leerling');
    assert.equal(await page.getByLabel('Burgerservicenummer').inputValue(), VALID_BSN);
    await gotoOverview(page, site.origin, FORM);

    // A valid document of this form replaces the answers.
    const doc = { form: FORM, form_version: 'x', answers: { woonplaats: 'Breda' } };
    await input.setInputFiles({ name: 'ok.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await page.locator('.aw-status').waitFor();
    await gotoSection(page, site.origin, FORM, 'leerling');
    assert.equal(await page.getByLabel('Woonplaats').inputValue(), 'Breda');
    assert.equal(await page.getByLabel('Burgerservicenummer').inputValue(), '');
  });

  it('keeps the answers in memory when the user goes to the start page and back', async () => {
    await page.getByRole('link', { name: 'Alle formulieren' }).click();
    await openForm(page, site.origin, FORM);
    await gotoSection(page, site.origin, FORM, 'leerling');
    assert.equal(await page.getByLabel('Woonplaats').inputValue(), 'Breda');
  });

  it('keeps the answers across a reload, stores a draft only with a password, and wipes it', async () => {
    const stored = () => page.evaluate(() => Object.keys(localStorage));
    assert.deepEqual(await stored(), [], 'nothing lasting stored without asking');

    // The tab keeps the answers (sessionStorage): a reload loses nothing.
    await page.reload();
    await page.locator(`form.aw-form[data-form="${FORM}"]`).waitFor();
    assert.equal(await page.getByLabel('Woonplaats').inputValue(), 'Breda');

    await gotoOverview(page, site.origin, FORM);
    // A draft is encrypted with a password (details in drafts.test.mjs).
    await page.getByLabel('Kies een wachtwoord').fill('lang-genoeg-1');
    await page.getByLabel('Typ het wachtwoord nog een keer').fill('lang-genoeg-1');
    await page.getByRole('button', { name: 'Bewaar concept', exact: true }).click();
    await page.locator('.aw-draft-status .aw-status', { hasText: /versleuteld bewaard/ }).waitFor({ timeout: 60_000 });
    const keys = await stored();
    assert.equal(keys.length, 1);
    assert.match(keys[0], /^aanvraagwijzer-concept-v2:[0-9a-f]{32}$/);

    await page.getByRole('button', { name: /^Wis concept van / }).click();
    assert.deepEqual(await stored(), []);
  });

  it('shows a Dutch page with a way back for an unknown address', async () => {
    await page.goto(`${site.origin}/#/bestaat/niet`);
    await page.getByRole('heading', { name: 'Deze pagina bestaat niet' }).waitFor();
    await page.getByRole('link', { name: 'Ga naar alle formulieren' }).click();
    await page.getByRole('heading', { name: 'RSV Breda VO' }).waitFor();
  });

  it('made no request outside 127.0.0.1 and logged no errors', () => {
    assert.deepEqual(browser.offsite(site.origin), []);
    assert.ok(browser.requests.length > 0);
    assert.deepEqual(browser.errors, []);
  });
});
