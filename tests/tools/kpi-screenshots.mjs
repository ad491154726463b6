// Screenshots of the KPI panel in the real app, to look at: empty, filled
// (cards, trend, bars, heatmap, top and flop, regularity), the objectives,
// the CSV preview with a bad line, and a published post's results in the
// editor. Writes PNGs into $OUT (tests/artifacts/kpi by default).
// Run, with the app built:
//   xvfb-run -a -s "-screen 0 1440x900x24" dbus-run-session -- node tests/tools/kpi-screenshots.mjs

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { screenshot, startDriver, tempDataDir } from '../lib/app.mjs';
import { dayFrom, seedFrequencies, seedKpis, seedObservations, seedPosts } from '../lib/kpi-seed.mjs';
import { invoke } from '../lib/seed.mjs';
import { sleep } from '../lib/webdriver.mjs';

const out = resolve(process.env.OUT || new URL('../artifacts/kpi', import.meta.url).pathname);
const locale = process.env.SHOT_LOCALE || 'fr';
mkdirSync(out, { recursive: true });
const dataDir = tempDataDir();
const driver = await startDriver({ TRIBU_DATA_DIR: dataDir, TZ: 'Europe/Paris', LANG: locale === 'fr' ? 'fr_FR.UTF-8' : 'en_US.UTF-8' });
let session = await driver.open();
const shot = async (name) => {
  await sleep(700);
  screenshot(join(out, `${name}.png`));
  console.log(join(out, `${name}.png`));
};
const scrollPanel = (y) => session.execute(`document.querySelector('[data-testid="kpi-scroll"]').scrollTop = arguments[0];`, [y]);
const scrollTo = (css) =>
  session.execute(
    `const el = document.querySelector(arguments[0]); const box = document.querySelector('[data-testid="kpi-scroll"]');
     box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;`,
    [css],
  );
try {
  await session.waitFor('[data-testid="view-month"]');
  await invoke(session, 'settings_set_locale', { locale });
  const networks = (await invoke(session, 'networks_list')).slice(0, 6);

  await session.click('[data-testid="nav-kpi"]');
  await session.waitFor('[data-testid="kpi-empty-objectives"]');
  await shot('01-empty');

  await seedObservations(session, networks, 200);
  await seedKpis(session, networks, { start: dayFrom(-150), deadline: dayFrom(60), perNetwork: 3 });
  await seedFrequencies(session, networks, [3, 5, 2, 4]);
  await seedPosts(session, networks, 900, 200);
  // Relaunch, as a user would come back to it.
  await session.quit();
  session = await driver.open();
  await session.waitFor('[data-testid="view-month"]');
  await session.click('[data-testid="nav-kpi"]');
  const select = await session.waitFor('[data-testid="kpi-period"]');
  await session.execute(`arguments[0].value = 'last_90_days'; arguments[0].dispatchEvent(new Event('change', { bubbles: true }));`, [select]);
  await session.waitFor('[data-testid="kpi-card"]');
  await sleep(1500);
  await shot('02-panel-top');
  await scrollTo('[data-testid="kpi-trend"]');
  await shot('03-panel-trend');
  await scrollTo('[data-testid="kpi-networks-chart"]');
  await shot('04-panel-bars');
  await scrollTo('[data-testid="kpi-heatmap"]');
  await shot('05-panel-heatmap');
  // A slot's tooltip: its median rate and how many posts it holds.
  const heatmap = await session.find('[data-testid="kpi-heatmap"]');
  const box = await heatmap.rect();
  await session.cmd('POST', '/actions', {
    actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
      { type: 'pointerMove', duration: 0, x: Math.round(box.x + box.width * 0.55), y: Math.round(box.y + box.height * 0.35), origin: 'viewport' },
      { type: 'pointerMove', duration: 100, x: Math.round(box.x + box.width * 0.56), y: Math.round(box.y + box.height * 0.36), origin: 'viewport' },
    ] }],
  });
  await shot('05b-heatmap-tooltip');
  await session.cmd('DELETE', '/actions');
  await scrollTo('[data-testid="kpi-top"]');
  await shot('06-panel-top-flop');
  await scrollPanel(100000);
  await shot('07-panel-bottom');

  await session.click('[data-testid="kpi-nav-objectives"]');
  await session.waitFor('[data-testid="kpi-objective"]');
  await shot('08-objectives');
  await session.click('[data-testid="kpi-edit"]');
  await session.waitFor('[data-testid="kpi-kpi-dialog"]');
  await shot('09-kpi-dialog');
  await session.click('[data-testid="kpi-form-cancel"]');

  const file = join(dataDir, 'stats.csv');
  writeFileSync(
    file,
    [
      'Date;Réseau;Abonnés;Portée;Clics',
      `${dayFrom(-5)};Instagram;2410;1200;14`,
      `${dayFrom(-4)};Instagram;2431;beaucoup;9`,
      `${dayFrom(-3)};Instagram;2440;1310;11`,
      `${dayFrom(-2)};Mastodon;2452;1290;12`,
      `${dayFrom(-1)};Instagram;2466;;10`,
      '',
    ].join('\n'),
  );
  await session.click('[data-testid="kpi-import-csv"]');
  await (await session.waitFor('[data-testid="kpi-csv-file"]')).type(file);
  await session.waitFor('[data-testid="kpi-csv-preview"]');
  await session.click('[data-testid="kpi-csv-only-problems"]');
  await shot('10-csv-preview');
  await session.click('[data-testid="kpi-csv-cancel"]');

  await session.click('[data-testid="kpi-nav-dashboard"]');
  const top = await session.waitFor('[data-testid="kpi-top-post"]');
  await session.execute(`arguments[0].scrollIntoView({ block: 'center' });`, [top]);
  await top.click();
  const results = await session.waitFor('[data-testid="post-results"]');
  await session.execute(`arguments[0].scrollIntoView({ block: 'start' });`, [results]);
  await shot('11-post-results');
} finally {
  await session.quit().catch(() => {});
  driver.stop();
}
