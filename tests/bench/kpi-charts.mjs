// The KPI panel's charts in the app's own webview (WebKitGTK under Xvfb):
// a workspace with three years of daily values for 8 networks (followers,
// reach, impressions, clicks: 35,040 values imported as the CSV import does)
// and 10,000 published posts with results, 10 KPIs, shown for one year.
// Reads the UI's benchmark hooks (window.__tribuPerf.charts: from setOption
// to each chart's `finished` event; kpiPanels: from the dashboard's arrival
// to the last chart's `finished`) over 10 reloads of the panel, and prints
// a Markdown table for BENCHMARKS.md.
// Run: make bench (or, with the app built,
//   xvfb-run -a dbus-run-session -- node tests/bench/kpi-charts.mjs)
// POSTS=2000 node tests/bench/kpi-charts.mjs seeds fewer posts.

import { startDriver, tempDataDir } from '../lib/app.mjs';
import { setField } from '../lib/form.mjs';
import { dayFrom, seedFrequencies, seedKpis, seedObservations, seedPosts } from '../lib/kpi-seed.mjs';
import { invoke } from '../lib/seed.mjs';
import { sleep } from '../lib/webdriver.mjs';

const POSTS = Number(process.env.POSTS || 10000);
const DAYS = 3 * 365;
const RELOADS = 10;

const driver = await startDriver({ TRIBU_DATA_DIR: tempDataDir(), TZ: 'Europe/Paris', LANG: 'en_US.UTF-8' });
const session = await driver.open();
try {
  await session.waitFor('[data-testid="view-month"]');
  const networks = (await invoke(session, 'networks_list')).slice(0, 8);
  let t = performance.now();
  const values = await seedObservations(session, networks, DAYS);
  console.error(`${values} values imported in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await seedKpis(session, networks, { start: dayFrom(-DAYS + 1), deadline: dayFrom(180) });
  await seedFrequencies(session, networks, [3, 5, 2, 7]);
  t = performance.now();
  const posts = await seedPosts(session, networks, POSTS, DAYS);
  console.error(`${posts} published posts with results in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const perf = () => session.execute('return window.__tribuPerf || {}');
  const panels = async () => (await perf()).kpiPanels?.length ?? 0;
  async function waitPanel(count) {
    const until = Date.now() + 60000;
    while ((await panels()) < count) {
      if (Date.now() > until) throw new Error('the panel did not finish drawing');
      await sleep(100);
    }
  }

  // One year, as the panel shows it.
  await session.click('[data-testid="nav-kpi"]');
  await session.waitFor('[data-testid="kpi-card"]');
  const select = await session.find('[data-testid="kpi-period"]');
  await session.execute(
    `arguments[0].value = 'custom'; arguments[0].dispatchEvent(new Event('change', { bubbles: true }));`,
    [select],
  );
  await setField(session, 'kpi-period-start', dayFrom(-364));
  await setField(session, 'kpi-period-end', dayFrom(0));
  await sleep(3000);
  await session.execute('window.__tribuPerf.charts = []; window.__tribuPerf.kpiPanels = [];');

  for (let i = 1; i <= RELOADS; i += 1) {
    await session.click('[data-testid="nav-calendar"]');
    await sleep(300);
    await session.click('[data-testid="nav-kpi"]');
    await waitPanel(i);
    await sleep(500);
  }
  const { charts = [], kpiPanels = [] } = await perf();
  const cards = await session.execute('return document.querySelectorAll("[data-testid=kpi-card]").length');
  const published = await session.execute('return document.querySelector("[data-testid=kpi-total-published]")?.textContent');

  const pct = (values, p) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.round((sorted.length - 1) * p)].toFixed(1);
  };
  const row = (label, values) => `| ${label} | ${values.length} | ${pct(values, 0.5)} ms | ${pct(values, 0.95)} ms | ≤ 100 ms |`;
  console.log(`| KPI panel, 1 year of ${published} published posts, ${cards} KPI cards, app webview | draws | p50 | p95 | target |`);
  console.log('|---|---|---|---|---|');
  for (const kind of ['trend', 'networks', 'formats', 'heatmap']) {
    const ms = charts.filter((c) => c.chart === kind).map((c) => c.ms);
    if (ms.length) console.log(row(`${kind} chart (setOption → finished)`, ms));
  }
  console.log(row('whole panel (dashboard arrived → last chart finished)', kpiPanels.map((p) => p.ms)));
  console.log(row('of which the DOM update before the charts', kpiPanels.map((p) => p.dom)).replace('≤ 100 ms', '—'));
  console.log(row('kpi_dashboard over IPC, debug build (for reference)', kpiPanels.map((p) => p.ipc)).replace('≤ 100 ms', '—'));
} finally {
  await session.quit().catch(() => {});
  driver.stop();
}
