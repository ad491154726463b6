// Crisis mode and the posting rhythm, end to end. A crisis: the French
// starter charter gives the crisis plan its rapid-response steps; turning
// the switch on suspends every planned post (not the published one) and
// shows the banner; a step ticked and a note added are logged with their
// time; ending the crisis gives each post its own status back, and the
// post-mortem lists it all. A crisis outlives a restart. The rhythm: with a
// target of 3 posts a week on Instagram set in the planning settings and
// one post in a week, that week is listed and marked as under target.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { saveScreenshot, startDriver, tempDataDir } from '../lib/app.mjs';
import { invoke, postInput } from '../lib/seed.mjs';
import { sleep } from '../lib/webdriver.mjs';





const pad = (n) => String(n).padStart(2, '0');
const ymd = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** `YYYY-MM-DD` of today plus `n` days, in the computer's zone. */
const inDays = (n) => {
  const d = new Date();
  return ymd(new Date(d.getFullYear(), d.getMonth(), d.getDate() + n));
};

async function textOf(session, css) {
  return (await session.read(css, (el) => el.property('textContent'))).replace(/\s+/g, ' ').trim();
}

async function waitUntil(check, what, timeout = 15000) {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** Moves the month view until the day cell of `date` is on screen. */
async function showDay(session, date) {
  for (let i = 0; i < 3; i += 1) {
    if ((await session.findAll(`td.fc-daygrid-day[data-date="${date}"]`)).length > 0) return;
    const first = await (await session.find('td.fc-daygrid-day[data-date]')).attribute('data-date');
    await session.click(`[data-testid="${date < first ? 'nav-prev' : 'nav-next'}"]`);
    await sleep(300);
  }
  await session.waitFor(`td.fc-daygrid-day[data-date="${date}"]`);
}

/** The status class a post carries on the calendar (`tribu-status-…`). */
async function statusClassOf(session, date, id) {
  await showDay(session, date);
  const classes = await session.read(`td[data-date="${date}"] [data-post-id="${id}"]`, (el) => el.attribute('class'));
  return /tribu-status-(\w+)/.exec(classes)?.[1];
}

describe('crisis mode', () => {
  const dataDir = tempDataDir();
  let driver;
  let session;
  const posts = {};
  const note = 'Plaintes sur un lot <b>défectueux</b>';
  const logNote = 'Appel avec la direction qualité';

  before(async () => {
    driver = await startDriver({ TRIBU_DATA_DIR: dataDir, TZ: 'Europe/Paris', LANG: 'fr_FR.UTF-8' });
    session = await driver.open();
    await session.waitFor('[data-testid="view-month"]');
  });

  after(async () => {
    if (session) {
      saveScreenshot('crisis-end');
      await session.quit().catch(() => {});
    }
    driver?.stop();
  });

  test('the French template, and three planned posts and a published one', async () => {
    await session.click('[data-testid="nav-charter"]');
    await session.click('[data-testid="charter-template-fr"]');
    await session.waitFor('[data-testid="charter-save-state"]', {
      predicate: async (el) => /enregistr/i.test(await el.text()),
    });
    const charter = await invoke(session, 'charter_get');
    assert.ok(charter.crisis.rapidSteps.length > 0, 'the template has rapid-response steps');

    const networks = await invoke(session, 'networks_list');
    const instagram = networks.find((n) => n.name === 'Instagram').id;
    const seeds = [
      ['draft', inDays(2), 'Brouillon à venir'],
      ['approved', inDays(3), 'Validée à venir'],
      ['scheduled', inDays(4), 'Programmée à venir'],
      ['published', inDays(-1), 'Déjà publiée'],
    ];
    for (const [status, date, title] of seeds) {
      const post = await invoke(session, 'post_create', { input: postInput(instagram, { title, status, date, time: '10:00' }) });
      posts[status] = { id: post.id, date };
    }
    // The calendar is made anew on the way back, with these posts.
    await session.click('[data-testid="nav-calendar"]');
    assert.equal(await statusClassOf(session, posts.draft.date, posts.draft.id), 'draft');
  });

  test('turning crisis mode on asks first, then suspends the planned posts and shows the banner', async () => {
    assert.equal(await (await session.find('[data-testid="crisis-toggle"]')).attribute('aria-checked'), 'false');
    await session.click('[data-testid="crisis-toggle"]');
    const dialog = await session.waitFor('[data-testid="crisis-start-dialog"]');
    assert.match(await dialog.text(), /suspendues/);
    await (await session.find('[data-testid="crisis-start-note"]')).type(note);
    await session.click('[data-testid="crisis-start-confirm"]');
    await session.waitGone('[data-testid="crisis-start-dialog"]');

    const banner = await textOf(session, '[data-testid="crisis-banner"]');
    assert.match(banner, /Mode crise depuis \d\d:\d\d — 3 publications suspendues/);
    assert.ok(banner.includes(note), 'the note is in the banner, as text');
    assert.equal(await (await session.find('[data-testid="crisis-toggle"]')).attribute('aria-checked'), 'true');

    for (const status of ['draft', 'approved', 'scheduled']) {
      const { id, date } = posts[status];
      await waitUntil(async () => (await statusClassOf(session, date, id)) === 'suspended', `${status} post suspended`);
    }
    assert.equal(await statusClassOf(session, posts.published.date, posts.published.id), 'published');
    const badge = await session.find(`[data-post-id="${posts.draft.id}"]`);
    assert.match(await badge.attribute('title'), /Suspendu/);
  });

  test('a ticked step shows its time; a note goes into the log', async () => {
    // The checklist opens with the crisis.
    const checklist = await session.waitFor('[data-testid="crisis-checklist"]');
    const steps = await checklist.findAll('[data-testid="crisis-step"]');
    assert.ok(steps.length >= 3, 'the plan\'s steps, one box each');
    const firstText = (await (await steps[0].find('.step-text')).text()).trim();
    await (await steps[0].find('[data-testid="crisis-step-check"]')).click();
    const doneAt = await textOf(session, '[data-testid="crisis-step"] [data-testid="crisis-step-done-at"]');
    assert.match(doneAt, /^fait à \d\d:\d\d$/);
    const state = await invoke(session, 'crisis_state');
    assert.ok(state.checklist[0].doneAt, 'the tick is stored');

    await (await session.find('[data-testid="crisis-note-input"]')).type(logNote);
    await session.click('[data-testid="crisis-note-add"]');
    await waitUntil(async () => (await textOf(session, '[data-testid="crisis-log"]')).includes(logNote), 'the note in the log');
    const log = await textOf(session, '[data-testid="crisis-log"]');
    assert.ok(log.indexOf('Mode crise activé') < log.indexOf(`Fait : ${firstText}`), 'oldest first');
    assert.ok(log.indexOf(`Fait : ${firstText}`) < log.indexOf(logNote));
    assert.match(log, /\d\d:\d\d Appel avec la direction qualité/);
    saveScreenshot('crisis-checklist');
  });

  test('ending the crisis gives each post its own status back and removes the banner', async () => {
    await session.click('[data-testid="crisis-end"]');
    await session.waitFor('[data-testid="crisis-end-dialog"]');
    await session.click('[data-testid="crisis-end-confirm"]');
    await session.waitGone('[data-testid="crisis-banner"]');
    await session.waitGone('[data-testid="crisis-checklist"]');
    await session.waitFor('[data-testid="toast"]', {
      predicate: async (el) => /Crise terminée : 3 publications rétablies/.test(await el.text()),
    });
    for (const status of ['draft', 'approved', 'scheduled', 'published']) {
      const post = await invoke(session, 'post_get', { id: posts[status].id });
      assert.equal(post.status, status, `the ${status} post is ${status} again`);
      await waitUntil(
        async () => (await statusClassOf(session, posts[status].date, posts[status].id)) === status,
        `${status} on the calendar`,
      );
    }
    assert.equal(await invoke(session, 'crisis_state'), null);
    assert.equal(await (await session.find('[data-testid="crisis-toggle"]')).attribute('aria-checked'), 'false');
  });

  test('the post-mortem lists the crisis with its tick and its note', async () => {
    await session.click('[data-testid="open-settings"]');
    await session.click('[data-testid="open-crisis-history"]');
    const item = await session.waitFor('[data-testid="crisis-history-item"]');
    assert.equal((await session.findAll('[data-testid="crisis-history-item"]')).length, 1);
    const text = (await item.property('textContent')).replace(/\s+/g, ' ');
    assert.ok(text.includes(note), 'the note');
    assert.match(text, /fait à \d\d:\d\d/, 'the tick with its time');
    assert.ok(text.includes(logNote), 'the log note');
    assert.match(text, /Crise terminée, 3 publications rétablies/);
    assert.equal((await item.findAll('b')).length, 0, 'the note stays text');
    saveScreenshot('crisis-post-mortem');
    await session.click('[data-testid="crisis-history"] [aria-label="Fermer"]');
    await session.waitGone('[data-testid="crisis-history"]');
  });

  test('a crisis outlives a restart', async () => {
    await session.click('[data-testid="crisis-toggle"]');
    await session.click('[data-testid="crisis-start-confirm"]');
    await session.waitFor('[data-testid="crisis-banner"]');
    await session.quit();
    session = await driver.open();
    const banner = await textOf(session, '[data-testid="crisis-banner"]');
    assert.match(banner, /Mode crise depuis \d\d:\d\d — 3 publications suspendues/);
    assert.equal(await (await session.find('[data-testid="crisis-toggle"]')).attribute('aria-checked'), 'true');
    await session.click('[data-testid="crisis-end"]');
    await session.click('[data-testid="crisis-end-confirm"]');
    await session.waitGone('[data-testid="crisis-banner"]');
  });
});

describe('posting rhythm', () => {
  let driver;
  let session;

  before(async () => {
    driver = await startDriver({ TRIBU_DATA_DIR: tempDataDir(), TZ: 'Europe/Paris', LANG: 'fr_FR.UTF-8' });
    session = await driver.open();
    await session.waitFor('[data-testid="view-month"]');
  });

  after(async () => {
    if (session) {
      saveScreenshot('rhythm-end');
      await session.quit().catch(() => {});
    }
    driver?.stop();
  });

  test('a week with 1 post for a target of 3 is listed and marked as under target', async () => {
    const networks = await invoke(session, 'networks_list');
    const instagram = networks.find((n) => n.name === 'Instagram').id;
    // The Wednesday of the week that holds the 10th of this month.
    const now = new Date();
    const tenth = new Date(now.getFullYear(), now.getMonth(), 10);
    const monday = new Date(tenth.getFullYear(), tenth.getMonth(), 10 - ((tenth.getDay() + 6) % 7));
    const week = ymd(monday);
    const wednesday = ymd(new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 2));
    await invoke(session, 'post_create', {
      input: postInput(instagram, { title: 'Seule publication de la semaine', status: 'published', date: wednesday, time: '10:00' }),
    });

    // No target yet: the panel says where to set one.
    await session.click('[data-testid="open-rhythm"]');
    await session.waitFor('[data-testid="rhythm-empty"]');
    await session.click('[data-testid="open-rhythm"]');
    await session.waitGone('[data-testid="rhythm-panel"]');

    await session.click('[data-testid="open-settings"]');
    await session.click('[data-testid="open-planning-settings"]');
    const row = await session.waitFor(`[data-testid="target-row"][data-network-id="${instagram}"]`);
    const count = await row.find('[data-testid="target-count"]');
    await count.clear();
    await count.type('3');
    // The value is saved when the field is left.
    await session.click('[data-testid="max-gap-days"]');
    await waitUntil(async () => (await invoke(session, 'rhythm_targets')).some((t) => t.networkId === instagram), 'the target saved');
    const targets = await invoke(session, 'rhythm_targets');
    assert.deepEqual(targets.find((t) => t.networkId === instagram), {
      networkId: instagram,
      frequency: { count: 3, per: 'week' },
      source: 'setting',
    });
    await session.click('[data-testid="planning-close"]');
    await session.waitGone('[data-testid="planning-settings"]');

    await session.click('[data-testid="open-rhythm"]');
    const item = await session.waitFor(
      `[data-testid="rhythm-network"][data-network-id="${instagram}"] [data-testid="rhythm-item"][data-week="${week}"]`,
    );
    assert.equal(await item.attribute('data-kind'), 'under');
    const text = (await item.property('textContent')).replace(/\s+/g, ' ').trim();
    const label = new Intl.DateTimeFormat('fr', { day: 'numeric', month: 'long' }).format(monday);
    assert.ok(text.endsWith(`semaine du ${label} : 1 sur 3`), text);
    assert.match(text, /^Sous l’objectif/);

    // The calendar marks that week too, naming the network.
    const mark = await session.waitFor(`.tribu-week[data-week="${week}"] [data-testid="week-mark"]`);
    assert.equal(await mark.attribute('data-rhythm'), 'under');
    assert.match(await mark.attribute('title'), /Instagram : 1 sur 3/);
    saveScreenshot('rhythm-list');
  });
});
