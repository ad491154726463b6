// CPU used by the idle app over one minute, with 1,000 posts planned in the
// coming weeks (so the reminder scheduler has work ahead of it) and the
// calendar showing the current month. Reads utime + stime from /proc for the
// app and its WebKit processes (found by the data folder in their
// environment), before and after a minute of no input, and prints a
// Markdown row for BENCHMARKS.md.
// Run: make bench (or, with the app built,
//   xvfb-run -a dbus-run-session -- node tests/bench/idle-cpu.mjs)

import { readdirSync, readFileSync } from 'node:fs';
import { startDriver, tempDataDir } from '../lib/app.mjs';
import { invoke, postInput } from '../lib/seed.mjs';
import { sleep } from '../lib/webdriver.mjs';

const POSTS = 1000;
const IDLE_SECONDS = 60;
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Processes whose environment names `dataDir`: the app and its WebKit children. */
function processesOf(dataDir) {
  const marker = `TRIBU_DATA_DIR=${dataDir}`;
  const found = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      const name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      if (env.includes(marker) && !['node', 'tauri-driver', 'WebKitWebDriver'].includes(name)) {
        found.push({ pid, name });
      }
    } catch {
      /* gone, or not ours to read */
    }
  }
  return found;
}

/** utime + stime of `pid`, in clock ticks. */
function cpuTicks(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

const dataDir = tempDataDir();
const driver = await startDriver({ TRIBU_DATA_DIR: dataDir, TZ: 'Europe/Paris', LANG: 'en_US.UTF-8' });
const session = await driver.open();
try {
  await session.waitFor('[data-testid="view-month"]');
  const networks = await invoke(session, 'networks_list');
  const start = new Date();
  for (let i = 0; i < POSTS; i += 1) {
    // From tomorrow on, spread over 50 days, at varied hours.
    const day = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1 + (i % 50));
    const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    const input = postInput(networks[i % networks.length].id, {
      title: `Post ${i + 1}`,
      status: 'scheduled',
      date,
      time: `${String(8 + (i % 12)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`,
    });
    await invoke(session, 'post_create', { input });
  }
  // Let the calendar and the scheduler settle after the seeding.
  await session.execute('location.reload()');
  await session.waitFor('[data-post-id]');
  await sleep(5000);

  const processes = processesOf(dataDir);
  if (processes.length === 0) throw new Error('the app process was not found');
  const before = processes.map((p) => cpuTicks(p.pid));
  const startedAt = process.hrtime.bigint();
  await sleep(IDLE_SECONDS * 1000);
  const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  const used = processes.map((p, i) => (cpuTicks(p.pid) - before[i]) / TICKS_PER_SECOND);
  const total = used.reduce((a, b) => a + b, 0);
  const detail = processes.map((p, i) => `${p.name} ${used[i].toFixed(2)} s`).join(', ');
  console.log('| idle app, 1,000 planned posts | wall time | CPU time | average CPU | by process |');
  console.log('|---|---|---|---|---|');
  console.log(
    `| month view open, no input | ${seconds.toFixed(0)} s | ${total.toFixed(2)} s | ${((100 * total) / seconds).toFixed(2)} % of one core | ${detail} |`,
  );
} finally {
  await session.quit().catch(() => {});
  driver.stop();
}
