// Issue 12, points 1, 8, 9 and 11: no click lost to a message that moves the
// page, a live error summary, reflow at 320 px, and focus after removing an
// item from a list.
//
// AW_DIST=/path/to/site/dist runs the same checks against another build (to
// measure the layout shift of an older version).

import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openStart, openForm, gotoSection, gotoCheck, sectionsOf, repoRoot, useSiteAndBrowser } from './support/harness.mjs';

const shotDir = path.join(repoRoot, 'target', 'e2e-screenshots');

/** Starts recording every layout shift, also those right after input. */
async function recordShifts(page) {
  await page.evaluate(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__shifts.push({ value: e.value, hadRecentInput: e.hadRecentInput });
      }
    }).observe({ type: 'layout-shift', buffered: false });
  });
}

describe('no lost clicks, live summary, reflow, focus after removal', () => {
  let site;
  let browser;
  let page;

  useSiteAndBrowser((started) => ({ site, browser, page } = started), { root: process.env.AW_DIST || undefined });

  before(async () => {
    fs.mkdirSync(shotDir, { recursive: true });
  });

  it('leaving a field by pressing the next radio button checks that radio', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openForm(page, site.origin, 'berseba/tlv-sbo-so');
    await gotoSection(page, site.origin, 'berseba/tlv-sbo-so', 'aanvraag');
    await page.getByLabel('2b. Plaatsing in een observatiecentrum', { exact: false }).check();
    await recordShifts(page);
    // A wrong date: leaving the box shows an error message above the radios.
    await page.locator('#veld-observatie_einde').fill('31-02-2025');
    const radio = page.locator('#veld-ouders_samenspraak-optie-0');
    await radio.scrollIntoViewIfNeeded();
    const box = await radio.boundingBox();
    const top = () => radio.evaluate((el) => el.getBoundingClientRect().top);
    const before = await top();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    // Give the page every chance to re-render while the button is held.
    await page.waitForTimeout(150);
    const held = await top();
    await page.mouse.up();
    await page.waitForTimeout(150);
    const shifts = await page.evaluate(() => window.__shifts);
    const moved = held - before;
    const total = shifts.reduce((s, e) => s + e.value, 0);
    // CLS as browsers count it leaves out shifts within 500 ms of input (the
    // message that shows once the click is done).
    const cls = shifts.filter((e) => !e.hadRecentInput).reduce((s, e) => s + e.value, 0);
    console.log(
      `# radio moved ${moved}px between mousedown and mouseup; layout shift during the fill-in: ${total.toFixed(4)} (${shifts.length} entries), CLS without recent-input shifts: ${cls.toFixed(4)}`,
    );
    assert.equal(moved, 0, 'the radio moved while the mouse button was down');
    assert.ok(await radio.isChecked(), 'the click on "Ja" was lost');
    // The message does show, once the click is done.
    await page.locator('#veld-observatie_einde-fout').waitFor();
    assert.match(await page.locator('#veld-observatie_einde-fout').innerText(), /bestaat niet/);
  });

  it('the error summary follows fixes, errors and warnings apart, list items named', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const OPP = 'rsv-breda-po/opp';
    await openForm(page, site.origin, OPP);
    await gotoSection(page, site.origin, OPP, 'doelen_sectie');
    await page.getByRole('button', { name: 'Voeg een doel toe' }).click();
    await page.getByRole('button', { name: 'Voeg een doel toe' }).click();
    // The check page lists every finding, linking to the questions' pages.
    await gotoCheck(page, site.origin, OPP);
    const summary = page.locator('#controle-resultaat');
    const errors = summary.locator('.aw-result__list--errors');
    assert.ok(await errors.locator('a[href$="?veld=veld-achternaam"]').count(), 'achternaam listed');
    // Errors inside the second goal name the goal.
    const doel2 = await errors.locator('a[href*="?veld=veld-doelen-1-"]').allInnerTexts();
    assert.ok(doel2.length > 0, 'an error in goal 2 is listed');
    for (const t of doel2) assert.match(t, /^Fout: Doel 2: /);
    // Warnings are not in the red list.
    const errorTexts = await errors.locator('li').allInnerTexts();
    assert.ok(errorTexts.every((t) => t.startsWith('Fout:')), errorTexts.join('\n'));

    // On the section page the summary lists that section's findings; a link
    // brings the label into view, not only the input.
    await gotoSection(page, site.origin, OPP, 'leerling');
    const own = summary.locator('.aw-result__list--errors');
    await own.locator('a[href="#veld-achternaam"]').waitFor();
    assert.equal(await own.locator('a[href^="#veld-doelen"]').count(), 0, 'only this section');
    await page.evaluate(() => window.scrollTo(0, 0));
    await own.locator('a[href="#veld-achternaam"]').click();
    await page.waitForFunction(() => document.activeElement?.id === 'veld-achternaam');
    const labelTop = await page.locator('label[for="veld-achternaam"]').evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(labelTop >= 0 && labelTop < 200, `label top at ${labelTop}px`);

    // Fixing the field takes it off the list without checking again.
    await page.locator('#veld-achternaam').fill('Jansen');
    await page.locator('#veld-achternaam').blur();
    await page.waitForFunction(() => !document.querySelector('#controle-resultaat a[href="#veld-achternaam"]'));
    await summary.screenshot({ path: path.join(shotDir, 'live-summary.png') });
  });

  it('removing a goal moves focus to the goal before it, or to the add button', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openForm(page, site.origin, 'rsv-breda-po/opp');
    await gotoSection(page, site.origin, 'rsv-breda-po/opp', 'doelen_sectie');
    const add = page.getByRole('button', { name: 'Voeg een doel toe' });
    await add.click();
    await add.click();
    // The form may keep goals from an earlier test: count them.
    let n = await page.locator('#veld-doelen .aw-list__item').count();
    assert.ok(n >= 2);
    // The last goal: focus to the one before it.
    await page.getByRole('button', { name: `Verwijder doel ${n}`, exact: true }).click();
    await page.waitForFunction(
      (id) => document.activeElement?.id?.startsWith(id),
      `veld-doelen-${n - 2}-gebied`,
    );
    assert.match(await page.locator('#aw-melding').innerText(), new RegExp(`Doel ${n} is verwijderd`));
    n -= 1;
    // The first goal while others remain: focus to the one that moved up.
    while (n > 1) {
      await page.getByRole('button', { name: 'Verwijder doel 1', exact: true }).click();
      await page.waitForFunction(() => document.activeElement?.id?.startsWith('veld-doelen-0-gebied'));
      n -= 1;
    }
    // The only goal: focus to the add button.
    await page.getByRole('button', { name: 'Verwijder doel 1', exact: true }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'veld-doelen-toevoegen');
    assert.match(await page.locator('#aw-melding').innerText(), /Doel 1 is verwijderd/);
  });

  it('at 320 px the start page and every form fit the window (WCAG 1.4.10)', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await openStart(page, site.origin);
    const links = await page.locator('.aw-form-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const overflow = () =>
      page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll('body *')]
          .filter((el) => {
            if (el.closest('.aw-visually-hidden')) return false;
            const r = el.getBoundingClientRect();
            return r.width > 0 && (r.right > width + 0.5 || r.left < -0.5);
          })
          .map((el) => `${el.tagName.toLowerCase()}#${el.id}.${el.className}`)
          .slice(0, 5);
        return { scroll: document.documentElement.scrollWidth, wide };
      });
    const start = await overflow();
    assert.ok(start.scroll <= 320, `start page ${start.scroll}px wide: ${start.wide}`);
    assert.deepEqual(start.wide, []);
    for (const href of links) {
      const id = href.replace(/^#\//, '');
      await openForm(page, site.origin, id);
      const largest = sectionsOf(id).sort((a, b) => b.fields.length - a.fields.length)[0].id;
      const pages = [
        ['task list', () => Promise.resolve()],
        [largest, () => gotoSection(page, site.origin, id, largest)],
        ['check page', () => gotoCheck(page, site.origin, id)],
      ];
      for (const [name, go] of pages) {
        await go();
        const o = await overflow();
        assert.ok(o.scroll <= 320, `${id} ${name}: ${o.scroll}px wide: ${o.wide}`);
        assert.deepEqual(o.wide, [], `${id} ${name}`);
      }
      if (id === 'rsv-breda-po/opp') await page.screenshot({ path: path.join(shotDir, 'opp-320px.png') });
    }
  });
});
