// One form per SWV (RSV Breda PO, Berséba, De Meierij, De Liemers): fill one
// required field wrongly, leave it, and see the SWV's message beside it,
// with the source passage under "Waarom?" for a rule.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openForm, gotoFieldSection, useSiteAndBrowser } from './support/harness.mjs';

/**
 * form, field label, wrong answer, id of the message block, expected text,
 * and (for a rule) a phrase from the quoted source passage.
 */
const CASES = [
  {
    form: 'rsv-breda-po/opp',
    label: 'Geboortedatum',
    wrong: '30 februari 2016',
    message: 'veld-geboortedatum-fout',
    text: /bestaat niet/,
  },
  {
    form: 'berseba/tlv-sbo-so',
    label: 'Geboortedatum',
    wrong: '31-02-2019',
    message: 'veld-geboortedatum-fout',
    text: /bestaat niet/,
  },
  {
    form: 'de-meierij/tlv',
    // Optional there (seed 002 does not ask for it), but a typed one is checked.
    label: 'Burgerservicenummer (niet verplicht)',
    wrong: '111222334',
    message: 'veld-bsn-fout',
    text: /burgerservicenummer|BSN/i,
  },
  {
    form: 'de-liemers/arrangement-basisonderwijs',
    label: 'Aangevraagde uren arrangement per week',
    wrong: '4',
    message: 'veld-uren_per_week-fout',
    text: /ten hoogste 3 uur per week/,
    why: /maximaal 3 uur ondersteuning per week/,
  },
];

describe('one form per SWV', () => {
  let site;
  let browser;
  let page;

  useSiteAndBrowser((started) => ({ site, browser, page } = started));

  for (const c of CASES) {
    it(`${c.form}: a wrong "${c.label}" gets its message after leaving the field`, async () => {
      await openForm(page, site.origin, c.form);
      await gotoFieldSection(page, site.origin, c.form, c.message.replace(/^veld-|-fout$/g, ''));
      const input = page.getByLabel(c.label, { exact: true });
      const message = page.locator(`#${c.message}`);
      await input.fill(c.wrong);
      assert.equal(await message.count(), 0, 'no message while typing');
      await input.press('Tab');
      await message.waitFor();
      const text = await message.innerText();
      assert.match(text, /^Fout:/);
      assert.match(text, c.text);
      assert.equal(await input.getAttribute('aria-invalid'), 'true');
      assert.match(await input.getAttribute('aria-describedby'), new RegExp(`\\b${c.message}\\b`));
      if (c.why) {
        // "Waarom?" follows the input, so Tab from field to field reaches the
        // input first and the disclosure after it.
        const field = input.locator('xpath=ancestor::*[contains(@class, "aw-field") or contains(@class, "aw-group")][1]');
        const why = field.locator('summary', { hasText: 'Waarom?' }).first();
        const after = await input.evaluate(
          (el, summary) => Boolean(el.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING),
          await why.elementHandle(),
        );
        assert.ok(after, '"Waarom?" comes after the input');
        await why.click();
        assert.match(await field.locator('blockquote').first().innerText(), c.why);
      }
    });
  }

  it('a shown message goes while the fix is typed, and the fix survives a reload', async () => {
    // Each keystroke is judged in a task after its frame (site/src/state.rs,
    // `type_text`): the message must still follow the typing, without
    // leaving the field, and nothing typed may be lost to a reload.
    const form = 'rsv-breda-po/opp';
    await openForm(page, site.origin, form);
    await gotoFieldSection(page, site.origin, form, 'geboortedatum');
    const input = page.getByLabel('Geboortedatum', { exact: true });
    const message = page.locator('#veld-geboortedatum-fout');
    await input.fill('30-02-2016');
    await input.press('Tab');
    await message.waitFor();
    await input.focus();
    await input.press('Control+a');
    await page.keyboard.type('03-09-2016', { delay: 20 });
    await message.waitFor({ state: 'detached' });
    assert.equal(await input.getAttribute('aria-invalid'), null);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'veld-geboortedatum', 'still in the field');
    await page.reload();
    assert.equal(await page.getByLabel('Geboortedatum', { exact: true }).inputValue(), '03-09-2016');
  });

  it('made no request outside 127.0.0.1 and logged no errors', () => {
    assert.deepEqual(browser.offsite(site.origin), []);
    assert.deepEqual(browser.errors, []);
  });
});
