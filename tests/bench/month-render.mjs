// Month view with 1,000 posts in the visible month, rendered in the app's own
// webview (WebKitGTK under Xvfb). Reads the UI's benchmark hook
// (window.__tribuPerf.renders: from the posts' arrival to the next frame
// after FullCalendar drew them) over a first render and 20 switches back to
// the month, and prints a Markdown row for BENCHMARKS.md; then times 200
// drops as the UI makes them (post_move through IPC until committed).
// Run: make bench (or, with the app built, xvfb-run -a node tests/bench/month-render.mjs)

import { startDriver, tempDataDir } from '../lib/app.mjs';
import { dayOfMonth, invoke, postInput } from '../lib/seed.mjs';
import { sleep } from '../lib/webdriver.mjs';

const POSTS = 1000;
const driver = await startDriver({ TRIBU_DATA_DIR: tempDataDir(), TZ: 'Europe/Paris', LANG: 'en_US.UTF-8' });
const session = await driver.open();
try {
  await session.waitFor('[data-testid="view-month"]');
  const networks = await invoke(session, 'networks_list');
  const today = new Date();
  for (let i = 0; i < POSTS; i += 1) {
    const input = postInput(networks[i % networks.length].id, {
      title: `Post ${i + 1}`,
      date: dayOfMonth(today, 1 + (i % 28)),
      time: `${String(8 + (i % 12)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`,
    });
    await invoke(session, 'post_create', { input });
  }
  const renders = async () => session.execute('return (window.__tribuPerf && window.__tribuPerf.renders) || []');
  const click = async (id) => (await session.find(`[data-testid="${id}"]`)).click();
  await click('nav-next');
  await sleep(500);
  const start = (await renders()).length;
  await click('nav-prev');
  await sleep(800);
  for (let i = 0; i < 20; i += 1) {
    await click('nav-next');
    await sleep(300);
    await click('nav-prev');
    await sleep(800);
  }
  const month = (await renders()).slice(start).filter((r) => r.events >= POSTS);
  if (month.length === 0) throw new Error('no render of the 1,000-post month was recorded');
  const sorted = (key) => month.map((r) => r[key]).sort((a, b) => a - b);
  const pct = (values, p) => values[Math.round((values.length - 1) * p)].toFixed(1);
  const ms = sorted('ms');
  const script = sorted('script');
  const dom = await session.execute('return document.querySelectorAll(".fc-daygrid-event").length');

  // A drop as the UI makes it: post_move through IPC, resolved once the
  // store has committed (fsync'd) the move.
  const posts = await invoke(session, 'posts_list_range', {
    start: `${dayOfMonth(today, 1)}T00:00:00Z`,
    end: `${dayOfMonth(today, 28)}T00:00:00Z`,
    filter: { networkIds: [], statuses: [], themes: [] },
  });
  const drops = await session.cmd('POST', '/execute/async', {
    script: `const [ids, days, done] = arguments; const out = [];
      (async () => {
        for (let i = 0; i < ids.length; i += 1) {
          const t = performance.now();
          await window.__TAURI_INTERNALS__.invoke('post_move', { id: ids[i], date: days[i % days.length], time: null, zone: 'Europe/Paris' });
          out.push(performance.now() - t);
        }
        done(out);
      })();`,
    args: [posts.slice(0, 200).map((p) => p.id), [3, 9, 14, 20, 26].map((d) => dayOfMonth(today, d))],
  });
  drops.sort((a, b) => a - b);
  console.log('| month view, 1,000 posts in the month, app webview | first | p50 | p95 | script p50 | DOM events |');
  console.log('|---|---|---|---|---|---|');
  console.log(
    `| ${month.length} renders | ${month[0].ms.toFixed(1)} ms | ${pct(ms, 0.5)} ms | ${pct(ms, 0.95)} ms | ${pct(script, 0.5)} ms | ${dom} |`,
  );
  console.log('');
  console.log('| drop persisted through the app (post_move over IPC → committed) | p50 | p95 |');
  console.log('|---|---|---|');
  console.log(`| ${drops.length} drops | ${pct(drops, 0.5)} ms | ${pct(drops, 0.95)} ms |`);
} finally {
  await session.quit().catch(() => {});
  driver.stop();
}
