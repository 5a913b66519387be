// Attachments where the form asks for them (issue 12 §3): the intern chooses
// the file at the field, sees its name and size, never types a name (so the
// form and the package cannot disagree), and the package holds exactly that
// file while the PDF lists it. After a reload the file is gone and the field
// says so; the package is refused until it is chosen again.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openForm, gotoCheck, gotoFieldSection, repoRoot, useSiteAndBrowser } from './support/harness.mjs';

const FORM = 'rsv-breda-vo/tlv-vso';
const FIELD = '#veld-groeidocument-bestandsnaam';
const FILE_NAME = 'Groeidocument Daan Bakker november 2026.pdf';
const FILE_BYTES = Buffer.from('%PDF-1.4 het groeidocument van Daan, ondertekend door ouders en school');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-bijlagen-'));
const AXE = fs.readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 AA violations on the page, as short lines. */
async function violations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** Every entry of a store-only ZIP: name → bytes, read from the central directory. */
function entries(zip) {
  const bytes = fs.readFileSync(zip);
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'end of central directory');
  const count = bytes.readUInt16LE(end + 10);
  let pos = bytes.readUInt32LE(end + 16);
  const out = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(bytes.readUInt32LE(pos), 0x02014b50, 'central directory entry');
    const size = bytes.readUInt32LE(pos + 24);
    const nameLen = bytes.readUInt16LE(pos + 28);
    const skip = nameLen + bytes.readUInt16LE(pos + 30) + bytes.readUInt16LE(pos + 32);
    const local = bytes.readUInt32LE(pos + 42);
    const name = bytes.subarray(pos + 46, pos + 46 + nameLen).toString('utf8');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    out.set(name, bytes.subarray(start, start + size));
    pos += 46 + skip;
  }
  return out;
}

/** The PDF's text with runs of whitespace as one space (pdftotext breaks lines). */
function pdfText(pdf) {
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
  assert.equal(out.status, 0, 'pdftotext reads the PDF');
  return out.stdout.replace(/\s+/g, ' ');
}

describe('attachments chosen at their field', () => {
  let site;
  let browser;
  let page;

  useSiteAndBrowser((started) => ({ site, browser, page } = started));

  before(async () => {
    await openForm(page, site.origin, FORM);
    // Daan's answers; the form then asks for the groeidocument itself.
    const doc = fs.readFileSync(path.join(repoRoot, 'tests/fixtures/rsv-breda-vo/tlv-vso/valid-daan-bakker.json'));
    await page.getByLabel('Open een bewaard bestand').setInputFiles({ name: 'daan.json', mimeType: 'application/json', buffer: doc });
    await page.getByText('Het bestand is geopend').waitFor();
    await gotoFieldSection(page, site.origin, FORM, 'groeidocument');
  });

  after(async () => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('has no box to type a file name: the file is chosen at the field', async () => {
    const field = page.locator('fieldset#veld-groeidocument');
    await field.waitFor();
    assert.equal(await field.locator('input[type=text]').count(), 1, 'only the optional description is typed');
    assert.equal(await page.getByLabel('Naam van het bestand').count(), 0);
    assert.equal(await page.locator('#veld-groeidocument-bestandsnaam').getAttribute('type'), 'file');
    assert.equal(await page.getByText('Bestand voor:').count(), 0, 'no pickers in the package box');
  });

  it('shows the chosen file with its size, "Verwijder" and "Kies een ander bestand"', async () => {
    await page.locator(FIELD).setInputFiles({ name: 'verkeerd.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF oud') });
    const field = page.locator('fieldset#veld-groeidocument');
    await field.getByText('Gekozen bestand: verkeerd.pdf (8 bytes)').waitFor();
    await field.getByRole('button', { name: 'Verwijder verkeerd.pdf' }).click();
    assert.equal(await field.getByText('Gekozen bestand:').count(), 0);
    await field.getByText('Kies het bestand', { exact: true }).waitFor();
    // Focus goes to the file input that replaced the button.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'veld-groeidocument-bestandsnaam');

    await page.locator(FIELD).setInputFiles({ name: FILE_NAME, mimeType: 'application/pdf', buffer: FILE_BYTES });
    await field.getByText(`Gekozen bestand: ${FILE_NAME} (${FILE_BYTES.length} bytes)`).waitFor();
    await field.getByText('Kies een ander bestand', { exact: true }).waitFor();
    assert.deepEqual(await violations(page), [], 'axe-core clean with a chosen file');
    // The answer is the file's own name and size: nothing typed. The tab
    // writes its copy in a task after the frame (site/src/tab.rs).
    await page.waitForFunction(
      (name) => Object.keys(sessionStorage).some((k) => sessionStorage.getItem(k).includes(name)),
      FILE_NAME,
      { timeout: 5000 },
    );
    const stored = await page.evaluate(() =>
      [sessionStorage, localStorage].flatMap((s) => Object.keys(s).map((k) => s.getItem(k))).join('\n'),
    );
    assert.ok(stored.includes(FILE_NAME), 'the tab keeps the chosen name');
    assert.ok(!stored.includes('het groeidocument van Daan'), 'the file itself is never stored');
  });

  it('the package holds exactly that file and the PDF lists it with its size', async () => {
    await gotoCheck(page, site.origin, FORM);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download aanvraag (pakket)' }).click(),
    ]);
    const zip = path.join(work, 'pakket.zip');
    await download.saveAs(zip);
    await page.getByText(/is gedownload\. /).waitFor();
    const files = entries(zip);
    const attachments = [...files.keys()].filter((n) => n.startsWith('bijlagen/'));
    assert.deepEqual(attachments, [`bijlagen/${FILE_NAME}`]);
    assert.ok(files.get(`bijlagen/${FILE_NAME}`).equals(FILE_BYTES), 'the very bytes chosen');
    const answers = JSON.parse(files.get('aanvraag.json').toString('utf8')).answers;
    assert.equal(answers.groeidocument.bestandsnaam, FILE_NAME);
    assert.equal(answers.groeidocument.grootte, FILE_BYTES.length);
    const text = pdfText(files.get('samenvatting.pdf'));
    assert.ok(text.includes(`Bestand: ${FILE_NAME} (${FILE_BYTES.length} bytes)`), text);
    assert.ok(text.includes(`Bijlagen Deze bestanden horen bij de aanvraag`), 'the PDF lists the attachments');
    assert.ok(text.includes(`${FILE_NAME}, ${FILE_BYTES.length} bytes (bij: Groeidocument)`), text);
    const verify = spawnSync('cargo', ['run', '-q', '-p', 'aanvraagwijzer-cli', '--', 'verify', '--json', zip], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    assert.equal(verify.status, 0, verify.stderr);
    assert.equal(JSON.parse(verify.stdout).intact, true);
  });

  it('after a reload the field asks for the file again, and the package waits for it', async () => {
    await page.reload();
    await gotoFieldSection(page, site.origin, FORM, 'groeidocument');
    const field = page.locator('fieldset#veld-groeidocument');
    await field.waitFor();
    // The name is kept, the file is not: said at once, at the field.
    const message = `Kies het bestand opnieuw: ${FILE_NAME} is na het herladen niet meer bewaard.`;
    await field.getByText(message).waitFor();
    await field.getByText(`Gekozen bestand: ${FILE_NAME}`).waitFor();
    await field.getByText('Kies het bestand opnieuw', { exact: true }).waitFor();
    assert.deepEqual(await violations(page), [], 'axe-core clean with a lost file');
    // It is a finding: "Controleer uw antwoorden" lists it at the top.
    await gotoCheck(page, site.origin, FORM);
    const summary = page.locator('.aw-error-summary, [role=alert]').filter({ hasText: 'Kies het bestand opnieuw' }).first();
    await summary.waitFor();
    // The package is refused, naming the field, rather than made without the file.
    await page.getByRole('button', { name: 'Download aanvraag (pakket)' }).click();
    const alert = page.locator('#pakket-melding [role=alert]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Kies het bestand opnieuw bij "Groeidocument"/);
    await gotoFieldSection(page, site.origin, FORM, 'groeidocument');

    await page.locator(FIELD).setInputFiles({ name: FILE_NAME, mimeType: 'application/pdf', buffer: FILE_BYTES });
    // The file is read asynchronously: the message goes once it is in memory.
    await field.getByText(message).waitFor({ state: 'detached' });
    await field.getByText('Kies een ander bestand', { exact: true }).waitFor();
    assert.deepEqual(browser.offsite(site.origin), []);
    assert.deepEqual(browser.errors, []);
  });
});
