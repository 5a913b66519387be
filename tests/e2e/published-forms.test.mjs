// Forms as published data (issue 14 §1): the start page lists the forms of
// forms/index.json, a form page fetches only its own forms/<swv>/<form>.json,
// and a form file that fails check_form (or is no JSON, or is missing) gives
// a Dutch page naming the file and each problem, never a half-working form.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSite, openStart, openForm, distDir, useSiteAndBrowser } from './support/harness.mjs';

const index = JSON.parse(fs.readFileSync(path.join(distDir, 'forms', 'index.json'), 'utf8'));
const formFile = /\/forms\/[a-z0-9-]+\/[a-z0-9-]+\.json$/;

describe('published forms', () => {
  let site;
  let browser;
  let page;

  useSiteAndBrowser((started) => ({ site, browser, page } = started));

  it('lists the forms of forms/index.json on the start page, without loading any form', async () => {
    browser.requests.length = 0;
    await openStart(page, site.origin);
    const links = await page.locator('.aw-form-list a').allInnerTexts();
    assert.deepEqual(
      [...links].sort(),
      index.forms.map((f) => f.title).sort(),
      'every form of the index, and only those',
    );
    assert.ok(browser.requests.includes(`${site.origin}/forms/index.json`), browser.requests.join('\n'));
    assert.deepEqual(browser.requests.filter((u) => formFile.test(u)), [], 'no form file on the start page');
  });

  it('fetches only the opened form’s file', async () => {
    const id = 'rsv-breda-vo/tlv-vso';
    browser.requests.length = 0;
    await openForm(page, site.origin, id);
    assert.deepEqual(
      browser.requests.filter((u) => formFile.test(u)),
      [`${site.origin}/forms/${id}.json`],
    );
    // Once per tab: moving to the start page and back loads nothing again.
    browser.requests.length = 0;
    await page.evaluate(() => { window.location.hash = '#/'; });
    await page.locator('.aw-form-list a').first().waitFor();
    await page.evaluate((h) => { window.location.hash = h; }, `#/${id}`);
    await page.locator(`.aw-form-pages[data-form="${id}"] .aw-task-list`).waitFor();
    assert.deepEqual(browser.requests.filter((u) => formFile.test(u)), []);
  });

  describe('a broken form file', () => {
    let broken;
    let work;
    // Three forms of the index, each broken another way.
    const [ruleForm, jsonForm, goneForm] = index.forms.map((f) => f.id);

    before(async () => {
      work = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-gepubliceerd-'));
      fs.cpSync(distDir, work, { recursive: true });
      const file = (id) => path.join(work, 'forms', `${id}.json`);
      const drop = (id) => {
        for (const ext of ['.br', '.gz']) fs.rmSync(file(id) + ext, { force: true });
      };
      // A rule on a field the form does not have: only check_form sees it.
      const form = JSON.parse(fs.readFileSync(file(ruleForm), 'utf8'));
      form.rules[0].field = 'bestaat_niet';
      fs.writeFileSync(file(ruleForm), JSON.stringify(form));
      drop(ruleForm);
      // Not JSON at all (a half-uploaded file).
      fs.writeFileSync(file(jsonForm), '{"id": "' + jsonForm + '", "title": ');
      drop(jsonForm);
      // Listed in the index, but not on the host.
      fs.rmSync(file(goneForm));
      drop(goneForm);
      broken = await startSite(work);
    });

    after(async () => {
      await broken?.close();
      if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    const brokenPage = async (id) => {
      await page.goto(`${broken.origin}/#/${id}`);
      await page.getByRole('heading', { level: 1, name: 'Dit formulier kan niet worden geopend' }).waitFor();
      assert.equal(await page.locator('.aw-form-pages').count(), 0, 'no part of the form is shown');
      const text = await page.locator('main').innerText();
      assert.ok(text.includes(`forms/${id}.json`), `names the file: ${text}`);
      assert.match(text, /Meld dit aan het samenwerkingsverband/);
      assert.match(text, /uw antwoorden in dit tabblad blijven bewaard/);
      return page.locator('.aw-broken-form__problems li').allInnerTexts();
    };

    it('names the file and the rule’s unknown field', async () => {
      const problems = await brokenPage(ruleForm);
      assert.ok(
        problems.some((p) => p.includes('bestaat_niet') && /bestaat niet/.test(p)),
        problems.join('\n'),
      );
    });

    it('names the file that is no valid JSON', async () => {
      const problems = await brokenPage(jsonForm);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0], /geen geldig formulierbestand \(JSON\)/);
    });

    it('names a file that is missing from the host', async () => {
      const problems = await brokenPage(goneForm);
      assert.match(problems.join('\n'), /staat niet op de website \(HTTP 404\)/);
    });

    it('still opens the forms that are sound', async () => {
      const sound = index.forms.map((f) => f.id).find((id) => ![ruleForm, jsonForm, goneForm].includes(id));
      await openForm(page, broken.origin, sound);
    });
  });
});
