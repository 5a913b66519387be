// "Download aanvraag (pakket)": from an empty form to a package that
// `aanvraagwijzer verify` accepts, with the package code loaded only on
// demand, the PDF readable, and a reopened package restoring the form exactly.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openForm, gotoCheck, gotoFieldSection, gotoOverview, repoRoot, useSiteAndBrowser } from './support/harness.mjs';

const FORM = 'rsv-breda-vo/tlv-vso';
const MODULE = 'pkg-package/aanvraagwijzer_package_wasm';
const fixture = (rel) => path.join(repoRoot, 'tests/fixtures', rel);

/** `code path` pairs, sorted: what two verdicts must agree on. */
const verdict = (findings) => findings.map((f) => `${f.code} ${f.path}`).sort();

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-pakket-'));

/**
 * Clicks the download button and saves the package; returns its path. The
 * suggested name says whose request and which form it is: the pupil's
 * initials (when the name is filled in), the form and the date.
 */
async function downloadPackage(page, name, initials = '') {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download aanvraag (pakket)' }).click(),
  ]);
  const expected = new RegExp(`^${initials ? `${initials}-` : ''}rsv-breda-vo-tlv-vso-\\d{4}-\\d{2}-\\d{2}\\.zip$`);
  assert.match(download.suggestedFilename(), expected);
  const file = path.join(work, name);
  await download.saveAs(file);
  return file;
}

/** An answer as "Controleer uw antwoorden" shows it. */
async function shownAnswer(page, fieldId) {
  return page.locator(`.aw-summary-list__row[data-field="${fieldId}"] .aw-summary-list__value`).innerText();
}

/** `aanvraagwijzer verify --json` on a file: { status, report, stderr }. */
function verify(file) {
  const cli = spawnSync('cargo', ['run', '-q', '-p', 'aanvraagwijzer-cli', '--', 'verify', '--json', file], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return { status: cli.status, report: cli.stdout ? JSON.parse(cli.stdout) : null, stderr: cli.stderr };
}

/**
 * One file out of a package. Packages are store-only ZIPs, so reading the
 * central directory is enough (no unzip tool needed on the machine).
 */
function extract(zip, name) {
  const bytes = fs.readFileSync(zip);
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'end of central directory');
  const count = bytes.readUInt16LE(end + 10);
  let pos = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    assert.equal(bytes.readUInt32LE(pos), 0x02014b50, 'central directory entry');
    const size = bytes.readUInt32LE(pos + 24);
    const nameLen = bytes.readUInt16LE(pos + 28);
    const skip = nameLen + bytes.readUInt16LE(pos + 30) + bytes.readUInt16LE(pos + 32);
    const local = bytes.readUInt32LE(pos + 42);
    const entry = bytes.subarray(pos + 46, pos + 46 + nameLen).toString('utf8');
    if (entry === name) {
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      return bytes.subarray(start, start + size);
    }
    pos += 46 + skip;
  }
  assert.fail(`${name} not in ${zip}`);
}

/** The text of a PDF, as pdftotext (poppler-utils) extracts it. */
function pdfText(pdf) {
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
  assert.equal(out.status, 0, 'pdftotext reads the PDF');
  return out.stdout;
}

describe('submission package', () => {
  let site;
  let browser;
  let page;
  let firstZip;

  useSiteAndBrowser((started) => ({ site, browser, page } = started));

  before(async () => {
    await openForm(page, site.origin, FORM);
  });

  after(async () => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('loads the package code only when asked, and an empty form gives a CONCEPT package', async (t) => {
    assert.equal(
      browser.requests.filter((u) => u.includes(MODULE) || u.endsWith('.ttf')).length,
      0,
      'the form page loads neither the package module nor its fonts',
    );
    // The package box ends "Controleer uw antwoorden".
    await gotoCheck(page, site.origin, FORM);
    const started = Date.now();
    const file = await downloadPackage(page, 'leeg.zip');
    t.diagnostic(`first package, module load included: ${Date.now() - started} ms from click to download`);
    // The build gives it a content-hashed name: `…_bg.<hash>.wasm`.
    assert.ok(
      browser.requests.some((u) => u.includes(`${MODULE}_bg.`) && u.endsWith('.wasm')),
      'module loaded on click',
    );
    // The PDF's font is not in the module: its two files come with it, by their hashed names.
    for (const face of ['DejaVuSans.', 'DejaVuSans-Bold.']) {
      assert.ok(
        browser.requests.some((u) => u.includes(`pkg-package/fonts/${face}`) && u.endsWith('.ttf')),
        `font ${face}ttf loaded with the module`,
      );
    }
    await page.getByText('is gedownload, maar de aanvraag is nog niet compleet').waitFor();

    const { status, report, stderr } = verify(file);
    assert.equal(status, 1, `incomplete request: exit 1 (${stderr})`);
    assert.equal(report.intact, true, JSON.stringify(report.tampering));
    assert.equal(report.verdict.valid, false);
    const inPage = await page.evaluate(
      (text) => window.aanvraagwijzer.validateDocument(text),
      extract(file, 'aanvraag.json').toString('utf8'),
    );
    assert.deepEqual(verdict(report.verdict.findings), verdict(inPage));
    assert.deepEqual(verdict(report.manifest.verdict.findings), verdict(inPage));

    const text = pdfText(extract(file, 'samenvatting.pdf'));
    const pages = text.split('\f').filter((p) => p.trim());
    assert.ok(pages.every((p) => p.includes('CONCEPT')), 'CONCEPT on every page');
  });

  it('fills the form, adds an attachment, and the package verifies as complete', async () => {
    const doc = fs.readFileSync(fixture('rsv-breda-vo/tlv-vso/valid-daan-bakker.json'));
    await gotoOverview(page, site.origin, FORM);
    await page.getByLabel('Open een bewaard bestand').setInputFiles({ name: 'daan.json', mimeType: 'application/json', buffer: doc });
    await page.getByText('Het bestand is geopend').waitFor();
    // The opened answers name a file the page does not have: choose it at
    // its own field (the package box has no file pickers).
    await gotoFieldSection(page, site.origin, FORM, 'groeidocument');
    await page.locator('#veld-groeidocument-bestandsnaam').setInputFiles({
      name: 'Groeidocument Daan é.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 groeidocument van Daan'),
    });
    await page.getByText('Gekozen bestand: Groeidocument Daan é.pdf (31 bytes)').waitFor();
    await gotoCheck(page, site.origin, FORM);
    assert.match(await page.locator('#controle-resultaat h2').innerText(), /^Geen (problemen gevonden|fouten)/);
    assert.equal(await page.getByText('Bestand voor:').count(), 0, 'no attachment pickers in the package box');

    firstZip = await downloadPackage(page, 'compleet.zip', 'DWB');
    await page.getByText(/is gedownload\. Dien de aanvraag in bij de Commissie Ondersteuningstoewijzing/).waitFor();
    const { status, report, stderr } = verify(firstZip);
    assert.equal(status, 0, `complete and intact: exit 0 (${stderr})`);
    assert.equal(report.intact, true);
    assert.equal(report.verdict.valid, true);
    assert.deepEqual(
      report.manifest.files.map((f) => f.path),
      ['aanvraag.json', 'samenvatting.pdf', 'bijlagen/Groeidocument Daan é.pdf'],
    );
    assert.equal(extract(firstZip, 'bijlagen/Groeidocument Daan é.pdf').toString(), '%PDF-1.4 groeidocument van Daan');

    const pdf = extract(firstZip, 'samenvatting.pdf');
    const text = pdfText(pdf);
    assert.ok(!text.includes('CONCEPT'), 'no CONCEPT when complete');
    // The CLI makes the very same PDF from the package's answers and time.
    const json = path.join(work, 'aanvraag.json');
    fs.writeFileSync(json, extract(firstZip, 'aanvraag.json'));
    const native = path.join(work, 'native.pdf');
    const render = spawnSync(
      'cargo',
      ['run', '-q', '-p', 'aanvraagwijzer-cli', '--', 'render', json, '-o', native, '--created', report.manifest.created],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    assert.equal(render.status, 0, render.stderr);
    assert.ok(fs.readFileSync(native).equals(pdf), 'browser and CLI make the same PDF, byte for byte');
    for (const want of ['Burgerservicenummer', 'Ondersteuningscoördinator', 'Handtekening:', 'pagina 1 van']) {
      assert.ok(text.includes(want), `PDF shows ${want}`);
    }
  });

  it('a changed byte in the downloaded package is reported as tampering', () => {
    const bytes = fs.readFileSync(firstZip);
    const at = bytes.indexOf('Bakker');
    assert.ok(at > 0);
    bytes[at] = 'P'.charCodeAt(0);
    const file = path.join(work, 'gewijzigd.zip');
    fs.writeFileSync(file, bytes);
    const { status, report } = verify(file);
    assert.equal(status, 1);
    assert.equal(report.intact, false);
    assert.ok(report.tampering.some((t) => t.kind === 'file-changed' && t.path === 'aanvraag.json'));
  });

  it('opening the package restores the form exactly', async () => {
    // Start from an empty form: without the tab's kept answers a reload is a
    // fresh start (the tab keeps answers across reloads, see drafts.test.mjs).
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await page.locator('#controle-resultaat').waitFor();
    assert.equal(await shownAnswer(page, 'achternaam'), 'Niet ingevuld');

    await page.getByLabel('Open pakket (ZIP)').setInputFiles(firstZip);
    await page.getByText('Het pakket is geopend, met 1 bestand bij de vragen').waitFor();
    assert.equal(await shownAnswer(page, 'achternaam'), 'Bakker');
    assert.equal(await shownAnswer(page, 'bsn'), '111222333');
    assert.equal(await page.getByText('Kies het bestand opnieuw').count(), 0);
    // The file is back at its field, not only its name.
    await gotoFieldSection(page, site.origin, FORM, 'groeidocument');
    await page.getByText('Gekozen bestand: Groeidocument Daan é.pdf (31 bytes)').waitFor();
    await gotoCheck(page, site.origin, FORM);

    const again = await downloadPackage(page, 'opnieuw.zip', 'DWB');
    assert.deepEqual(extract(again, 'aanvraag.json'), extract(firstZip, 'aanvraag.json'), 'same answers, byte for byte');
    assert.deepEqual(
      extract(again, 'bijlagen/Groeidocument Daan é.pdf'),
      extract(firstZip, 'bijlagen/Groeidocument Daan é.pdf'),
    );
    assert.equal(verify(again).status, 0);
  });

  it('a file that is not a package gets a Dutch message and changes nothing', async () => {
    await page.getByLabel('Open pakket (ZIP)').setInputFiles({
      name: 'kapot.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from('dit is geen zip'),
    });
    const alert = page.locator('#pakket-melding [role=alert]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /geen ZIP-bestand/);
    assert.equal(await shownAnswer(page, 'achternaam'), 'Bakker');
  });

  it("a package of another form is refused by that form's id, on a page that keeps its answers", async () => {
    // The module knows only the form this page loaded (the published file).
    await gotoCheck(page, site.origin, 'rsv-breda-po/opp');
    await page
      .locator('.aw-form-pages[data-form="rsv-breda-po/opp"]')
      .getByLabel('Open pakket (ZIP)')
      .setInputFiles(firstZip);
    const alert = page.locator('.aw-form-pages[data-form="rsv-breda-po/opp"] #pakket-melding [role=alert]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /hoort bij een ander formulier \(rsv-breda-vo\/tlv-vso\)\. Open het op de pagina van dat formulier/);
  });

  it('renders the PDF of the largest form in the browser, and nothing left 127.0.0.1', async (t) => {
    // The largest form by definition size, with its largest fixture.
    const formsDir = path.join(repoRoot, 'forms');
    let largest = null;
    // Directories only: forms/README.md sits beside the SWV folders.
    const swvs = fs.readdirSync(formsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    for (const swv of swvs) {
      for (const f of fs.readdirSync(path.join(formsDir, swv))) {
        if (!f.endsWith('.toml')) continue;
        const size = fs.statSync(path.join(formsDir, swv, f)).size;
        if (!largest || size > largest.size) largest = { id: `${swv}/${f.replace(/\.toml$/, '')}`, size };
      }
    }
    const dir = fixture(largest.id);
    const doc = fs
      .readdirSync(dir)
      .map((f) => path.join(dir, f))
      .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
    const text = fs.readFileSync(doc, 'utf8');
    // The module's JS under its content-hashed name, as the build wrote it.
    const moduleDir = path.dirname(MODULE);
    const moduleJs = fs
      .readdirSync(path.join(repoRoot, 'site', 'dist', moduleDir))
      .find((f) => f.startsWith(path.basename(MODULE) + '.') && f.endsWith('.js'));
    // The module carries no forms: it gets the published form file, as the
    // page hands it over.
    const formJson = fs.readFileSync(
      path.join(repoRoot, 'site', 'dist', 'forms', `${largest.id}.json`),
      'utf8',
    );
    // Its two font files, under their hashed names, as the page's loader fetches them.
    const fontsDir = path.join(repoRoot, 'site', 'dist', moduleDir, 'fonts');
    const fonts = ['DejaVuSans.', 'DejaVuSans-Bold.'].map(
      (face) => `${moduleDir}/fonts/${fs.readdirSync(fontsDir).find((f) => f.startsWith(face) && f.endsWith('.ttf'))}`,
    );
    const result = await page.evaluate(
      async ({ text, module, formJson, fonts }) => {
        const m = await import(new URL(module, document.baseURI).href);
        await m.default();
        const [regular, bold] = await Promise.all(
          fonts.map(async (f) => new Uint8Array(await (await fetch(new URL(f, document.baseURI))).arrayBuffer())),
        );
        m.use_fonts(regular, bold);
        const runs = [];
        let pdf;
        for (let i = 0; i < 5; i++) {
          const t0 = performance.now();
          pdf = m.render_pdf(text, formJson);
          runs.push(performance.now() - t0);
        }
        return { runs, bytes: pdf.length };
      },
      { text, module: `${moduleDir}/${moduleJs}`, formJson, fonts },
    );
    const median = [...result.runs].sort((a, b) => a - b)[2];
    t.diagnostic(
      `PDF of ${largest.id} (${path.basename(doc)}) in the browser: median ${median.toFixed(1)} ms of 5, ${result.bytes} bytes`,
    );
    assert.ok(median < 1000, `PDF took ${median} ms`);
    assert.deepEqual(browser.offsite(site.origin), []);
    assert.deepEqual(browser.errors, []);
  });
});
