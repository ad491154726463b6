// The charter, end to end: the French starter template, one field edited,
// the PDF exported into the workspace's exports folder and read back.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDriver, tempDataDir } from '../lib/app.mjs';
import { sleep } from '../lib/webdriver.mjs';

describe('charter', () => {
  const dataDir = tempDataDir();
  let driver;
  let session;

  before(async () => {
    driver = await startDriver({ TRIBU_DATA_DIR: dataDir, TZ: 'Europe/Paris', LANG: 'fr_FR.UTF-8' });
    session = await driver.open();
    await session.waitFor('[data-testid="view-month"]');
  });

  after(async () => {
    await session?.quit().catch(() => {});
    driver?.stop();
  });

  test('the French template, an edited brand, and the PDF in the exports folder', async () => {
    await session.click('[data-testid="nav-charter"]');
    await session.click('[data-testid="charter-template-fr"]');
    const identity = await session.waitFor('[data-section="identity"]');
    const brand = await identity.find('input');
    await session.waitFor('[data-testid="charter-save-state"]', {
      predicate: async (el) => (await el.text()).trim().length > 0,
    });
    await brand.clear();
    await brand.type('Maison <b>Lin</b> & fils');
    // Autosave runs after a pause in typing.
    await sleep(1200);
    await session.waitFor('[data-testid="charter-save-state"]', {
      predicate: async (el) => /enregistr/i.test(await el.text()),
    });

    await session.click('[data-testid="charter-export-pdf"]');
    const result = await session.waitFor('[data-testid="charter-export-result"]', { timeout: 30000 });
    const path = (await result.property('textContent')).trim();
    assert.equal(path.startsWith(join(dataDir, 'exports')), true, `${path} is in the exports folder`);
    assert.ok(existsSync(path));
    assert.equal(readFileSync(path).subarray(0, 5).toString(), '%PDF-');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString().split(/\s+/).join(' ');
    assert.match(text, /Maison <b>Lin<\/b> & fils/, 'the edited brand, markup kept literal');
    for (const heading of ['Charte de community management', 'Protocole de réponse', 'Plan de crise', 'Principes']) {
      assert.ok(text.includes(heading), `the PDF has "${heading}"`);
    }
  });
});
