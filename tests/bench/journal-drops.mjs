// What the journal adds to a drop as the app makes it: post_move through
// IPC until the store has committed (fsync'd) the move and its journal
// entry. With TRIBU_APP_BASELINE set to a build without the journal, the
// two binaries are run alternately (three sessions each, 200 drops a
// session, on 1,000 posts) so that the machine's drift falls on both.
// Run: make bench, or with the app built:
//   TRIBU_APP_BASELINE=/path/to/old/tribu xvfb-run -a dbus-run-session -- node tests/bench/journal-drops.mjs

import { appBinary, startDriver, tempDataDir } from '../lib/app.mjs';
import { dayOfMonth, invoke, postInput } from '../lib/seed.mjs';

const POSTS = 1000;
const DROPS = 200;
const ROUNDS = 3;

async function session(binary) {
  const driver = await startDriver({
    TRIBU_DATA_DIR: tempDataDir(),
    TZ: 'Europe/Paris',
    LANG: 'en_US.UTF-8',
  });
  const s = await driver.open(binary);
  try {
    await s.waitFor('[data-testid="view-month"]');
    const networks = await invoke(s, 'networks_list');
    const today = new Date();
    const inputs = [];
    for (let i = 0; i < POSTS; i += 1) {
      inputs.push(
        postInput(networks[i % networks.length].id, {
          title: `Post ${i + 1}`,
          date: dayOfMonth(today, 1 + (i % 28)),
          time: `${String(8 + (i % 12)).padStart(2, '0')}:00`,
        }),
      );
    }
    for (const input of inputs) await invoke(s, 'post_create', { input });
    const posts = await invoke(s, 'posts_list_range', {
      start: `${dayOfMonth(today, 1)}T00:00:00Z`,
      end: `${dayOfMonth(today, 28)}T00:00:00Z`,
      filter: { networkIds: [], statuses: [], themes: [] },
    });
    // Each drop is announced (the `changed` event) and the calendar on
    // screen fetches and draws its month again, on the page's thread the
    // next drop waits on: timed on the charter screen, the figure is the
    // IPC and the commit alone. (On the calendar, both builds give about
    // 170 ms at p95 for that redraw.)
    if (process.env.TRIBU_DROPS_ON_CALENDAR !== '1') {
      await s.click('[data-testid="nav-charter"]');
      await s.waitFor('[data-testid="charter-undo"]');
    }
    return await s.cmd('POST', '/execute/async', {
      script: `const [ids, days, done] = arguments; const out = [];
        (async () => {
          for (let i = 0; i < ids.length; i += 1) {
            const t = performance.now();
            await window.__TAURI_INTERNALS__.invoke('post_move', { id: ids[i], date: days[i % days.length], time: null, zone: 'Europe/Paris' });
            out.push(performance.now() - t);
          }
          done(out);
        })();`,
      args: [posts.slice(0, DROPS).map((p) => p.id), [3, 9, 14, 20, 26].map((d) => dayOfMonth(today, d))],
    });
  } finally {
    await s.quit().catch(() => {});
    driver.stop();
  }
}

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.round((sorted.length - 1) * p)].toFixed(1);
};

const current = appBinary();
const baseline = process.env.TRIBU_APP_BASELINE;
const runs = { current: [], baseline: [] };
for (let round = 0; round < ROUNDS; round += 1) {
  if (baseline) runs.baseline.push(...(await session(baseline)));
  runs.current.push(...(await session(current)));
}
console.log('| drop persisted through the app (post_move over IPC → committed), debug build | drops | p50 | p95 |');
console.log('|---|---|---|---|');
if (baseline) {
  console.log(`| without the journal (${baseline}) | ${runs.baseline.length} | ${pct(runs.baseline, 0.5)} ms | ${pct(runs.baseline, 0.95)} ms |`);
}
console.log(`| with the journal (${current}) | ${runs.current.length} | ${pct(runs.current, 0.5)} ms | ${pct(runs.current, 0.95)} ms |`);
if (baseline) {
  const added = (Number(pct(runs.current, 0.95)) - Number(pct(runs.baseline, 0.95))).toFixed(1);
  console.log(`\nAdded by the journal at p95: ${added} ms (budget ≤ 2 ms).`);
}
