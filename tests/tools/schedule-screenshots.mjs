// Screenshots of the scheduling screens, to look at them: a month with a
// weekly series, a late post and public holidays; the editor's recurrence
// controls; the scope dialog; key dates; posts suspended by crisis mode.
// Run under xvfb-run and dbus-run-session; writes tests/artifacts/shot-*.png.

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { screenshot, startDriver, tempDataDir } from '../lib/app.mjs';
import { dayOfMonth, invoke, postInput } from '../lib/seed.mjs';
import { KEY, sleep } from '../lib/webdriver.mjs';

const out = new URL('../artifacts/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const shot = async (name) => {
  await sleep(600);
  try {
    // The desktop's own notification bubbles are not the app's.
    execFileSync('dunstctl', ['close-all'], { stdio: 'ignore' });
    await sleep(200);
  } catch {
    /* no notification daemon to ask */
  }
  screenshot(join(out, `shot-${name}.png`));
  console.log(`wrote shot-${name}.png`);
};

const driver = await startDriver({ TRIBU_DATA_DIR: tempDataDir(), TZ: 'Europe/Paris', LANG: 'fr_FR.UTF-8' });
let session = await driver.open();
try {
  await session.waitFor('[data-testid="view-month"]');
  const networks = await invoke(session, 'networks_list');
  const byName = Object.fromEntries(networks.map((n) => [n.name, n.id]));
  const today = new Date();
  await invoke(session, 'settings_set_locale', { locale: process.env.SHOT_LOCALE || 'fr' });
  await invoke(session, 'settings_set_audience_zone', { zone: 'America/Montreal' });
  const weekly = await invoke(session, 'post_create', {
    input: postInput(byName.LinkedIn, {
      title: 'Astuce du mardi : un conseil pratique',
      status: 'scheduled',
      date: dayOfMonth(today, 3),
      time: '09:30',
      rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=TU,TH;COUNT=12',
    }),
  });
  await invoke(session, 'post_create', {
    input: postInput(byName.Instagram, { title: 'Coulisses de l’atelier', status: 'scheduled', date: dayOfMonth(today, 6), time: '12:00' }),
  });
  await invoke(session, 'post_create', {
    input: postInput(byName.Facebook, { title: 'Question de la semaine', status: 'approved', date: dayOfMonth(today, 13), time: '18:00' }),
  });
  await invoke(session, 'post_create', {
    input: postInput(byName.X, { title: 'Fil : idées reçues sur le lin', status: 'draft', date: dayOfMonth(today, 25), time: '10:00' }),
  });
  await invoke(session, 'post_create', {
    input: postInput(byName.Blog, { title: 'Guide des tailles', status: 'published', date: dayOfMonth(today, 9), time: '08:00' }),
  });
  await invoke(session, 'key_date_create', {
    input: { date: dayOfMonth(today, 27), label: 'Black Friday', kind: 'sale', recurrence: 'yearly' },
  });
  await invoke(session, 'key_date_create', { input: { date: dayOfMonth(today, 20), label: 'Salon du lin', kind: 'event' } });
  await session.quit();
  session = await driver.open();
  await session.waitFor('[data-post-id]');
  await shot('month');

  // The editor of the series, opened from one of its occurrences.
  await session.click(`.fc [data-post-id="${weekly.id}"][data-occurrence-date]`);
  await session.waitFor('[data-testid="post-recurrence"]');
  await session.execute('document.querySelector(\'[data-testid="post-recurrence-group"]\').scrollIntoView({ block: "center" })');
  await shot('editor-recurrence');
  await session.execute('document.querySelector(\'[data-testid="post-reminder"]\').scrollIntoView({ block: "end" })');
  await shot('editor-reminder');
  await session.pressKey(KEY.ESCAPE);
  await session.waitGone('[data-testid="post-editor"]');

  // The scope dialog, after dragging an occurrence to another day.
  const item = await session.find(`.fc [data-post-id="${weekly.id}"][data-occurrence-date="${dayOfMonth(today, 10)}"]`).catch(() => null)
    ?? (await session.findAll(`.fc [data-post-id="${weekly.id}"][data-occurrence-date]`))[1];
  const date = await item.attribute('data-occurrence-date');
  const next = new Date(`${date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  await session.drag(item, await session.find(`td.fc-daygrid-day[data-date="${next.toISOString().slice(0, 10)}"]`));
  await session.waitFor('[data-testid="occurrence-scope-dialog"]');
  await shot('scope-dialog');
  await session.click('[data-testid="occurrence-scope-cancel"]');

  // The audience's clocks.
  await session.click('[data-testid="timezone-audience"]');
  await shot('month-audience');
  await session.click('[data-testid="timezone-computer"]');

  // Week view.
  await session.click('[data-testid="view-week"]');
  await shot('week');
  await session.click('[data-testid="view-month"]');

  // Key dates.
  await session.click('[data-testid="open-key-dates"]');
  await session.waitFor('[data-testid="key-dates-dialog"]');
  await shot('key-dates');
  await session.pressKey(KEY.ESCAPE);

  // Crisis mode suspends every planned post.
  await invoke(session, 'crisis_start', { note: 'Bad buzz' });
  await session.quit();
  session = await driver.open();
  await session.waitFor('.tribu-status-suspended');
  await shot('suspended');
  await session.click('.fc .tribu-status-suspended:not(.tribu-recurring)');
  await session.waitFor('[data-testid="post-suspended-hint"]');
  await shot('editor-suspended');
  await invoke(session, 'crisis_end');
} finally {
  await session.quit().catch(() => {});
  driver.stop();
}
