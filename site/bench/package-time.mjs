// Browser benchmark: how long making a package takes (issue 11).
//
//   node site/bench/package-time.mjs [--runs 5]
//
// Needs a built site (`./x.sh build`). Opens the RSV Breda VO TLV with the
// fixture whose PDF is the largest (invalid-typos-and-gaps: 5 pages) plus a
// 1 MB attachment at its field, goes to "Controleer uw antwoorden" and times
// the click on "Download aanvraag (pakket)" until the browser has the file.
// The first run includes loading the package module (import() of its wasm);
// later runs reuse it. Prints the times; asserts nothing.

import fs from 'node:fs';
import path from 'node:path';
import { startSite, openBrowser, openForm, gotoCheck, gotoFieldSection, repoRoot } from '../../tests/e2e/support/harness.mjs';

const FORM = 'rsv-breda-vo/tlv-vso';
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;

const site = await startSite();
const browser = await openBrowser();
const page = browser.page;
try {
  await openForm(page, site.origin, FORM);
  const doc = fs.readFileSync(path.join(repoRoot, 'tests/fixtures/rsv-breda-vo/tlv-vso/invalid-typos-and-gaps.json'));
  await page.getByLabel('Open een bewaard bestand').setInputFiles({ name: 'noah.json', mimeType: 'application/json', buffer: doc });
  await page.getByText('Het bestand is geopend').waitFor();
  await gotoFieldSection(page, site.origin, FORM, 'groeidocument');
  await page.locator('#veld-groeidocument-bestandsnaam').setInputFiles({
    name: 'Groeidocument.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(1024 * 1024, 0x41),
  });
  await gotoCheck(page, site.origin, FORM);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download aanvraag (pakket)' }).click(),
    ]);
    await download.path();
    times.push(Date.now() - t0);
    await page.waitForTimeout(300);
  }
  console.log(`make the package (ms), first run loads the module: ${times.join(', ')}`);
} finally {
  await browser.close();
  await site.close();
}
