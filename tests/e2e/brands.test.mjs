// Several brands in the real app: each keeps its own posts; names are
// checked; rename, duplicate, delete to the trash; the app reopens the last
// one; a second launch hands over to the first window; backups are taken
// (daily, before an import, on demand) and restored from the Backups dialog
// and from the fatal screen; closing the window saves what waits in the
// autosave delay; a reminder of a brand that is not open names it and opens
// it; any .tribu file opens through the system dialog; a file from a newer
// Tribu is refused byte for byte; a file another program holds opens
// read-only with who holds it.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appBinary, appPid, closeWindow, startDriver, tempDataDir } from '../lib/app.mjs';
import { dayOfMonth, invoke, postInput } from '../lib/seed.mjs';
import { wallClock, waitUntil, watchNotifications } from '../lib/notifications.mjs';
import { sleep } from '../lib/webdriver.mjs';

const ENV = { TZ: 'Europe/Paris', LANG: 'en_US.UTF-8' };

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Titles of the windows named "… — Tribu" on the display. */
function tribuWindows() {
  try {
    // The pattern stays ASCII: xdotool's regex may run in the C locale.
    const ids = execFileSync('xdotool', ['search', '--onlyvisible', '--name', 'Tribu$']).toString().trim().split('\n').filter(Boolean);
    return ids.map((id) => execFileSync('xdotool', ['getwindowname', id]).toString().trim()).filter((name) => name.endsWith(' — Tribu'));
  } catch {
    return [];
  }
}

async function brandName(session) {
  return (await session.read('[data-testid="workspace-name"]', (el) => el.property('textContent'))).trim();
}

async function openSwitcher(session) {
  await (await session.waitFor('[data-testid="workspace-switcher"]')).click();
  await session.waitFor('[data-testid="workspace-menu"]');
}

async function switchTo(session, path, name) {
  await openSwitcher(session);
  await (await session.waitFor(`[data-testid="workspace-item"][data-path="${path}"]`)).click();
  await waitUntil(async () => (await brandName(session)) === name, 10000, `the brand ${name}`);
}

/** The calendar's month shows a post titled `title` on `day`. */
async function shows(session, day, title) {
  const items = await session.findAll(`td[data-date="${day}"] [data-post-id]`);
  for (const item of items) {
    const text = await item.property('textContent').catch(() => '');
    if (text.includes(title)) return true;
  }
  return false;
}

/** Runs the app binary directly (not through WebDriver) with `args`; resolves with its exit code. */
function launchDirectly(dataDir, args = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(appBinary(), args, { env: { ...process.env, ...ENV, TRIBU_DATA_DIR: dataDir }, stdio: 'ignore' });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the second launch did not exit'));
    }, 20000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('brands', () => {
  const dataDir = tempDataDir();
  // The system's trash, where a deleted brand goes (freedesktop: $XDG_DATA_HOME/Trash).
  const home = tempDataDir();
  const first = join(dataDir, 'workspaces', 'default.tribu');
  let second;
  let driver;
  let session;
  const day = dayOfMonth(new Date(), 12);

  before(async () => {
    driver = await startDriver({ TRIBU_DATA_DIR: dataDir, XDG_DATA_HOME: home, ...ENV });
    session = await driver.open();
    await (await session.waitFor('[data-testid="view-month"]')).click();
  });

  after(async () => {
    await session?.quit().catch(() => {});
    driver?.stop();
  });

  test('a second brand keeps its own posts, switching back and forth', async () => {
    assert.equal(await brandName(session), 'Ma marque');
    const [network] = await invoke(session, 'networks_list');
    await invoke(session, 'post_create', { input: postInput(network.id, { title: 'Only in the first', date: day, time: '10:00' }) });
    await waitUntil(() => shows(session, day, 'Only in the first'), 10000, 'the first brand post');

    await openSwitcher(session);
    await (await session.find('[data-testid="workspace-new"]')).click();
    const name = await session.waitFor('[data-testid="brand-name"]');
    await name.type('Atelier Lune');
    await (await session.find('[data-testid="brand-create-submit"]')).click();
    await waitUntil(async () => (await brandName(session)) === 'Atelier Lune', 15000, 'the new brand');
    await waitUntil(async () => tribuWindows().includes('Atelier Lune — Tribu'), 5000, 'the window title');
    assert.equal(await shows(session, day, 'Only in the first'), false, 'the new brand starts empty');

    const [lune] = await invoke(session, 'networks_list');
    await invoke(session, 'post_create', { input: postInput(lune.id, { title: 'Only in Lune', date: day, time: '11:00' }) });
    await waitUntil(() => shows(session, day, 'Only in Lune'), 10000, 'the second brand post');
    const brands = await invoke(session, 'brands_list');
    second = brands.find((b) => b.name === 'Atelier Lune').path;
    assert.equal(second, join(dataDir, 'workspaces', 'atelier-lune.tribu'));

    for (let i = 0; i < 2; i += 1) {
      await switchTo(session, first, 'Ma marque');
      await waitUntil(() => shows(session, day, 'Only in the first'), 10000, 'the first brand post again');
      assert.equal(await shows(session, day, 'Only in Lune'), false);
      await switchTo(session, second, 'Atelier Lune');
      await waitUntil(() => shows(session, day, 'Only in Lune'), 10000, 'the second brand post again');
      assert.equal(await shows(session, day, 'Only in the first'), false);
    }
  });

  test('a blank or already used name is refused next to the field', async () => {
    await openSwitcher(session);
    await (await session.find('[data-testid="workspace-new"]')).click();
    await (await session.waitFor('[data-testid="brand-create-submit"]')).click();
    const blank = await session.waitFor('[data-testid="field-error-name"]');
    assert.ok((await blank.property('textContent')).trim().length > 0, 'a message for a blank name');
    await (await session.find('[data-testid="brand-name"]')).type('  atelier LUNE ');
    await (await session.find('[data-testid="brand-create-submit"]')).click();
    await session.waitFor('[data-testid="field-error-name"]', {
      predicate: async (el) => /another brand|already/i.test(await el.property('textContent')),
    });
    assert.equal((await invoke(session, 'brands_list')).length, 2, 'nothing created');
    await session.pressKey('\uE00C');
    await session.waitGone('[data-testid="brand-name"]');
  });

  test('the first opening of the day backed each brand up', async () => {
    for (const stem of ['default', 'atelier-lune']) {
      const files = readdirSync(join(dataDir, 'backups', stem));
      assert.ok(files.some((f) => f.endsWith('_daily.tribu')), `${stem}: ${files}`);
    }
  });

  test('rename, duplicate with its posts, then delete the copy to the trash', async () => {
    await openSwitcher(session);
    await (await session.find('[data-testid="workspace-rename"]')).click();
    const name = await session.waitFor('[data-testid="brand-name"]');
    await name.clear();
    await name.type('Atelier Lune & Cie');
    await (await session.find('[data-testid="brand-submit"]')).click();
    await session.waitGone('[data-testid="brand-name"]');
    await waitUntil(async () => (await brandName(session)) === 'Atelier Lune & Cie', 10000, 'the new name');
    await waitUntil(async () => tribuWindows().includes('Atelier Lune & Cie — Tribu'), 5000, 'the renamed title');

    await openSwitcher(session);
    await (await session.find('[data-testid="workspace-duplicate"]')).click();
    const copyName = await session.waitFor('[data-testid="brand-name"]');
    await copyName.clear();
    await copyName.type('Atelier Soleil');
    await (await session.find('[data-testid="brand-submit"]')).click();
    await session.waitGone('[data-testid="brand-name"]');
    const copy = (await invoke(session, 'brands_list')).find((b) => b.name === 'Atelier Soleil');
    assert.equal(copy.path, join(dataDir, 'workspaces', 'atelier-soleil.tribu'));
    assert.equal(await brandName(session), 'Atelier Lune & Cie', 'the open brand stays');
    await switchTo(session, copy.path, 'Atelier Soleil');
    await waitUntil(() => shows(session, day, 'Only in Lune'), 10000, 'the copied post');

    await openSwitcher(session);
    await (await session.find('[data-testid="workspace-delete"]')).click();
    await (await session.waitFor('[data-testid="confirm-delete"]')).click();
    await session.waitGone('[data-testid="confirm-delete"]');
    await waitUntil(async () => (await brandName(session)) !== 'Atelier Soleil', 10000, 'another brand open');
    assert.equal(existsSync(copy.path), false, 'the file left the workspaces folder');
    const trashed = readdirSync(join(home, 'Trash', 'files'));
    assert.ok(trashed.includes('atelier-soleil.tribu'), `in the trash: ${trashed}`);
    assert.ok(!(await invoke(session, 'brands_list')).some((b) => b.name === 'Atelier Soleil'));
    // Back to the renamed brand for what follows.
    await switchTo(session, second, 'Atelier Lune & Cie');
  });

  test('the app reopens the last brand used', async () => {
    await session.quit();
    session = await driver.open();
    await session.waitFor('[data-testid="view-month"]');
    assert.equal(await brandName(session), 'Atelier Lune & Cie');
  });

  test('a second launch exits, leaves one window, and opens the brand file it is given', async () => {
    assert.deepEqual(tribuWindows(), ['Atelier Lune & Cie — Tribu']);
    // Two at once, within a second.
    const codes = await Promise.all([launchDirectly(dataDir), launchDirectly(dataDir, [first])]);
    assert.deepEqual(codes, [0, 0]);
    await waitUntil(async () => (await brandName(session)) === 'Ma marque', 10000, 'the handed-over brand');
    assert.deepEqual(tribuWindows(), ['Ma marque — Tribu']);
  });

  test('Back up now, then restore that backup from the Backups dialog', async () => {
    await openSwitcher(session);
    await (await session.find('[data-testid="backups-open"]')).click();
    const before = (await invoke(session, 'backups_list')).length;
    // The dialog's list is loaded before the click.
    await waitUntil(async () => (await session.findAll('[data-testid="backup-row"]')).length === before, 10000, 'the listed backups');
    await (await session.waitFor('[data-testid="backup-now"]')).click();
    let manual;
    await waitUntil(async () => {
      manual = (await invoke(session, 'backups_list')).find((b) => b.kind === 'manual');
      return manual !== undefined;
    }, 15000, 'the manual backup');
    await session.waitFor(`[data-testid="backup-row"][data-file="${manual.file}"]`);
    assert.equal((await session.findAll('[data-testid="backup-row"]')).length, before + 1);
    assert.ok(manual.posts >= 1);
    await (await session.find('[data-testid="backups-close"]')).click();

    const [network] = await invoke(session, 'networks_list');
    await invoke(session, 'post_create', { input: postInput(network.id, { title: 'After the backup', date: day, time: '15:00' }) });
    await waitUntil(() => shows(session, day, 'After the backup'), 10000, 'the post made after the backup');

    await openSwitcher(session);
    await (await session.find('[data-testid="backups-open"]')).click();
    await (await session.waitFor(`[data-testid="backup-restore"][data-file="${manual.file}"]`)).click();
    await (await session.waitFor('[data-testid="confirm-delete"]')).click();
    await waitUntil(async () => !(await shows(session, day, 'After the backup')), 15000, 'the restored plan');
    assert.ok(await shows(session, day, 'Only in the first'), 'what was backed up is back');
    const kinds = (await invoke(session, 'backups_list')).map((b) => b.kind);
    assert.ok(kinds.includes('pre_restore'), `the replaced state is kept: ${kinds}`);
  });

  test('an import of KPI values is preceded by a backup', async () => {
    const [network] = await invoke(session, 'networks_list');
    const before = (await invoke(session, 'backups_list')).filter((b) => b.kind === 'pre_import').length;
    const csv = join(tempDataDir(), 'followers.csv');
    writeFileSync(csv, `Date,Network,Followers\n${dayOfMonth(new Date(), 3)},${network.name},1200\n`);
    const file = await invoke(session, 'csv_open_path', { path: csv });
    const mapping = await invoke(session, 'csv_guess_mapping', { token: file.token });
    const report = await invoke(session, 'csv_import', { token: file.token, mapping });
    assert.equal(report.written, 1);
    const after = (await invoke(session, 'backups_list')).filter((b) => b.kind === 'pre_import').length;
    assert.equal(after, before + 1);
  });

  test('closing the window saves a title still waiting for the pause in typing', async () => {
    const posts = await invoke(session, 'posts_list_range', { start: '2000-01-01T00:00:00Z', end: '2100-01-01T00:00:00Z', filter: {} });
    const post = posts.find((p) => p.title === 'Only in the first');
    await (await session.waitFor(`td[data-date="${day}"] [data-post-id="${post.id}"]`)).click();
    const title = await session.waitFor('[data-testid="post-title"]');
    await title.clear();
    await title.type('Typed just before closing');
    // No pause: the window is closed at once, as its close button does.
    const [windowId] = execFileSync('xdotool', ['search', '--onlyvisible', '--name', 'Tribu$']).toString().trim().split('\n');
    closeWindow(windowId);
    await waitUntil(() => appPid(dataDir) === null, 15000, 'the app to end');
    await session.quit().catch(() => {});
    const out = execFileSync('python3', [
      '-c',
      'import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); print(db.execute("SELECT count(*) FROM post WHERE title = ?", (sys.argv[2],)).fetchone()[0])',
      first,
      'Typed just before closing',
    ]);
    assert.equal(out.toString().trim(), '1', 'the post is in the file');
    session = await driver.open();
    await session.waitFor('[data-testid="view-month"]');
  });

  test('a reminder of a brand that is not open names it; choosing it opens that brand on the post', async () => {
    const monitor = watchNotifications();
    try {
      await waitUntil(() => monitor.output.length > 0, 5000, 'dbus-monitor to start');
      await switchTo(session, second, 'Atelier Lune & Cie');
      // Its reminder (1 minute before) falls 20 to 80 seconds from now,
      // after the switch back to the other brand.
      const planned = new Date(Math.ceil((Date.now() + 80000) / 60000) * 60000);
      const at = wallClock(planned, 'Europe/Paris');
      const title = `Lune reminder ${process.pid}`;
      const [network] = await invoke(session, 'networks_list');
      const post = await invoke(session, 'post_create', {
        input: postInput(network.id, { title, status: 'scheduled', date: at.date, time: at.time, reminderMinutes: 1 }),
      });
      await switchTo(session, first, 'Ma marque');
      assert.equal(monitor.notifies(title).length, 0, 'not due yet');
      await waitUntil(() => monitor.notifies(title).length >= 1, 100000, `the reminder of "${title}"`);
      assert.match(monitor.notifies(title)[0], /Atelier Lune &(amp;)? Cie/, 'the notification names the brand');
      // Choosing it (dunst's default action) opens that brand on the post.
      execFileSync('dunstctl', ['action', '0']);
      await waitUntil(async () => (await brandName(session)) === 'Atelier Lune & Cie', 10000, 'the brand of the reminder');
      const editorTitle = await session.waitFor('[data-testid="post-title"]');
      assert.equal(await editorTitle.property('value'), title);
      assert.ok(await shows(session, at.date, title), `shown on ${at.date}`);
      assert.ok(post.id);
    } finally {
      monitor.stop();
    }
  });

  test('any .tribu file opens through the system dialog', async () => {
    assert.equal(await brandName(session), 'Atelier Lune & Cie');
    // A brand file from elsewhere (a colleague's, a USB stick): a consistent
    // copy of the first brand under another name, outside the data folder.
    mkdirSync(join(home, 'elsewhere'), { recursive: true });
    const elsewhere = join(home, 'elsewhere', 'chez-lea.tribu');
    execFileSync('python3', [
      '-c',
      `import sqlite3, sys
src = sqlite3.connect(sys.argv[1]); dst = sqlite3.connect(sys.argv[2])
src.backup(dst)
dst.execute("UPDATE setting SET value = 'Chez Léa' WHERE key = 'brand.name'")
dst.commit(); dst.execute("PRAGMA journal_mode = DELETE"); dst.close(); src.close()`,
      first,
      elsewhere,
    ]);
    await openSwitcher(session);
    await (await session.find('[data-testid="workspace-open"]')).click();
    // GTK's file chooser, a window of its own: the path typed in its location bar.
    let dialog = '';
    await waitUntil(() => {
      try {
        dialog = execFileSync('xdotool', ['search', '--onlyvisible', '--name', '^Open File$']).toString().trim().split('\n')[0];
      } catch {
        dialog = '';
      }
      return dialog !== '';
    }, 10000, 'the Open dialog');
    execFileSync('xdotool', ['windowfocus', '--sync', dialog]);
    execFileSync('xdotool', ['key', 'ctrl+l']);
    await sleep(300);
    execFileSync('xdotool', ['type', '--delay', '20', elsewhere]);
    await sleep(300);
    execFileSync('xdotool', ['key', 'Return']);
    await waitUntil(async () => (await brandName(session)) === 'Chez Léa', 15000, 'the chosen brand');
    assert.ok((await invoke(session, 'brands_list')).some((b) => b.path === elsewhere), 'listed among the brands');
  });
});

describe('files that must not be harmed', () => {
  let driver;

  after(() => driver?.stop());

  test('a file from a newer Tribu shows the message and stays byte for byte', async () => {
    const dataDir = tempDataDir();
    const file = join(dataDir, 'workspaces', 'default.tribu');
    mkdirSync(join(dataDir, 'workspaces'), { recursive: true });
    execFileSync('python3', [
      '-c',
      `import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript("CREATE TABLE network (id TEXT); CREATE TABLE post (id TEXT); CREATE TABLE setting (key TEXT, value TEXT);")
db.execute("PRAGMA application_id = 1416784226")
db.execute("PRAGMA user_version = 99")
db.commit()
db.close()`,
      file,
    ]);
    const digest = sha256(file);
    const listing = readdirSync(join(dataDir, 'workspaces')).sort();
    driver = await startDriver({ TRIBU_DATA_DIR: dataDir, ...ENV });
    const session = await driver.open();
    const screen = await session.waitFor('[data-testid="workspace-error"]');
    assert.match(await screen.property('textContent'), /newer version of Tribu/);
    await session.quit().catch(() => {});
    driver.stop();
    driver = null;
    assert.equal(sha256(file), digest, 'the file is byte for byte as it was');
    assert.deepEqual(readdirSync(join(dataDir, 'workspaces')).sort(), listing, 'nothing written beside it');
  });

  test('a damaged brand is restored from the fatal screen', async () => {
    const dataDir = tempDataDir();
    const file = join(dataDir, 'workspaces', 'default.tribu');
    driver = await startDriver({ TRIBU_DATA_DIR: dataDir, ...ENV });
    let session = await driver.open();
    await session.waitFor('[data-testid="view-month"]');
    const [network] = await invoke(session, 'networks_list');
    await invoke(session, 'post_create', { input: postInput(network.id, { title: 'Kept by the backup', date: dayOfMonth(new Date(), 9), time: '09:00' }) });
    // The first opening of the day took a backup; one more, with the post.
    const taken = await invoke(session, 'backup_now');
    await session.quit();
    // The file is overwritten by something else.
    writeFileSync(file, 'x'.repeat(8192));
    session = await driver.open();
    await session.waitFor('[data-testid="workspace-error"]');
    await (await session.waitFor(`[data-testid="backup-restore"][data-file="${taken.file}"]`)).click();
    await (await session.waitFor('[data-testid="confirm-delete"]')).click();
    await session.waitFor('[data-testid="view-month"]', { timeout: 15000 });
    const posts = await invoke(session, 'posts_list_range', { start: '2000-01-01T00:00:00Z', end: '2100-01-01T00:00:00Z', filter: {} });
    assert.ok(posts.some((p) => p.title === 'Kept by the backup'));
    const aside = readdirSync(join(dataDir, 'backups', 'default')).filter((f) => f.endsWith('_pre_restore.tribu'));
    assert.equal(aside.length, 1, 'the damaged file is kept among the backups');
    await session.quit().catch(() => {});
    driver.stop();
    driver = null;
  });

  test('a brand another program holds opens read-only and says who holds it', async () => {
    const dataDir = tempDataDir();
    const file = join(dataDir, 'workspaces', 'default.tribu');
    // Made once by the app, then held by "the command line" on this computer.
    driver = await startDriver({ TRIBU_DATA_DIR: dataDir, ...ENV });
    let session = await driver.open();
    await session.waitFor('[data-testid="view-month"]');
    await session.quit();
    const lock = join(dataDir, 'workspaces', '.default.tribu.lock');
    const holder = spawn('python3', [
      '-c',
      `import fcntl, json, sys, time, socket, datetime
f = open(sys.argv[1], "r+")
fcntl.flock(f, fcntl.LOCK_EX)
now = datetime.datetime.now(datetime.timezone.utc).isoformat()
f.truncate(0); f.write(json.dumps({"user": "lea", "host": socket.gethostname(), "pid": 4242, "since": now, "heartbeat": now})); f.flush()
print("held", flush=True)
time.sleep(120)`,
      lock,
    ], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve) => holder.stdout.once('data', resolve));
    try {
      session = await driver.open();
      const banner = await session.waitFor('[data-testid="readonly-banner"]');
      const text = await banner.property('textContent');
      assert.match(text, /lea/);
      const newPost = await session.find('[data-testid="new-post"]');
      assert.equal(await newPost.property('disabled'), true, 'no new post while read-only');
      const refused = await invoke(session, 'networks_list').then(async ([n]) =>
        invoke(session, 'post_create', { input: postInput(n.id, { title: 'Refused' }) }).then(() => null, (e) => e.message),
      );
      assert.match(refused, /read_only/);
      await session.quit().catch(() => {});
    } finally {
      holder.kill('SIGKILL');
    }
    assert.ok(existsSync(file));
  });
});
