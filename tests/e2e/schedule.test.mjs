// Scheduling on the calendar: reminders and late posts (desktop notifications
// watched on the session bus), weekly posts and their occurrences, and the
// calendar shown on the audience's clocks. Drives the real app.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setField, setSelect } from '../lib/form.mjs';
import { saveScreenshot, startDriver, tempDataDir } from '../lib/app.mjs';
import { wallClock, waitUntil, watchNotifications } from '../lib/notifications.mjs';
import { invoke, postInput } from '../lib/seed.mjs';
import { KEY } from '../lib/webdriver.mjs';





const PARIS = 'Europe/Paris';
const MONTREAL = 'America/Montreal';
const ENV = { TZ: PARIS, LANG: 'fr_FR.UTF-8' };

/** `YYYY-MM-DD` of day `day` of the month shown (the current month, on Paris's clocks). */
function dayOfThisMonth(day) {
  const today = wallClock(new Date(), PARIS).date;
  return `${today.slice(0, 8)}${String(day).padStart(2, '0')}`;
}

function daysInThisMonth() {
  const [y, m] = wallClock(new Date(), PARIS).date.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const postIn = (date, id) => `td[data-date="${date}"] [data-post-id="${id}"]`;

async function closeEditor(session) {
  if ((await session.findAll('[data-testid="post-title"]')).length > 0) {
    await session.pressKey(KEY.ESCAPE);
    await session.waitGone('[data-testid="post-title"]');
  }
}

/** Quits and relaunches the app on the same data folder (it reads its settings at start). */
async function relaunch(driver, session) {
  await session.quit();
  const next = await driver.open();
  await next.waitFor('[data-testid="view-month"]');
  return next;
}

describe('reminders and late posts', () => {
  let monitor;
  let driver;
  let session;
  let id;
  let planned;
  // Markup characters in the title and the network's name: the body of a
  // notification is read as markup, the summary (the title) as plain text.
  const title = `Rappel e2e ${process.pid} <b>&`;
  const networkName = `Réseau <b>&co ${process.pid}`;

  before(async () => {
    // The monitor listens before the app starts, so no call is missed.
    monitor = watchNotifications();
    await waitUntil(() => monitor.output.length > 0, 5000, 'dbus-monitor to start');
    driver = await startDriver({ TRIBU_DATA_DIR: tempDataDir(), ...ENV });
    session = await driver.open();
    await session.waitFor('[data-testid="view-month"]');
  });

  after(async () => {
    if (session) {
      saveScreenshot('schedule-late-end');
      await session.quit().catch(() => {});
    }
    driver?.stop();
    monitor?.stop();
  });

  test('a post planned in a minute or two gets its reminder at once (default lead: 30 minutes)', async () => {
    const network = await invoke(session, 'network_create', {
      input: { name: networkName, color: '#336699', charLimit: null },
    });
    // The next minute but one: 60 to 120 seconds ahead.
    planned = new Date(Math.floor(Date.now() / 60000) * 60000 + 120000);
    const local = wallClock(planned, PARIS);
    const post = await invoke(session, 'post_create', {
      input: postInput(network.id, { title, status: 'scheduled', date: local.date, time: local.time, zone: PARIS }),
    });
    id = post.id;
    await waitUntil(() => monitor.notifies(title).length >= 1, 20000, `a Notify call with "${title}"`);
    assert.equal(monitor.notifies(title).length, 1, 'one notice so far: the reminder');
    // The body names the network escaped; the summary keeps the title as
    // written (daemons escape the summary themselves).
    const [call] = monitor.notifies(title);
    assert.ok(call.includes(`Réseau &lt;b&gt;&amp;co ${process.pid}`), `the network name escaped in the body:\n${call}`);
    assert.ok(!call.includes(networkName), `no raw markup in the body:\n${call}`);
  });

  test('once its minute has passed unpublished, it is marked late and a second notice comes', async () => {
    assert.ok(id, 'the post of the previous test exists');
    // The day shown is the month of the post (a month's last minute would need the next one).
    const day = wallClock(planned, PARIS).date;
    if ((await session.findAll(`td[data-date="${day}"]:not(.fc-day-other)`)).length === 0) {
      await (await session.find('[data-testid="nav-next"]')).click();
    }
    // The post was made behind the window's back: only the scheduler's
    // posts-due event, once the post is late, brings it to the calendar.
    const late = await session.waitFor(`[data-post-id="${id}"][data-overdue="true"]`, { timeout: 150000 });
    assert.ok(Date.now() >= planned.getTime(), 'marked late only after its time');
    assert.match(await late.property('textContent'), /En retard/);
    await waitUntil(() => monitor.notifies(title).length >= 2, 20000, 'the overdue Notify call');
    saveScreenshot('schedule-late');
  });
});

describe('recurring posts and time zones', () => {
  let driver;
  let session;
  const ids = {};

  before(async () => {
    driver = await startDriver({ TRIBU_DATA_DIR: tempDataDir(), ...ENV });
    session = await driver.open();
    await session.waitFor('[data-testid="view-month"]');
    await invoke(session, 'settings_set_audience_zone', { zone: PARIS });
    session = await relaunch(driver, session);
    await (await session.find('[data-testid="view-month"]')).click();
  });

  after(async () => {
    if (session) {
      saveScreenshot('schedule-end');
      // The zone shown is remembered by the window: leave it on this computer's.
      const computer = await session.findAll('[data-testid="timezone-computer"]').catch(() => []);
      if (computer.length > 0) await computer[0].click().catch(() => {});
      await session.quit().catch(() => {});
    }
    driver?.stop();
  });

  test('a weekly post made in the editor shows on every week of the month', async () => {
    const first = dayOfThisMonth(3);
    await (await session.waitFor(`td.fc-daygrid-day[data-date="${first}"]`)).click();
    await (await session.waitFor('[data-testid="post-title"]')).type('Astuce de la semaine');
    assert.equal(await (await session.find('[data-testid="post-date"]')).property('value'), first);
    await setSelect(session, 'post-recurrence', 'weekly');
    const summary = await session.waitFor('[data-testid="post-recurrence-summary"]');
    assert.match(await summary.text(), /^Toutes les semaines le \w+/);
    await (await session.find('[data-testid="post-save"]')).click();

    const placed = await session.waitFor(`td[data-date="${first}"] [data-post-id]`);
    ids.weekly = await placed.attribute('data-post-id');
    await closeEditor(session);
    const weekdays = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
    const stored = await invoke(session, 'post_get', { id: ids.weekly });
    assert.equal(stored.rrule, `FREQ=WEEKLY;INTERVAL=1;BYDAY=${weekdays[new Date(`${first}T12:00:00Z`).getUTCDay()]}`);

    for (let day = 3; day <= daysInThisMonth(); day += 7) {
      const date = dayOfThisMonth(day);
      await session.waitFor(`${postIn(date, ids.weekly)}[data-occurrence-date="${date}"]`);
    }
    const shown = await session.findAll(`.fc-daygrid-day:not(.fc-day-other) [data-post-id="${ids.weekly}"]`);
    assert.equal(shown.length, Math.floor((daysInThisMonth() - 3) / 7) + 1);
    saveScreenshot('schedule-weekly');
  });

  test('dragging one occurrence, "only this one" moves it alone; Cancel puts one back', async () => {
    const [from, to] = [dayOfThisMonth(10), dayOfThisMonth(12)];
    const item = await session.find(`${postIn(from, ids.weekly)}[data-occurrence-date="${from}"]`);
    await session.drag(item, await session.find(`td.fc-daygrid-day[data-date="${to}"]`));
    await session.waitFor('[data-testid="occurrence-scope-dialog"]');
    saveScreenshot('schedule-scope-dialog');
    await session.click('[data-testid="occurrence-scope-this"]');
    await session.waitFor(`${postIn(to, ids.weekly)}[data-occurrence-date="${from}"]`);
    assert.equal((await session.findAll(postIn(from, ids.weekly))).length, 0);
    for (const day of [3, 17, 24]) {
      const date = dayOfThisMonth(day);
      await session.waitFor(`${postIn(date, ids.weekly)}[data-occurrence-date="${date}"]`);
    }

    // Cancel: the occurrence of the 17th stays where it was.
    const [other, target] = [dayOfThisMonth(17), dayOfThisMonth(19)];
    await session.drag(
      await session.find(`${postIn(other, ids.weekly)}[data-occurrence-date="${other}"]`),
      await session.find(`td.fc-daygrid-day[data-date="${target}"]`),
    );
    await session.click('[data-testid="occurrence-scope-cancel"]');
    await session.waitGone('[data-testid="occurrence-scope-dialog"]');
    await session.waitFor(`${postIn(other, ids.weekly)}[data-occurrence-date="${other}"]`);
    assert.equal((await session.findAll(postIn(target, ids.weekly))).length, 0);
  });

  test('in the editor, a new date for one occurrence moves it and the following ones, not the earlier ones', async () => {
    const [from, to] = [dayOfThisMonth(24), dayOfThisMonth(25)];
    await session.click(`${postIn(from, ids.weekly)}[data-occurrence-date="${from}"]`);
    await session.waitFor('[data-testid="post-occurrence"]');
    assert.equal(await (await session.find('[data-testid="occurrence-date"]')).property('value'), from);
    await setField(session, 'occurrence-date', to);
    await session.click('[data-testid="occurrence-scope-following"]');
    await session.waitGone('[data-testid="post-editor"]');
    // From the 25th on, a series of its own; the 24th is empty.
    const moved = await session.waitFor(`td[data-date="${to}"] [data-post-id]`);
    assert.match(await moved.property('textContent'), /Astuce de la semaine/);
    assert.equal((await session.findAll(`td[data-date="${from}"] [data-post-id]`)).length, 0);
    // The earlier ones are untouched, the one moved alone before included.
    await session.waitFor(`${postIn(dayOfThisMonth(3), ids.weekly)}[data-occurrence-date="${dayOfThisMonth(3)}"]`);
    await session.waitFor(`${postIn(dayOfThisMonth(12), ids.weekly)}[data-occurrence-date="${dayOfThisMonth(10)}"]`);
  });

  test('with the audience in Montreal, the toggle shows a 09:00 Paris post at its Montreal time, and back', async () => {
    const [network] = await invoke(session, 'networks_list');
    const day = dayOfThisMonth(20);
    const post = await invoke(session, 'post_create', {
      input: postInput(network.id, { title: 'Direct de 9 h', status: 'scheduled', date: day, time: '09:00', zone: PARIS }),
    });
    await invoke(session, 'settings_set_audience_zone', { zone: MONTREAL });
    session = await relaunch(driver, session);

    const toggle = await session.waitFor('[data-testid="timezone-toggle"]');
    assert.match(await toggle.text(), /Audience : Montreal/);
    assert.match(await toggle.text(), /Cet ordinateur : Paris/);
    // Read in the page: the calendar redraws its items when the zone changes.
    const timeOf = () =>
      session.execute(
        'const el = document.querySelector(arguments[0]); return el ? el.textContent.trim() : null;',
        [`[data-post-id="${post.id}"] .tribu-event-time`],
      );

    await session.click('[data-testid="timezone-computer"]');
    await waitUntil(async () => (await timeOf()) === '09:00', 10000, '09:00 on this computer');
    await session.waitFor(postIn(day, post.id));

    // 09:00 in Paris is 03:00 in Montreal (02:00 or 04:00 in the weeks the
    // two zones change their clocks on different dates).
    const montreal = wallClock(new Date(post.plannedAt), MONTREAL);
    await session.click('[data-testid="timezone-audience"]');
    await waitUntil(async () => (await timeOf()) === montreal.time, 10000, `${montreal.time} in Montreal`);
    await session.waitFor(postIn(montreal.date, post.id));
    assert.equal(await (await session.find('[data-testid="timezone-audience"]')).attribute('aria-pressed'), 'true');
    saveScreenshot('schedule-audience-zone');

    await session.click('[data-testid="timezone-computer"]');
    await waitUntil(async () => (await timeOf()) === '09:00', 10000, 'back to 09:00');
  });
});
