// When the app's wasm stops (a Rust panic aborts: the wasm traps with a
// RuntimeError at once: -Cpanic=immediate-abort), the page says so in Dutch
// and tells the user how to keep their answers, instead of silently no longer
// responding.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openForm, useSiteAndBrowser } from './support/harness.mjs';

describe('the app stops (wasm trap)', () => {
  let site;
  let browser;

  useSiteAndBrowser((started) => ({ site, browser } = started));

  it('shows a Dutch alert above the form that says what to do', async () => {
    const { page } = browser;
    await openForm(page, site.origin, 'rsv-breda-vo/tlv-vso');
    await page.evaluate(() => {
      // What a panic inside an event handler looks like from JavaScript.
      setTimeout(() => {
        throw new WebAssembly.RuntimeError('unreachable');
      });
    });
    const alert = page.locator('#aw-gestopt[role="alert"]');
    await alert.waitFor();
    const text = await alert.textContent();
    assert.match(text, /Er ging iets mis/);
    assert.match(text, /Bewaar de antwoorden als bestand/, 'says how to keep the answers');
    assert.ok(await page.locator('.aw-form-pages').isVisible(), 'the form stays on the page');
  });
});
