// Switching brands in the real app: from a small brand to a 100,000-post one
// and back, each time from the click in the switcher's menu to the
// calendar drawn with the brand's posts (the UI's benchmark hook,
// window.__tribuPerf.renders, whose `at` marks the frame after the draw).
// Beside it, in the same run: the same month of the big brand redrawn by
// going to the next month and back (no switch), the floor of a switch.
// Prints Markdown rows for BENCHMARKS.md.
// Run: make bench (or, with the app built, xvfb-run -a dbus-run-session -- node tests/bench/brand-switch.mjs;
// TRIBU_APP=<target>/release/tribu for the release app)

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startDriver, tempDataDir } from '../lib/app.mjs';
import { invoke } from '../lib/seed.mjs';
import { sleep } from '../lib/webdriver.mjs';

const POSTS = 100_000;
const ROUNDS = 12;
const root = resolve(new URL('.', import.meta.url).pathname, '../..');
const dataDir = tempDataDir();
const big = join(dataDir, 'workspaces', 'grande-marque.tribu');
mkdirSync(join(dataDir, 'workspaces'), { recursive: true });
execFileSync('cargo', ['run', '--quiet', '--release', '-p', 'tribu-core', '--example', 'seed_workspace', '--', big, String(POSTS)], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
});

const driver = await startDriver({ TRIBU_DATA_DIR: dataDir, TZ: 'Europe/Paris', LANG: 'en_US.UTF-8' });
const session = await driver.open();
try {
  await session.waitFor('[data-testid="view-month"]');
  const small = (await invoke(session, 'brand_create', {
    input: { name: 'Petite marque', locale: 'en', networks: ['instagram', 'linkedin'], zone: 'Europe/Paris', charter: 'empty' },
  })).path;
  // The window follows the brand the command opened.
  await sleep(1500);

  /** Clicks `css` in the page and resolves with the ms until a render of `minEvents`+ posts is drawn. */
  const timeTo = async (clickCss, minEvents, maxEvents = Infinity) => {
    const t0 = await session.execute(
      `const el = document.querySelector(arguments[0]); const t = performance.now(); el.click(); return t;`,
      [clickCss],
    );
    const deadline = Date.now() + 20000;
    while (Date.now() < deadline) {
      const renders = await session.execute('return (window.__tribuPerf && window.__tribuPerf.renders) || []');
      const done = renders.find((r) => r.at > t0 && r.events >= minEvents && r.events <= maxEvents);
      if (done) return done.at - t0;
      await sleep(20);
    }
    throw new Error(`no render after clicking ${clickCss}`);
  };
  const openMenu = async () => {
    await (await session.find('[data-testid="workspace-switcher"]')).click();
    await session.waitFor('[data-testid="workspace-menu"]');
  };
  const toBig = [];
  const toSmall = [];
  const redraw = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    await openMenu();
    toBig.push(await timeTo(`[data-testid="workspace-item"][data-path="${big}"]`, 1000));
    await sleep(400);
    // The floor: the same month of the big brand drawn again, no switch.
    await (await session.find('[data-testid="nav-next"]')).click();
    await sleep(600);
    redraw.push(await timeTo('[data-testid="nav-prev"]', 1000));
    await sleep(400);
    await openMenu();
    toSmall.push(await timeTo(`[data-testid="workspace-item"][data-path="${small}"]`, 0, 0));
    await sleep(400);
  }
  const monthPosts = (await session.execute('return window.__tribuPerf.renders.map((r) => r.events)')).reduce((a, b) => Math.max(a, b), 0);
  const pct = (values, p) => [...values].sort((a, b) => a - b)[Math.round((values.length - 1) * p)].toFixed(0);
  const build = (process.env.TRIBU_APP || '').includes('/release/') ? 'release' : 'debug';
  console.log(`| switching brands, ${build} app, Xvfb, ${ROUNDS} rounds | p50 | p95 |`);
  console.log('|---|---|---|');
  console.log(`| small → ${POSTS.toLocaleString('en')}-post brand (its month: ${monthPosts} posts), click to calendar drawn | ${pct(toBig, 0.5)} ms | ${pct(toBig, 0.95)} ms |`);
  console.log(`| ${POSTS.toLocaleString('en')}-post brand → small, click to calendar drawn | ${pct(toSmall, 0.5)} ms | ${pct(toSmall, 0.95)} ms |`);
  console.log(`| beside it: the big brand's month drawn again (next, then back), no switch | ${pct(redraw, 0.5)} ms | ${pct(redraw, 0.95)} ms |`);
} finally {
  await session.quit().catch(() => {});
  driver.stop();
}
