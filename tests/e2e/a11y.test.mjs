// WCAG 2.1 A/AA checks with axe-core on every page the site has: the start
// page, every form (its task list, a section page empty, the check page with
// all findings, that section page again with all its messages showing), and
// the "not found" page. axe is evaluated from
// node_modules into the page; nothing is fetched.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openStart, openForm, gotoSection, gotoCheck, sectionsOf, repoRoot, useSiteAndBrowser } from './support/harness.mjs';

const AXE = fs.readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe's violations on the current page, as short readable lines. */
async function violations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    TAGS,
  );
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`,
  );
}

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  let site;
  let browser;
  let page;

  useSiteAndBrowser((started) => ({ site, browser, page } = started));

  it('start page', async () => {
    await openStart(page, site.origin);
    assert.deepEqual(await violations(page), []);
  });

  it('every form: task list, a section page, the check page', async () => {
    await openStart(page, site.origin);
    const ids = await page
      .locator('.aw-form-list a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href').replace(/^#\//, '')));
    for (const id of ids) {
      await openForm(page, site.origin, id);
      assert.deepEqual(await violations(page), [], `${id} (task list)`);
      // The section with the most questions.
      const section = sectionsOf(id).sort((a, b) => b.fields.length - a.fields.length)[0].id;
      await gotoSection(page, site.origin, id, section);
      assert.deepEqual(await violations(page), [], `${id}/${section} (empty)`);
      await gotoCheck(page, site.origin, id);
      assert.deepEqual(await violations(page), [], `${id} (check page)`);
      await gotoSection(page, site.origin, id, section);
      assert.deepEqual(await violations(page), [], `${id}/${section} (after the check)`);
    }
  });

  it('not-found page', async () => {
    await page.goto(`${site.origin}/#/bestaat-niet`);
    await page.getByRole('heading', { name: 'Deze pagina bestaat niet' }).waitFor();
    assert.deepEqual(await violations(page), []);
  });
});
