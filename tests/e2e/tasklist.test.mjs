// Issue 12 §2, a long form step by step (GOV.UK task list): the RSV Breda PO
// OPP as a task list with a status per section, one page per section with
// "Opslaan en verder", "Controleer uw antwoorden" with "Wijzig" links, and a
// choice that adds a question says so where it is made. Screenshots of the
// three kinds of page go to target/screenshots/.

import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openForm, gotoSection, sectionsOf, repoRoot, useSiteAndBrowser } from './support/harness.mjs';

const FORM = 'rsv-breda-po/opp';
const AXE = fs.readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const shotDir = path.join(repoRoot, 'target', 'screenshots');

async function violations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    TAGS,
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** Section title -> status tag text, as the task list shows them. */
async function statuses(page) {
  const rows = page.locator('.aw-task-list__item');
  const out = {};
  for (const row of await rows.all()) {
    out[await row.locator('a').innerText()] = await row.locator('.aw-tag').innerText();
  }
  return out;
}

/** Waits until the element with `id` has keyboard focus. */
async function focused(page, id) {
  await page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 5000 });
}

describe('OPP step by step: task list, section pages, check page', () => {
  let site;
  let browser;
  let page;

  useSiteAndBrowser((started) => ({ site, browser, page } = started));

  before(async () => {
    await page.setViewportSize({ width: 1024, height: 800 });
    fs.mkdirSync(shotDir, { recursive: true });
  });

  it('the task list shows every section "Niet begonnen" and how far the request is', async () => {
    await openForm(page, site.origin, FORM);
    const list = await statuses(page);
    assert.equal(Object.keys(list).length, 7, JSON.stringify(list));
    assert.ok(Object.values(list).every((s) => s === 'Niet begonnen'), JSON.stringify(list));
    assert.equal(await page.locator('.aw-progress').innerText(), 'U heeft 0 van 7 onderdelen afgerond.');
    assert.equal(await page.title(), 'Ontwikkelingsperspectiefplan (OPP) voor zware ondersteuning – Aanvraagwijzer');
    // The boxes to continue later stay on this page.
    await page.getByLabel('Open een bewaard bestand').waitFor({ state: 'attached' });
    await page.getByRole('heading', { name: 'Concept bewaren in deze browser' }).or(page.getByLabel('Kies een wachtwoord')).first().waitFor();
    assert.match(await page.locator('.aw-autosave').innerText(), /tabblad/);
    assert.deepEqual(await violations(page), [], 'task list');
    await page.screenshot({ path: path.join(shotDir, 'opp-tasklist.png'), fullPage: true });
  });

  it('a choice that adds a question says so beside it, without moving what follows', async () => {
    await page.getByRole('link', { name: 'Leerling', exact: true }).click();
    await focused(page, 'pagina-titel');
    assert.equal(await page.locator('h1').innerText(), 'Leerling');
    assert.equal(await page.title(), 'Leerling – OPP voor zware ondersteuning – Aanvraagwijzer');
    const note = page.locator('#veld-groep-erbij');
    assert.equal(await note.getAttribute('aria-live'), 'polite');
    assert.equal((await note.innerText()).trim(), '');
    const next = page.locator('#veld-school_naam');
    const top = () => next.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    const before = await top();
    await page.getByRole('radio', { name: 'Groep 6' }).check();
    await page.waitForFunction(() => document.querySelector('#veld-groep-erbij')?.textContent.includes('komt er een vraag bij'));
    assert.equal(
      await note.innerText(),
      "Door dit antwoord komt er een vraag bij in 'Doelen en uitstroomperspectief'.",
    );
    assert.equal(await top(), before, 'the next question moved');
    // Back to a group without that question: the note goes, nothing moves.
    await page.getByRole('radio', { name: 'Groep 5' }).check();
    await page.waitForFunction(() => document.querySelector('#veld-groep-erbij')?.textContent.trim() === '');
    assert.equal(await top(), before);
    await page.getByRole('radio', { name: 'Groep 6' }).check();
  });

  it('"Opslaan en verder" goes to the next section with focus on its heading', async () => {
    const answers = {
      'Achternaam, voorvoegsels': 'Vries, de',
      'Voornamen (voluit)': 'Lotte Anna',
      Geboortedatum: '12-03-2015',
      Burgerservicenummer: '111222333',
      'Naam school': 'Basisschool De Klimop',
      'Brinnummer vestiging': '12AB00',
    };
    for (const [label, value] of Object.entries(answers)) {
      await page.getByLabel(label, { exact: true }).fill(value);
    }
    await page.getByLabel('Brinnummer vestiging').blur();
    assert.deepEqual(await violations(page), [], 'section page');
    await page.screenshot({ path: path.join(shotDir, 'opp-section.png'), fullPage: true });
    await page.getByRole('button', { name: 'Opslaan en verder' }).click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Beeld van de leerling');
    await focused(page, 'pagina-titel');
    assert.match(page.url(), /#\/rsv-breda-po\/opp\/beeld$/);
  });

  it('back on the task list: Klaar, Bezig and Bevat fouten as the answers are', async () => {
    // Beeld: one answer, not saved yet.
    await page.getByLabel('Beschermende factoren').fill('Lotte is behulpzaam en werkt graag samen met klasgenoten in een klein groepje.');
    // Doelen: saved empty, so its open questions are errors now.
    await gotoSection(page, site.origin, FORM, 'doelen_sectie');
    await page.getByRole('button', { name: 'Opslaan en verder' }).click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Handelingsdeel');
    await page.getByRole('link', { name: 'Terug naar het overzicht' }).click();
    await page.locator('.aw-task-list').waitFor();
    await focused(page, 'pagina-titel');
    const list = await statuses(page);
    assert.equal(list.Leerling, 'Klaar', JSON.stringify(list));
    assert.equal(list['Beeld van de leerling'], 'Bezig');
    assert.equal(list['Doelen en uitstroomperspectief'], 'Bevat fouten');
    assert.equal(list.Handelingsdeel, 'Niet begonnen');
    assert.equal(await page.locator('.aw-progress').innerText(), 'U heeft 1 van 7 onderdelen afgerond.');
    // The status is text tied to the link, not colour alone.
    const doelen = page.getByRole('link', { name: 'Doelen en uitstroomperspectief' });
    assert.equal(await page.locator(`#${await doelen.getAttribute('aria-describedby')}`).innerText(), 'Bevat fouten');

    // The section's own error summary shows when the user comes back to it.
    await doelen.click();
    const summary = page.locator('#controle-resultaat');
    await summary.waitFor();
    const links = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.length > 0);
    const own = sectionsOf(FORM).find((s) => s.id === 'doelen_sectie').fields;
    const fieldOf = (href) => own.find((id) => href === `#veld-${id}` || href.startsWith(`#veld-${id}-`));
    assert.ok(links.every(fieldOf), `only this section's questions: ${links.join(' ')}`);
  });

  it('a reload on a section page keeps the answers; back and forward work', async () => {
    await gotoSection(page, site.origin, FORM, 'leerling');
    await page.reload();
    await page.locator('form.aw-form[data-section="leerling"]').waitFor();
    assert.equal(await page.getByLabel('Achternaam, voorvoegsels').inputValue(), 'Vries, de');
    assert.ok(await page.getByRole('radio', { name: 'Groep 6' }).isChecked());
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Doelen en uitstroomperspectief');
    await page.goForward();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Leerling');
    assert.equal(await page.getByLabel('Burgerservicenummer').inputValue(), '111222333');
  });

  it('"Controleer uw antwoorden" lists answers and findings; "Wijzig" lands on the question', async () => {
    await page.getByRole('link', { name: 'Terug naar het overzicht' }).click();
    await page.getByRole('link', { name: 'Controleer uw antwoorden en download de aanvraag' }).click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Controleer uw antwoorden');
    assert.equal(await page.title(), 'Controleer uw antwoorden – OPP voor zware ondersteuning – Aanvraagwijzer');
    const row = (id) => page.locator(`.aw-summary-list__row[data-field="${id}"]`);
    assert.equal(await row('achternaam').locator('.aw-summary-list__value').innerText(), 'Vries, de');
    assert.equal(await row('groep').locator('.aw-summary-list__value').innerText(), 'Groep 6');
    assert.equal(await row('voorgeschiedenis').locator('.aw-summary-list__value').innerText(), 'Niet ingevuld');
    // Groep 6: the added question is listed in its section.
    assert.equal(await row('uitstroomperspectief').count(), 1);
    // Errors and warnings in two lists, with links to the questions' pages.
    const summary = page.locator('#controle-resultaat');
    assert.ok((await summary.locator('.aw-result__list--errors a').count()) > 0);
    assert.ok((await summary.locator('.aw-result__list--warnings a').count()) > 0);
    assert.ok(
      (await summary.locator('.aw-result__list--errors li').allInnerTexts()).every((t) => t.startsWith('Fout:')),
    );
    // The package comes last, after the answers.
    const last = await page.locator('.aw-form-pages section').last().innerText();
    assert.match(last, /Download aanvraag \(pakket\)/);
    assert.deepEqual(await violations(page), [], 'check page');
    await page.screenshot({ path: path.join(shotDir, 'opp-check.png'), fullPage: true });

    // "Wijzig" names its question for screen readers and lands on it.
    await page.getByRole('link', { name: 'Wijzig Achternaam, voorvoegsels' }).click();
    await focused(page, 'veld-achternaam');
    assert.equal(await page.locator('h1').innerText(), 'Leerling');
    // A finding's link on the check page does the same for an empty question.
    await page.goBack();
    await page.locator('#controle-resultaat a[href$="?veld=veld-voorgeschiedenis"]').first().click();
    await focused(page, 'veld-voorgeschiedenis');
    assert.equal(await page.locator('h1').innerText(), 'Beeld van de leerling');
  });

  it('made no request outside 127.0.0.1 and logged no errors', () => {
    assert.deepEqual(browser.offsite(site.origin), []);
    assert.deepEqual(browser.errors, []);
  });
});
