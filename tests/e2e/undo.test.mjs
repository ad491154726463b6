// Undo, redo and the history, end to end: a deleted post brought back with
// its results from the toast, a drag taken back with Ctrl+Z, a CSV import
// of 100 values undone in one step from the Edit menu, three moves undone
// back to the first from the history then redone one, and an action
// undone after the app was quit and started again on the same folder.
// One brand, two app sessions (before and after the restart).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appPid, closeWindow, saveScreenshot, startDriver, tempDataDir } from '../lib/app.mjs';
import { waitUntil } from '../lib/notifications.mjs';
import { dayOfMonth, invoke, postInput } from '../lib/seed.mjs';
import { KEY, sleep } from '../lib/webdriver.mjs';





const ZONE = 'Europe/Paris';
const CONTROL = '\uE009';
const SHIFT = '\uE008';

/** `YYYY-MM-DD`, `offset` days from today, on this computer's clock. */
function day(offset) {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const postIn = (date, id) => `td[data-date="${date}"] [data-post-id="${id}"]`;
const text = async (el) => (await el.text()).replace(/\s+/g, ' ').trim();
/** The text an element holds, seen or not (WebKit's driver leaves out a line cut with an ellipsis). */
const content = async (el) => String(await el.property('textContent')).replace(/\s+/g, ' ').trim();

/** Ctrl+`key` (Ctrl+Shift+`key` with `shift`) as the keyboard sends it, outside any field. */
async function pressCtrl(session, key, { shift = false } = {}) {
  await session.execute('document.activeElement?.blur?.()');
  const mods = shift ? [CONTROL, SHIFT] : [CONTROL];
  await session.cmd('POST', '/actions', {
    actions: [
      {
        type: 'key',
        id: 'keyboard',
        actions: [
          ...mods.map((value) => ({ type: 'keyDown', value })),
          { type: 'keyDown', value: key },
          { type: 'keyUp', value: key },
          ...[...mods].reverse().map((value) => ({ type: 'keyUp', value })),
        ],
      },
    ],
  });
  await session.cmd('DELETE', '/actions');
}

/** Opens the Edit menu; resolves with what Undo and Redo say they would do. */
async function openEditMenu(session) {
  if ((await session.findAll('[data-testid="edit-menu-panel"]')).length === 0) await session.click('[data-testid="edit-menu"]');
  await session.waitFor('[data-testid="edit-menu-panel"]');
  return {
    undo: await content(await session.find('[data-testid="undo-what"]')),
    redo: await content(await session.find('[data-testid="redo-what"]')),
  };
}

/** Waits until the Edit menu's Undo says `expected` (the journal topic has reached the menu), then clicks it. */
async function undoFromMenu(session, expected) {
  await openEditMenu(session);
  let last = '';
  const deadline = Date.now() + 10000;
  for (;;) {
    const button = await session.find('[data-testid="edit-menu-panel"] [data-testid="undo"]');
    last = await content(await button.find('[data-testid="undo-what"]'));
    if (last === expected && (await button.property('disabled')) === false) break;
    if (Date.now() > deadline) assert.fail(`Undo says "${last}", not "${expected}"`);
    await sleep(200);
  }
  await session.click('[data-testid="edit-menu-panel"] [data-testid="undo"]');
  await session.waitGone('[data-testid="edit-menu-panel"]');
}

async function closeEditor(session) {
  if ((await session.findAll('[data-testid="post-title"]')).length > 0) {
    await session.pressKey(KEY.ESCAPE);
    await session.waitGone('[data-testid="post-title"]');
  }
}

async function openPost(session, date, id) {
  await session.click(postIn(date, id));
  await session.waitFor('[data-testid="post-title"]');
}

/** Picks `path` in GTK's file chooser titled `title` (ASCII), as a person would. */
async function pickFile(title, path) {
  let dialog = '';
  const until = Date.now() + 15000;
  while (!dialog) {
    try {
      dialog = execFileSync('xdotool', ['search', '--onlyvisible', '--name', `^${title}$`]).toString().trim().split('\n')[0];
    } catch {
      dialog = '';
    }
    if (!dialog && Date.now() > until) assert.fail(`no file chooser "${title}" after 15 s`);
    if (!dialog) await sleep(200);
  }
  await sleep(300);
  execFileSync('xdotool', ['windowfocus', '--sync', dialog]);
  execFileSync('xdotool', ['key', 'ctrl+l']);
  await sleep(300);
  execFileSync('xdotool', ['type', '--delay', '20', path]);
  await sleep(300);
  execFileSync('xdotool', ['key', 'Return']);
}

describe('undo and the history', () => {
  const dataDir = tempDataDir();
  const month = new Date();
  let driver;
  let session;
  let instagram;

  before(async () => {
    driver = await startDriver({ TRIBU_DATA_DIR: dataDir, TZ: ZONE, LANG: 'fr_FR.UTF-8' });
    session = await driver.open();
    await session.waitFor('[data-testid="view-month"]');
    await session.click('[data-testid="view-month"]');
    instagram = (await invoke(session, 'networks_list')).find((n) => n.name === 'Instagram').id;
  });

  after(async () => {
    if (session) {
      saveScreenshot('undo-end');
      await session.quit().catch(() => {});
    }
    driver?.stop();
  });

  test('a post deleted with its results comes back whole from the toast’s Undo', async () => {
    const date = dayOfMonth(month, 8);
    const post = await invoke(session, 'post_create', {
      input: postInput(instagram, { title: 'Soldes d’hiver', status: 'published', date, time: '10:00' }),
    });
    const figures = { reach: 1200, impressions: 3400, reactions: 85, comments: 12, shares: 7, saves: 9, clicks: 40 };
    await invoke(session, 'post_result_set', { postId: post.id, input: figures });

    await openPost(session, date, post.id);
    assert.equal(await (await session.waitFor('[data-testid="post-result-reach"]')).property('value'), '1200');
    await session.click('[data-testid="post-delete"]');
    await session.click('[data-testid="confirm-delete"]');
    await session.waitGone(postIn(date, post.id));
    assert.equal(await invoke(session, 'post_result_get', { postId: post.id }), null, 'the results went with it');

    await session.click('[data-testid="toast"] [data-testid="undo"]');
    await session.waitFor('[data-testid="toast"]', { predicate: async (el) => (await text(el)).includes('Publication restaurée') });
    await session.waitFor(postIn(date, post.id));
    const result = await invoke(session, 'post_result_get', { postId: post.id });
    for (const [field, value] of Object.entries(figures)) assert.equal(result[field], value, field);
    // And in the editor, as the user sees them.
    await openPost(session, date, post.id);
    assert.equal(await (await session.waitFor('[data-testid="post-result-reach"]')).property('value'), '1200');
    assert.equal(await (await session.find('[data-testid="post-result-clicks"]')).property('value'), '40');
    await closeEditor(session);
  });

  test('a post dragged to another day goes back to its day and time with Ctrl+Z', async () => {
    const [from, to] = [dayOfMonth(month, 10), dayOfMonth(month, 17)];
    const post = await invoke(session, 'post_create', {
      input: postInput(instagram, { title: 'Atelier couture', status: 'approved', date: from, time: '14:30' }),
    });
    const event = await session.waitFor(postIn(from, post.id));
    await session.drag(event, await session.find(`td.fc-daygrid-day[data-date="${to}"]`));
    await session.waitFor(postIn(to, post.id));
    assert.equal((await invoke(session, 'post_get', { id: post.id })).localDate, to);

    await pressCtrl(session, 'z');
    await session.waitFor(postIn(from, post.id));
    await session.waitGone(postIn(to, post.id));
    await session.waitFor('[data-testid="toast"]', {
      predicate: async (el) => (await text(el)).startsWith('Annulé : « Atelier couture » déplacée au 17'),
    });
    await openPost(session, from, post.id);
    assert.equal(await (await session.find('[data-testid="post-date"]')).property('value'), from);
    assert.equal(await (await session.find('[data-testid="post-time"]')).property('value'), '14:30');
    await closeEditor(session);

    // Ctrl+Shift+Z moves it again; Ctrl+Z takes it back once more.
    await pressCtrl(session, 'z', { shift: true });
    await session.waitFor(postIn(to, post.id));
    await pressCtrl(session, 'z');
    await session.waitFor(postIn(from, post.id));
  });

  test('100 KPI values imported from a CSV file go with one Undo from the Edit menu', async () => {
    await session.click('[data-testid="nav-kpi"]');
    const file = join(dataDir, 'instagram-100.csv');
    const rows = Array.from({ length: 100 }, (_, i) => `${day(-100 + i)},Instagram,${1000 + i}`);
    writeFileSync(file, `Date,Réseau,Abonnés\n${rows.join('\n')}\n`);
    await session.click('[data-testid="kpi-import-csv"]');
    await session.waitFor('[data-testid="kpi-csv-dialog"]');
    await session.click('[data-testid="kpi-csv-file"]');
    await pickFile('Importer des valeurs depuis un fichier CSV', file);
    const counts = await session.waitFor('[data-testid="kpi-csv-counts"]', { timeout: 20000 });
    assert.equal(await counts.attribute('data-valid'), '100');
    await session.click('[data-testid="kpi-csv-import"]');
    await session.waitGone('[data-testid="kpi-csv-dialog"]', 20000);
    const filter = { metric: 'followers', networkId: instagram, start: null, end: null };
    assert.equal((await invoke(session, 'observations_list', { filter })).length, 100);

    await undoFromMenu(session, '100 valeurs importées d’un fichier CSV');
    await waitUntil(async () => (await invoke(session, 'observations_list', { filter })).length === 0, 10000, 'the 100 values to go');
    const menu = await openEditMenu(session);
    assert.equal(menu.redo, '100 valeurs importées d’un fichier CSV', 'Redo would bring them back');
    await session.pressKey(KEY.ESCAPE);
    await session.waitGone('[data-testid="edit-menu-panel"]');
    await session.click('[data-testid="nav-calendar"]');
    await session.waitFor('[data-testid="view-month"]');
  });

  test('the history undoes three moves back to the first, and Redo brings the first back', async () => {
    const start = dayOfMonth(month, 3);
    const steps = [dayOfMonth(month, 4), dayOfMonth(month, 5), dayOfMonth(month, 6)];
    const post = await invoke(session, 'post_create', {
      input: postInput(instagram, { title: 'Coulisses', status: 'approved', date: start, time: '09:00' }),
    });
    for (const date of steps) await invoke(session, 'post_move', { id: post.id, date, time: '09:00', zone: ZONE });
    await session.waitFor(postIn(steps[2], post.id));

    await openEditMenu(session);
    await session.click('[data-testid="history-open"]');
    await session.waitFor('[data-testid="history-panel"]');
    const moves = async () => {
      const items = await session.findAll('[data-testid="history-item"][data-kind="post_move"]');
      const out = [];
      for (const item of items) {
        const line = await text(item);
        if (line.includes('Coulisses')) out.push({ item, line, id: await item.attribute('data-journal-id'), state: await item.attribute('data-state') });
      }
      return out;
    };
    await waitUntil(async () => (await moves()).length === 3, 10000, 'the three moves in the history');
    const [third, second, first] = await moves();
    assert.match(third.line, /« Coulisses » déplacée au 6/);
    assert.match(first.line, /« Coulisses » déplacée au 4/);
    assert.match(first.line, /\d{2}:\d{2}/, 'with its time');
    assert.ok(Number(third.id) > Number(second.id) && Number(second.id) > Number(first.id), 'newest first');

    await (await first.item.find('[data-testid="history-undo-to"]')).click();
    const dialog = await session.waitFor('[data-testid="confirm-dialog"]');
    assert.match(await text(dialog), /Les 3 dernières actions seront annulées/);
    assert.match(await text(await dialog.find('[data-testid="confirm-delete"]')), /Annuler ces 3 actions/);
    saveScreenshot('undo-history-confirm-fr');
    await session.click('[data-testid="confirm-delete"]');
    await session.waitGone('[data-testid="confirm-dialog"]');
    await session.waitFor(postIn(start, post.id));
    await waitUntil(async () => (await moves()).every((m) => m.state === 'undone'), 10000, 'the three moves shown undone');
    assert.equal((await invoke(session, 'post_get', { id: post.id })).localDate, start);
    saveScreenshot('undo-history-fr');

    // Redo does the first of them again, and only it.
    const menu = await openEditMenu(session);
    assert.match(menu.redo, /« Coulisses » déplacée au 4/);
    saveScreenshot('undo-menu-fr');
    await session.click('[data-testid="edit-menu-panel"] [data-testid="redo"]');
    await session.waitFor(postIn(steps[0], post.id));
    assert.equal((await invoke(session, 'post_get', { id: post.id })).localDate, steps[0]);
    await waitUntil(async () => {
      const states = (await moves()).map((m) => m.state);
      return states.join() === 'undone,undone,done';
    }, 10000, 'the first move in effect again');

    // The same, in English.
    await session.click('[data-testid="locale-en"]');
    await session.waitFor('[data-testid="history-panel"] h2', { predicate: async (el) => (await text(el)) === 'History' });
    await openEditMenu(session);
    await session.waitFor('[data-testid="undo-what"]', { predicate: async (el) => (await content(el)).startsWith('Moved “Coulisses” to') });
    saveScreenshot('undo-menu-en');
    await session.pressKey(KEY.ESCAPE);
    await session.waitGone('[data-testid="edit-menu-panel"]');
    saveScreenshot('undo-history-en');
    await session.click('[data-testid="history-panel"] [aria-label="Close"]');
    await session.waitGone('[data-testid="history-panel"]');
  });

  test('an action is still undone after the app was quit and started again', async () => {
    const label = 'Fête de l’atelier';
    const date = dayOfMonth(month, 20);
    await invoke(session, 'key_date_create', { input: { date, label, kind: 'event' } });
    const [windowId] = execFileSync('xdotool', ['search', '--onlyvisible', '--name', 'Tribu$']).toString().trim().split('\n');
    closeWindow(windowId);
    await waitUntil(() => appPid(dataDir) === null, 15000, 'the app to end');
    await session.quit().catch(() => {});

    session = await driver.open();
    await session.waitFor('[data-testid="view-month"]');
    const keyDates = () => invoke(session, 'key_dates_list_range', { start: date, end: date, includeHolidays: false, locale: 'en' });
    assert.equal((await keyDates()).length, 1);
    // The language chosen before quitting, the history kept in the file.
    await undoFromMenu(session, `Added the key date “${label}”`);
    await waitUntil(async () => (await keyDates()).length === 0, 10000, 'the key date to go');
    const menu = await openEditMenu(session);
    assert.equal(menu.redo, `Added the key date “${label}”`);
    assert.match(menu.undo, /Moved “Coulisses” to/, 'the older actions wait their turn');
    await session.pressKey(KEY.ESCAPE);
  });
});
