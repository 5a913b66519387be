// The HTTP service (`aanvraagwijzer serve`): it serves the real site under
// its strict Content-Security-Policy (the wasm core runs, nothing is blocked,
// nothing loads from elsewhere), and for every fixture the server's verdict
// is exactly the verdict of the core running in the page. Its logs carry no
// pupil data, and SIGTERM stops it cleanly.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { openBrowser, openForm, repoRoot } from './support/harness.mjs';

/** A free port on 127.0.0.1 (released again for the server to take). */
async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Builds the CLI and starts `aanvraagwijzer serve` for site/dist. */
async function startServer() {
  const build = spawnSync('cargo', ['build', '-q', '-p', 'aanvraagwijzer-cli'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  assert.equal(build.status, 0, 'the CLI builds');
  const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(repoRoot, 'target');
  const bin = path.join(targetDir, 'debug', 'aanvraagwijzer');
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // The page computes "today" in Europe/Amsterdam (see the harness); the
  // server must use the same calendar day.
  const child = spawn(bin, ['serve', '--addr', `127.0.0.1:${port}`, '--dist', 'site/dist'], {
    cwd: repoRoot,
    env: { ...process.env, TZ: 'Europe/Amsterdam' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let logs = '';
  child.stdout.on('data', (d) => (logs += d));
  child.stderr.on('data', (d) => (logs += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${origin}/api/v1/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    origin,
    logs: () => logs,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Every fixture: [form id, file name, text]. */
function fixtures() {
  const root = path.join(repoRoot, 'tests', 'fixtures');
  const out = [];
  for (const swv of fs.readdirSync(root).sort()) {
    for (const form of fs.readdirSync(path.join(root, swv)).sort()) {
      const dir = path.join(root, swv, form);
      for (const name of fs.readdirSync(dir).sort()) {
        if (name.endsWith('.json')) {
          out.push([`${swv}/${form}`, name, fs.readFileSync(path.join(dir, name), 'utf8')]);
        }
      }
    }
  }
  return out;
}

describe('aanvraagwijzer serve', () => {
  let server;
  let browser;
  let page;

  before(async () => {
    server = await startServer();
    browser = await openBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    if (server) await server.stop();
  });

  it('serves the site under its strict CSP, and the wasm core runs', async () => {
    const response = await fetch(`${server.origin}/`);
    const csp = response.headers.get('content-security-policy');
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|https?:/);
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');

    await openForm(page, server.origin, 'rsv-breda-vo/tlv-vso');
    assert.deepEqual(browser.offsite(server.origin), [], 'nothing loads from elsewhere');
    const refused = browser.errors.filter((e) => /Content Security Policy|Refused/i.test(e));
    assert.deepEqual(refused, [], 'the CSP blocks nothing the site needs');
  });

  it('gives the same verdict as the core in the page, for every fixture', async () => {
    const all = fixtures();
    assert.ok(all.length >= 10, `only ${all.length} fixtures`);
    for (const [form, name, text] of all) {
      const inPage = await page.evaluate((t) => window.aanvraagwijzer.validateDocument(t), text);
      const response = await fetch(`${server.origin}/api/v1/forms/${form}/validate`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: text,
      });
      assert.equal(response.status, 200, `${form}/${name}`);
      const verdict = await response.json();
      assert.deepEqual(verdict.findings, inPage, `${form}/${name}: server and page differ`);
    }
  });

  it('logs requests without pupil data and stops cleanly on SIGTERM', async () => {
    const { code } = await server.stop();
    const logs = server.logs();
    server = undefined;
    assert.equal(code, 0, 'exit code after SIGTERM');
    assert.match(logs, /"route":"\/api\/v1\/forms\/\{swv\}\/\{form\}\/validate"/);
    assert.match(logs, /all connections closed/);
    // Every BSN and name the fixtures sent must be absent from the logs.
    const secrets = new Set();
    for (const [, , text] of fixtures()) {
      const answers = JSON.parse(text).answers ?? {};
      for (const key of ['bsn', 'achternaam', 'voornamen']) {
        const v = answers[key];
        if (typeof v === 'string' && v.trim().length >= 4) secrets.add(v.trim());
      }
    }
    assert.ok(secrets.size >= 5, 'fixtures carry names and BSNs');
    for (const secret of secrets) {
      assert.ok(!logs.includes(secret), `"${secret}" appears in the server's logs`);
    }
  });
});
