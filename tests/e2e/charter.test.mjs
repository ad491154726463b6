// The charter, end to end: the French starter template, one field edited,
// the PDF exported into the workspace's exports folder and read back; the
// calendar appendix; "Open" through the desktop's default application;
// "Save as…" through the system's dialog; a draft that breaks the charter
// marked on the calendar.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDriver, tempDataDir } from '../lib/app.mjs';
import { setField } from '../lib/form.mjs';
import { dayOfMonth, invoke, postInput } from '../lib/seed.mjs';
import { sleep } from '../lib/webdriver.mjs';

/**
 * A desktop whose default application for PDFs and folders is a script
 * that writes down what it was asked to open: xdg-open finds it through the
 * XDG data and config folders, as it would find a PDF viewer.
 */
function recordingDesktop(root) {
  const opened = join(root, 'opened.txt');
  const script = join(root, 'record-open.sh');
  writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${opened}'\n`);
  chmodSync(script, 0o755);
  mkdirSync(join(root, 'xdg-data/applications'), { recursive: true });
  mkdirSync(join(root, 'xdg-config'), { recursive: true });
  writeFileSync(
    join(root, 'xdg-data/applications/tribu-test-viewer.desktop'),
    `[Desktop Entry]\nType=Application\nName=Viewer\nExec=${script} %f\nMimeType=application/pdf;inode/directory;\n`,
  );
  writeFileSync(
    join(root, 'xdg-config/mimeapps.list'),
    '[Default Applications]\napplication/pdf=tribu-test-viewer.desktop\ninode/directory=tribu-test-viewer.desktop\n',
  );
  return {
    env: { XDG_DATA_HOME: join(root, 'xdg-data'), XDG_CONFIG_HOME: join(root, 'xdg-config') },
    opened: () => (existsSync(opened) ? readFileSync(opened, 'utf8').trim().split('\n') : []),
  };
}

async function waitUntil(check, what, timeout = 15000) {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** The id of the visible window whose name matches `name` (ASCII), or null. */
function windowNamed(name) {
  try {
    return execFileSync('xdotool', ['search', '--onlyvisible', '--name', name]).toString().trim().split('\n')[0] || null;
  } catch {
    return null;
  }
}

const pdfText = (path) => execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString().split(/\s+/).join(' ');

describe('charter', () => {
  const dataDir = tempDataDir();
  const desktop = recordingDesktop(dataDir);
  const thisMonth = new Date();
  let driver;
  let session;

  before(async () => {
    driver = await startDriver({ TRIBU_DATA_DIR: dataDir, TZ: 'Europe/Paris', LANG: 'fr_FR.UTF-8', ...desktop.env });
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
    const text = pdfText(path);
    assert.match(text, /Maison <b>Lin<\/b> & fils/, 'the edited brand, markup kept literal');
    for (const heading of ['Charte de community management', 'Protocole de réponse', 'Plan de crise', 'Principes']) {
      assert.ok(text.includes(heading), `the PDF has "${heading}"`);
    }
    assert.ok(!text.includes('Annexe'), 'no calendar appendix unless asked for');
  });

  test('"Open" and "Show folder" hand the file to the desktop', async () => {
    const path = (await (await session.find('[data-testid="charter-export-result"]')).property('textContent')).trim();
    await session.click('[data-testid="charter-export-open"]');
    await waitUntil(() => desktop.opened().includes(path), `${path} opened`);
    await session.click('[data-testid="charter-export-open-folder"]');
    await waitUntil(() => desktop.opened().includes(join(dataDir, 'exports')), 'the exports folder opened');
  });

  test('the calendar appendix lists the posts of the chosen days', async () => {
    const networks = await invoke(session, 'networks_list');
    const instagram = networks.find((n) => n.name === 'Instagram').id;
    const inRange = dayOfMonth(thisMonth, 12);
    const outOfRange = dayOfMonth(thisMonth, 20);
    await invoke(session, 'post_create', {
      input: postInput(instagram, { title: 'Atelier portes ouvertes', date: inRange, time: '10:30' }),
    });
    await invoke(session, 'post_create', {
      input: postInput(instagram, { title: 'Hors période', date: outOfRange, time: '10:30' }),
    });
    await session.click('[data-testid="charter-export-calendar"]');
    await setField(session, 'charter-export-first', dayOfMonth(thisMonth, 10));
    await setField(session, 'charter-export-last', dayOfMonth(thisMonth, 15));
    const before = (await (await session.find('[data-testid="charter-export-result"]')).property('textContent')).trim();
    // Same day, same file name: wait for the file to be rewritten.
    const writtenBefore = readFileSync(before).length;
    await session.click('[data-testid="charter-export-pdf"]');
    const text = await waitUntil(() => {
      const t = readFileSync(before).length !== writtenBefore ? pdfText(before) : null;
      return t && t.includes('Annexe') ? t : null;
    }, 'the export with its appendix');
    assert.ok(text.includes('Atelier portes ouvertes'), 'the post of the range is in the appendix');
    const [y, m, d] = inRange.split('-');
    assert.ok(text.includes(`${d}/${m}/${y} 10:30`), 'with its local date and time, written the French way');
    assert.ok(!text.includes('Hors période'), 'the post outside the range is not');
  });

  test('"Save as…" writes where the system dialog says', async () => {
    await session.click('[data-testid="charter-export-calendar"]');
    const target = join(dataDir, 'elsewhere', 'charte-pour-la-direction');
    mkdirSync(join(dataDir, 'elsewhere'));
    await session.click('[data-testid="charter-export-save-as"]');
    // The GTK file chooser is a window of its own: type the path into its
    // name field and confirm, as a person would.
    const dialog = await waitUntil(() => {
      try {
        return execFileSync('xdotool', ['search', '--onlyvisible', '--name', 'Enregistrer la charte']).toString().trim().split('\n')[0];
      } catch {
        return null;
      }
    }, 'the save dialog');
    await sleep(500);
    // There is no window manager under Xvfb: give the dialog the keyboard directly.
    execFileSync('xdotool', ['windowfocus', '--sync', dialog]);
    execFileSync('xdotool', ['key', '--window', dialog, 'ctrl+a']);
    execFileSync('xdotool', ['type', '--delay', '20', target]);
    execFileSync('xdotool', ['key', 'Return']);
    const saved = `${target}.pdf`;
    await session.waitFor('[data-testid="charter-export-result"]', {
      predicate: async (el) => (await el.property('textContent')).trim() === saved,
      timeout: 30000,
    });
    assert.ok(pdfText(saved).includes('Maison <b>Lin</b> & fils'));
  });

  test('"Save as…" a typed name whose .pdf exists asks first, and Cancel leaves that file as it was', async () => {
    // GTK asks before replacing the file it is given ("charte"), not the
    // one Tribu writes after adding ".pdf" ("charte.pdf"): Tribu asks.
    const existing = join(dataDir, 'elsewhere', 'charte.pdf');
    writeFileSync(existing, 'the charter kept by the director\n');
    const before = { bytes: readFileSync(existing), mtime: statSync(existing).mtimeMs };
    await session.click('[data-testid="charter-export-save-as"]');
    const saveDialog = async () => {
      const dialog = await waitUntil(() => windowNamed('Enregistrer la charte'), 'the save dialog');
      await sleep(500);
      execFileSync('xdotool', ['windowfocus', '--sync', dialog]);
      return dialog;
    };
    let dialog = await saveDialog();
    execFileSync('xdotool', ['key', '--window', dialog, 'ctrl+a']);
    execFileSync('xdotool', ['type', '--delay', '20', join(dataDir, 'elsewhere', 'charte')]);
    execFileSync('xdotool', ['key', 'Return']);

    const question = await waitUntil(() => windowNamed('Remplacer le fichier'), 'the question about replacing charte.pdf');
    assert.deepEqual(readFileSync(existing), before.bytes, 'nothing written while the question is open');
    await sleep(300);
    execFileSync('xdotool', ['windowfocus', '--sync', question]);
    execFileSync('xdotool', ['key', 'Escape']);

    // Back to the dialog, on the name with its extension; cancelled there.
    dialog = await saveDialog();
    execFileSync('xdotool', ['key', 'Escape']);
    await waitUntil(() => !windowNamed('Enregistrer la charte') && !windowNamed('Remplacer le fichier'), 'the dialogs to close');
    await sleep(1000);
    assert.deepEqual(readFileSync(existing), before.bytes, 'charte.pdf keeps its bytes');
    assert.equal(statSync(existing).mtimeMs, before.mtime, 'and its modification time');
    const shown = (await session.read('[data-testid="charter-export-result"]', (el) => el.property('textContent'))).trim();
    assert.equal(shown, `${join(dataDir, 'elsewhere', 'charte-pour-la-direction')}.pdf`, 'the last export shown is still the one before');
  });

  test('a draft that breaks the charter is marked on the calendar', async () => {
    const networks = await invoke(session, 'networks_list');
    const instagram = networks.find((n) => n.name === 'Instagram').id;
    // "pas cher" is banned by the French template; "tu" goes against its "vous".
    const flagged = await invoke(session, 'post_create', {
      input: postInput(instagram, {
        title: 'Soldes',
        body: 'Du lin pas cher, tu vas adorer',
        date: dayOfMonth(thisMonth, 8),
        time: '09:00',
      }),
    });
    const clean = await invoke(session, 'post_create', {
      input: postInput(instagram, {
        title: 'Coulisses',
        body: 'Découvrez notre atelier.',
        date: dayOfMonth(thisMonth, 9),
        time: '09:00',
      }),
    });
    await session.click('[data-testid="nav-calendar"]');
    const flaggedPost = `[data-post-id="${flagged.id}"][data-draft-warnings]`;
    assert.equal(await session.read(flaggedPost, (el) => el.attribute('data-draft-warnings')), '2');
    const mark = await session.read(`${flaggedPost} [data-testid="post-draft-warnings"]`, (el) => el.text());
    assert.equal(mark.trim(), '⚠ 2');
    const other = await session.read(`[data-post-id="${clean.id}"]`, (el) => el.attribute('data-draft-warnings'));
    assert.equal(other, null);
  });
});
