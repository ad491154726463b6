// The window follows what changes in the workspace, whoever changed it: a
// command sent by something other than the view showing the data, and a
// commit made to the file by another program. Nothing is reloaded by hand.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startDriver, tempDataDir } from '../lib/app.mjs';
import { dayOfMonth, invoke, postInput } from '../lib/seed.mjs';

const ENV = { TZ: 'Europe/Paris', LANG: 'en_US.UTF-8' };

describe('the changed event', () => {
  const dataDir = tempDataDir();
  const file = join(dataDir, 'workspaces', 'default.tribu');
  let driver;
  let session;

  before(async () => {
    driver = await startDriver({ TRIBU_DATA_DIR: dataDir, ...ENV });
    session = await driver.open();
    await (await session.waitFor('[data-testid="view-month"]')).click();
  });

  after(async () => {
    await session?.quit().catch(() => {});
    driver?.stop();
  });

  test('a post created outside the calendar shows on it', async () => {
    const networks = await invoke(session, 'networks_list');
    const day = dayOfMonth(new Date(), 12);
    const post = await invoke(session, 'post_create', {
      input: postInput(networks[0].id, { title: 'Made elsewhere', date: day, time: '10:00' }),
    });
    const shown = await session.read(`td[data-date="${day}"] [data-post-id="${post.id}"]`, (el) => el.property('textContent'));
    assert.match(shown, /Made elsewhere/);
  });

  test('a key date another program writes into the file shows on the calendar', async () => {
    const day = dayOfMonth(new Date(), 17);
    // Another writer of the same SQLite file (as the command line will be),
    // committing while the app keeps its own connection open.
    execFileSync('python3', [
      '-c',
      `import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=10)
db.execute("INSERT INTO key_date (id, day, label, kind, recurrence) VALUES ('external-1', ?, 'Trade fair', 'event', 'none')", (sys.argv[2],))
db.commit()
db.close()`,
      file,
      day,
    ]);
    const label = await session.read(`td[data-date="${day}"] .tribu-keydate-label`, (el) => el.property('textContent'));
    assert.equal(label, 'Trade fair');
  });
});
