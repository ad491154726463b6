// The first thing a community manager does: plan posts on the calendar and
// move them by dragging. Drives the real app; checks what lands on screen,
// and that it is still there after quitting and relaunching.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setField } from '../lib/form.mjs';
import { saveScreenshot, startDriver, tempDataDir } from '../lib/app.mjs';
import { KEY, sleep } from '../lib/webdriver.mjs';





/** The day cell of the current month whose day of month is `day`. */
async function dayCell(session, day) {
  const suffix = `-${String(day).padStart(2, '0')}`;
  return session.waitFor(`td.fc-daygrid-day[data-date]:not(.fc-day-other)`, {
    predicate: async (el) => (await el.attribute('data-date')).endsWith(suffix),
  });
}

const postIn = (date, id) => `td[data-date="${date}"] [data-post-id="${id}"]`;

async function closeEditor(session) {
  if ((await session.findAll('[data-testid="post-title"]')).length > 0) {
    await session.pressKey(KEY.ESCAPE);
    await session.waitGone('[data-testid="post-title"]');
  }
}

async function openPost(session, id) {
  await session.click(`.fc [data-post-id="${id}"]`);
  await session.waitFor('[data-testid="post-title"]');
}

describe('editorial calendar', () => {
  const dataDir = tempDataDir();
  let driver;
  let session;
  const ids = {};
  const days = {};

  before(async () => {
    driver = await startDriver({ TRIBU_DATA_DIR: dataDir, TZ: 'Europe/Paris', LANG: 'fr_FR.UTF-8' });
    session = await driver.open();
    await session.waitFor('[data-testid="view-month"]');
    await (await session.find('[data-testid="view-month"]')).click();
  });

  after(async () => {
    if (session) {
      saveScreenshot('calendar-end');
      await session.quit().catch(() => {});
    }
    driver?.stop();
  });

  test('a post created through the form lands on its day, its title shown as text', async () => {
    const cell = await dayCell(session, 10);
    days.first = await cell.attribute('data-date');
    await cell.click();
    await session.waitFor('[data-testid="post-title"]');
    assert.equal(await (await session.find('[data-testid="post-date"]')).property('value'), days.first);
    await (await session.find('[data-testid="post-title"]')).type('<b>Lancement</b> & teaser');
    await (await session.find('[data-testid="post-body"]')).type('Rendez-vous demain !');
    await setField(session, 'post-time', '14:30');
    await (await session.find('[data-testid="post-save"]')).click();

    const placed = await session.waitFor(`td[data-date="${days.first}"] [data-post-id]`);
    ids.post = await placed.attribute('data-post-id');
    assert.match(ids.post, /^[0-9a-f-]{36}$/);
    assert.match(await placed.property('textContent'), /<b>Lancement<\/b> & teaser/, 'markup is shown literally');
    const bold = await session.execute('return arguments[0].querySelectorAll("b").length', [placed]);
    assert.equal(bold, 0, 'no element was made from the title');
    await closeEditor(session);
  });

  test('dragging a post to another day moves it there', async () => {
    const target = await dayCell(session, 17);
    days.second = await target.attribute('data-date');
    const event = await session.find(postIn(days.first, ids.post));
    await session.drag(event, target);
    await session.waitFor(postIn(days.second, ids.post));
    assert.equal((await session.findAll(postIn(days.first, ids.post))).length, 0);
    saveScreenshot('after-move');
  });

  test('a backlog idea dragged onto a day is scheduled', async () => {
    await (await session.find('[data-testid="new-post"]')).click();
    await (await session.waitFor('[data-testid="post-title"]')).type('Idée : coulisses de l’atelier');
    assert.equal(await (await session.find('[data-testid="post-date"]')).property('value'), '');
    await (await session.find('[data-testid="post-save"]')).click();
    const item = await session.waitFor('[data-testid="backlog"] [data-post-id]');
    ids.idea = await item.attribute('data-post-id');
    await closeEditor(session);

    const target = await dayCell(session, 24);
    days.third = await target.attribute('data-date');
    await session.drag(await session.find(`[data-testid="backlog"] [data-post-id="${ids.idea}"]`), target);
    await session.waitFor(postIn(days.third, ids.idea));
    await session.waitGone(`[data-testid="backlog"] [data-post-id="${ids.idea}"]`);
  });

  test('after quitting and relaunching, both posts are on their new days at their times', async () => {
    await session.quit();
    session = await driver.open();
    await session.waitFor(postIn(days.second, ids.post));
    await session.waitFor(postIn(days.third, ids.idea));

    await openPost(session, ids.post);
    assert.equal(await (await session.find('[data-testid="post-date"]')).property('value'), days.second);
    assert.equal(await (await session.find('[data-testid="post-time"]')).property('value'), '14:30');
    assert.equal(await (await session.find('[data-testid="post-title"]')).property('value'), '<b>Lancement</b> & teaser');
    await closeEditor(session);

    await openPost(session, ids.idea);
    assert.equal(await (await session.find('[data-testid="post-date"]')).property('value'), days.third);
    assert.equal(await (await session.find('[data-testid="post-time"]')).property('value'), '09:00', 'ideas get 09:00');
    await closeEditor(session);
  });

  test('in the week view, dragging a post to another slot changes its day and time', async () => {
    await (await session.find('[data-testid="view-week"]')).click();
    // The week of the post's day: from today's week, step to it.
    for (let i = 0; i < 6 && (await session.findAll(`.fc-timegrid [data-post-id="${ids.post}"]`)).length === 0; i += 1) {
      const weekStart = await (await session.waitFor('td.fc-timegrid-col[data-date]')).attribute('data-date');
      await (await session.find(`[data-testid="${weekStart > days.second ? 'nav-prev' : 'nav-next'}"]`)).click();
      await sleep(300);
    }
    const event = await session.waitFor(`.fc-timegrid [data-post-id="${ids.post}"]`);
    const column = await session.find(`td.fc-timegrid-col[data-date="${days.second}"]`);
    const firstDay = await (await session.find('td.fc-timegrid-col[data-date]')).attribute('data-date');
    const slot = await session.find('td.fc-timegrid-slot-lane[data-time="10:00:00"]');
    const [er, cr, sr] = [await event.rect(), await column.rect(), await slot.rect()];
    // Grab the event by its first half-hour (14:30), drop it on 10:00 of the
    // column to its left (or right on a Monday): FullCalendar moves it by
    // the distance between the two slots.
    const dayShift = days.second === firstDay ? 1 : -1;
    const from = { x: Math.round(er.x + er.width / 2), y: Math.round(er.y + 6) };
    const to = { x: Math.round(cr.x + cr.width / 2 + dayShift * cr.width), y: Math.round(sr.y + sr.height / 2) };
    await session.dragPoints(from, to);
    const shifted = new Date(`${days.second}T12:00:00Z`);
    shifted.setUTCDate(shifted.getUTCDate() + dayShift);
    days.week = shifted.toISOString().slice(0, 10);
    await session.waitFor(`td.fc-timegrid-col[data-date="${days.week}"] [data-post-id="${ids.post}"]`);
    await openPost(session, ids.post);
    assert.equal(await (await session.find('[data-testid="post-date"]')).property('value'), days.week);
    assert.equal(await (await session.find('[data-testid="post-time"]')).property('value'), '10:00');
    await closeEditor(session);
    await (await session.find('[data-testid="view-month"]')).click();
  });

  test('dragging a post onto the backlog takes it off the calendar', async () => {
    const backlog = await session.find('[data-testid="backlog"]');
    await session.drag(await session.find(postIn(days.third, ids.idea)), backlog);
    await session.waitFor(`[data-testid="backlog"] [data-post-id="${ids.idea}"]`);
    await session.waitGone(postIn(days.third, ids.idea));
  });

  test('an empty title is refused next to the field and nothing is saved', async () => {
    await (await session.find('[data-testid="new-post"]')).click();
    await session.waitFor('[data-testid="post-title"]');
    const before = (await session.findAll('[data-post-id]')).length;
    await (await session.find('[data-testid="post-save"]')).click();
    const message = await session.waitFor('[data-testid="field-error-title"]');
    assert.ok((await message.text()).trim().length > 0);
    await sleep(300);
    await closeEditor(session);
    assert.equal((await session.findAll('[data-post-id]')).length, before);
  });
});

describe('a data folder that cannot be written', () => {
  test('shows a clear message in the window instead of crashing', async () => {
    const dir = tempDataDir();
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'keep me');
    const driver = await startDriver({ TRIBU_DATA_DIR: join(blocker, 'tribu'), LANG: 'en_US.UTF-8' });
    let session;
    try {
      session = await driver.open();
      const banner = await session.waitFor('[data-testid="workspace-error"]');
      // The reason in the user's language, the folder apart, and none of
      // the core's English sentence.
      const path = await session.waitFor('[data-testid="workspace-error-path"]');
      assert.match(await path.text(), /not-a-folder\/tribu\/workspaces/);
      assert.match(await banner.text(), /folder/i);
      assert.doesNotMatch(await banner.text(), /file error|Not a directory|os error/);
      assert.equal(readFileSync(blocker, 'utf8'), 'keep me', 'nothing was written over the file');
      saveScreenshot('workspace-error');
    } finally {
      await session?.quit().catch(() => {});
      driver.stop();
    }
  });
});
