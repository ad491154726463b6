// Killed while writing, nothing the window was told is saved is lost: the
// app is killed with SIGKILL in the middle of a stream of writes, twenty
// times, and the file is checked each time by another program (Python's
// sqlite3): every write whose command answered is there, and the file
// passes integrity_check.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { appPid, startDriver, tempDataDir } from '../lib/app.mjs';
import { invoke, postInput } from '../lib/seed.mjs';
import { sleep } from '../lib/webdriver.mjs';

const ENV = { TZ: 'Europe/Paris', LANG: 'en_US.UTF-8' };
const ROUNDS = 20;

/** What another program reads in the file: integrity, titles, each post's day. */
function readFile(file) {
  const out = execFileSync('python3', [
    '-c',
    `import sqlite3, sys, json
from datetime import datetime
from zoneinfo import ZoneInfo
db = sqlite3.connect(sys.argv[1], timeout=10)
check = db.execute("PRAGMA integrity_check").fetchone()[0]
paris = ZoneInfo("Europe/Paris")
posts = {title: datetime.fromtimestamp(at, paris).date().isoformat()
         for (title, at) in db.execute("SELECT title, planned_at FROM post WHERE planned_at IS NOT NULL")}
print(json.dumps({"check": check, "posts": posts}))`,
    file,
  ]);
  return JSON.parse(out.toString());
}

describe('killed while writing', () => {
  const dataDir = tempDataDir();
  const file = join(dataDir, 'workspaces', 'default.tribu');
  let driver;

  before(async () => {
    driver = await startDriver({ TRIBU_DATA_DIR: dataDir, ...ENV });
  });

  after(() => driver?.stop());

  test(`${ROUNDS} SIGKILLs in the middle of writes lose nothing acknowledged`, async () => {
    /** Title → the day its last acknowledged write gave it. */
    const acknowledged = new Map();
    /** Title → post id. */
    const ids = new Map();
    let killedInFlight = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const session = await driver.open();
      await session.waitFor('[data-testid="view-month"]');
      const [network] = await invoke(session, 'networks_list');
      const pid = appPid(dataDir);
      assert.ok(pid, 'the app process is found');
      // Killed after 150 to 1,100 ms of writes, wherever it is then.
      const killAfter = 150 + ((round * 397) % 950);
      let killed = false;
      const killer = sleep(killAfter).then(() => {
        process.kill(pid, 'SIGKILL');
        killed = true;
      });
      const mine = [...acknowledged.keys()].filter((title) => ids.has(title));
      /** The write sent last, which the kill may have cut: saved or not. */
      let inFlight = null;
      for (let k = 0; !killed; k += 1) {
        const day = `2026-12-${String(1 + ((round + k) % 28)).padStart(2, '0')}`;
        try {
          if (k % 3 === 2 && mine.length > 0) {
            // A move of a post saved in an earlier round.
            const title = mine[(round * 7 + k) % mine.length];
            inFlight = { title, day };
            await invoke(session, 'post_move', { id: ids.get(title), date: day, time: '10:00', zone: 'Europe/Paris' });
            acknowledged.set(title, day);
          } else {
            const title = `round ${round} write ${k}`;
            inFlight = { title, day };
            const post = await invoke(session, 'post_create', { input: postInput(network.id, { title, date: day, time: '10:00' }) });
            ids.set(title, post.id);
            acknowledged.set(title, day);
          }
        } catch {
          // The command in flight when the app died: saved or not, it was
          // never acknowledged.
          if (killed) killedInFlight += 1;
          break;
        }
      }
      await killer;
      await session.quit().catch(() => {});
      // The process is gone before the file is read.
      for (let i = 0; i < 50 && appPid(dataDir); i += 1) await sleep(100);
      const seen = readFile(file);
      assert.equal(seen.check, 'ok', `round ${round}: integrity_check`);
      for (const [title, day] of acknowledged) {
        if (inFlight?.title === title && seen.posts[title] === inFlight.day) continue;
        assert.equal(seen.posts[title], day, `round ${round}: "${title}" saved on ${day}`);
      }
      // What the cut write left is what the next rounds build on.
      if (inFlight && seen.posts[inFlight.title] === inFlight.day) {
        acknowledged.set(inFlight.title, inFlight.day);
      }
    }
    assert.ok(acknowledged.size >= ROUNDS, `writes were acknowledged: ${acknowledged.size}`);
    assert.ok(killedInFlight > 0, 'some kills fell in the middle of a command');
  });
});
