// The KPI panel, end to end: an objective and its KPI created through the
// dialogs, a value typed by hand moving the KPI's card, a CSV file with one
// bad line previewed and its good lines imported (chosen in GTK's file
// chooser, read and decoded by Rust), a long file paged through and imported
// whole, published posts with
// results feeding the heatmap and the top posts (one opened in the
// calendar's editor), and the KPI report exported as PDF.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDriver, tempDataDir } from '../lib/app.mjs';
import { setField } from '../lib/form.mjs';
import { invoke, postInput } from '../lib/seed.mjs';
import { sleep } from '../lib/webdriver.mjs';

const pad = (n) => String(n).padStart(2, '0');
/** `YYYY-MM-DD` of the local day `offset` days from today. */
/** `YYYY-MM-DD` of today plus `offset` days on the app's clocks (Paris), whatever this machine's zone. */
function day(offset = 0) {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date()).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + offset));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Picks `value` in the select `[data-testid=testid]` as the user's choice would. */
async function choose(session, testid, value) {
  const el = await session.find(`[data-testid="${testid}"]`);
  await session.execute(
    `const el = arguments[0]; el.value = arguments[1];
     el.dispatchEvent(new Event('input', { bubbles: true }));
     el.dispatchEvent(new Event('change', { bubbles: true }));`,
    [el, value],
  );
  assert.equal(await el.property('value'), value, `${testid} is ${value}`);
}

/** Brings `el` to the middle of its scrolling panel, then clicks it. */
async function clickInView(session, el) {
  await session.execute(`arguments[0].scrollIntoView({ block: 'center' });`, [el]);
  await sleep(100);
  await el.click();
}

const text = async (el) => (await el.text()).replace(/\s+/g, ' ').trim();

/**
 * Clicks "Choose a file…" in the import dialog and picks `path` in GTK's
 * file chooser, as a person would: its location bar, the path, Return.
 */
async function pickCsv(session, path) {
  await session.click('[data-testid="kpi-csv-file"]');
  let dialog = '';
  const until = Date.now() + 10000;
  while (!dialog) {
    try {
      // The title the UI gives the dialog (ASCII: xdotool's regex may run in the C locale).
      dialog = execFileSync('xdotool', ['search', '--onlyvisible', '--name', '^Import values from a CSV file$']).toString().trim().split('\n')[0];
    } catch {
      dialog = '';
    }
    if (!dialog && Date.now() > until) assert.fail('no file chooser after 10 s');
    if (!dialog) await sleep(200);
  }
  await sleep(300);
  execFileSync('xdotool', ['windowfocus', '--sync', dialog]);
  execFileSync('xdotool', ['key', 'ctrl+l']);
  await sleep(300);
  execFileSync('xdotool', ['type', '--delay', '20', path]);
  await sleep(300);
  execFileSync('xdotool', ['key', 'Return']);
}

describe('KPI panel', () => {
  const dataDir = tempDataDir();
  let driver;
  let session;
  let instagram;
  let kpiId;

  before(async () => {
    driver = await startDriver({ TRIBU_DATA_DIR: dataDir, TZ: 'Europe/Paris', LANG: 'en_US.UTF-8' });
    session = await driver.open();
    await session.waitFor('[data-testid="view-month"]');
    await invoke(session, 'settings_set_locale', { locale: 'en' });
    const networks = await invoke(session, 'networks_list');
    instagram = networks.find((n) => n.name === 'Instagram').id;
  });

  after(async () => {
    await session?.quit().catch(() => {});
    driver?.stop();
  });

  test('an objective and its KPI, created through the dialogs', async () => {
    await session.click('[data-testid="nav-kpi"]');
    const empty = await session.waitFor('[data-testid="kpi-empty-objectives"]');
    assert.match(await text(empty), /Create an objective and its KPIs/);
    await session.click('[data-testid="kpi-empty-create-objective"]');
    await session.waitFor('[data-testid="kpi-objective-dialog"]');
    await choose(session, 'kpi-objective-kind', 'awareness');
    await setField(session, 'kpi-objective-title', 'Grow the Instagram audience');
    await session.click('[data-testid="kpi-objective-save"]');
    await session.waitGone('[data-testid="kpi-objective-dialog"]');

    await session.click('[data-testid="kpi-add-kpi"]');
    await session.waitFor('[data-testid="kpi-kpi-dialog"]');
    await choose(session, 'kpi-form-metric', 'followers');
    await choose(session, 'kpi-form-network', instagram);
    await setField(session, 'kpi-form-name', 'Instagram followers');
    await setField(session, 'kpi-form-target', '1000');
    await setField(session, 'kpi-form-baseline', '500');
    // The start date is today and the deadline three months later unless changed.
    const start = await session.find('[data-testid="kpi-form-start"]');
    assert.equal(await start.property('value'), day(0));
    await session.click('[data-testid="kpi-form-save"]');
    await session.waitGone('[data-testid="kpi-kpi-dialog"]');
    const row = await session.waitFor('[data-testid="kpi-row"]');
    kpiId = await row.attribute('data-kpi-id');

    const [objective] = await invoke(session, 'kpi_objectives');
    assert.equal(objective.title, 'Grow the Instagram audience');
    assert.deepEqual(
      { ...objective.kpis[0], id: undefined, objectiveId: undefined, position: undefined },
      {
        id: undefined,
        objectiveId: undefined,
        position: undefined,
        name: 'Instagram followers',
        metric: 'followers',
        networkId: instagram,
        target: 1000,
        baseline: 500,
        startDate: day(0),
        deadline: objective.kpis[0].deadline,
        direction: 'up',
      },
    );
    const deadline = new Date(`${objective.kpis[0].deadline}T12:00:00`);
    const months = (deadline.getFullYear() - new Date().getFullYear()) * 12 + deadline.getMonth() - new Date().getMonth();
    assert.equal(months, 3, 'the deadline is three months away');

    await session.click('[data-testid="kpi-nav-dashboard"]');
    const card = await session.waitFor(`[data-testid="kpi-card"][data-kpi-id="${kpiId}"]`);
    assert.equal(await text(await card.find('[data-testid="kpi-card-current"]')), '—');
    assert.equal(await text(await card.find('[data-testid="kpi-card-status"]')), 'Not enough data');
    assert.match(await text(await session.find('[data-testid="kpi-empty-observations"]')), /Add a value or import a CSV/);
  });

  test('a value typed by hand moves the card', async () => {
    await session.click('[data-testid="kpi-add-observation"]');
    await session.waitFor('[data-testid="kpi-observation-dialog"]');
    // The selected KPI's network and metric come preselected, today as the day.
    assert.equal(await (await session.find('[data-testid="kpi-observation-network"]')).property('value'), instagram);
    assert.equal(await (await session.find('[data-testid="kpi-observation-metric"]')).property('value'), 'followers');
    assert.equal(await (await session.find('[data-testid="kpi-observation-day"]')).property('value'), day(0));
    await setField(session, 'kpi-observation-value', '600');
    await session.click('[data-testid="kpi-observation-save"]');
    await session.waitGone('[data-testid="kpi-observation-dialog"]');

    const card = await session.waitFor(`[data-testid="kpi-card"][data-kpi-id="${kpiId}"]`, {
      predicate: async (el) => (await el.attribute('data-progress')) === '20',
    });
    assert.equal(await text(await card.find('[data-testid="kpi-card-current"]')), '600');
    // (600 − 500) / (1000 − 500) = 20 %.
    assert.equal(await text(await card.find('[data-testid="kpi-card-progress"]')), '20%');
    assert.match(await text(card), /target 1,000/);
  });

  test('a CSV file: the bad line is flagged, the others imported', async () => {
    const file = join(dataDir, 'instagram-stats.csv');
    // Saved as Windows-1252, as spreadsheets do: "Portée" with é as 0xE9.
    writeFileSync(
      file,
      Buffer.from(
        ['Date,Network,Followers,Port\u00e9e', `${day(-3)},Instagram,560,1200`, `${day(-2)},Instagram,lots,1300`, `${day(-1)},Instagram,590,1250`, ''].join('\r\n'),
        'latin1',
      ),
    );
    await session.click('[data-testid="kpi-import-csv"]');
    await session.waitFor('[data-testid="kpi-csv-dialog"]');
    await pickCsv(session, file);
    const counts = await session.waitFor('[data-testid="kpi-csv-counts"]', { timeout: 15000 });
    assert.match(await text(await session.find('[data-testid="kpi-csv-file-name"]')), /instagram-stats\.csv/);
    const headers = await session.read('[data-testid="kpi-csv-table"] thead', (el) => el.property('textContent'));
    assert.match(headers, /Portée/, 'decoded as Windows-1252 in Rust');
    assert.equal(await counts.attribute('data-valid'), '2');
    assert.equal(await counts.attribute('data-invalid'), '1');
    const bad = await session.waitFor('[data-testid="kpi-csv-line"][data-line="3"]');
    assert.equal(await bad.attribute('data-status'), 'error');
    assert.match(await text(await bad.find('[data-testid="kpi-csv-line-error"]')), /Followers: “lots” is not a number/);
    const importButton = await session.find('[data-testid="kpi-csv-import"]');
    assert.equal(await text(importButton), 'Import 2 valid lines');
    await importButton.click();
    await session.waitGone('[data-testid="kpi-csv-dialog"]');

    const stored = await invoke(session, 'observations_list', { filter: { metric: null, networkId: instagram, start: null, end: null } });
    const got = stored.map((o) => `${o.day} ${o.metric} ${o.value} ${o.source}`).sort();
    assert.deepEqual(got, [
      `${day(-3)} followers 560 csv`,
      `${day(-3)} reach 1200 csv`,
      `${day(-1)} followers 590 csv`,
      `${day(-1)} reach 1250 csv`,
      `${day(0)} followers 600 manual`,
    ]);
    assert.equal(stored.filter((o) => o.day === day(-2)).length, 0, 'nothing of the bad line');
  });

  test('a long CSV file is previewed a page at a time and imported whole', async () => {
    const facebook = (await invoke(session, 'networks_list')).find((n) => n.name === 'Facebook').id;
    const file = join(dataDir, 'facebook-year.csv');
    const rows = Array.from({ length: 120 }, (_, i) => `${day(-130 + i)};Facebook;${2000 + i}`);
    // UTF-8 with a byte order mark, semicolons: the French Excel way.
    writeFileSync(file, `\ufeffDate;Réseau;Abonnés\n${rows.join('\n')}\n`);
    await session.click('[data-testid="kpi-import-csv"]');
    await session.waitFor('[data-testid="kpi-csv-dialog"]');
    await pickCsv(session, file);
    const counts = await session.waitFor('[data-testid="kpi-csv-counts"]', { timeout: 15000 });
    assert.equal(await counts.attribute('data-valid'), '120');
    assert.equal((await session.findAll('[data-testid="kpi-csv-line"]')).length, 50, 'one page of lines');
    assert.equal(await text(await session.find('[data-testid="kpi-csv-page"]')), 'Lines 1–50 of 120');
    await session.click('[data-testid="kpi-csv-page-next"]');
    await session.waitFor('[data-testid="kpi-csv-page"][data-page="1"]');
    assert.equal(await (await session.find('[data-testid="kpi-csv-line"]')).attribute('data-line'), '52');
    await session.click('[data-testid="kpi-csv-page-next"]');
    await session.waitFor('[data-testid="kpi-csv-page"][data-page="2"]');
    assert.equal((await session.findAll('[data-testid="kpi-csv-line"]')).length, 20);
    const importButton = await session.find('[data-testid="kpi-csv-import"]');
    assert.equal(await text(importButton), 'Import 120 valid lines');
    await importButton.click();
    await session.waitGone('[data-testid="kpi-csv-dialog"]');
    const stored = await invoke(session, 'observations_list', { filter: { metric: 'followers', networkId: facebook, start: null, end: null } });
    assert.equal(stored.length, 120, 'every line, not only the pages seen');
    assert.equal(stored.find((o) => o.day === day(-130)).value, 2000);
    assert.equal(stored.find((o) => o.day === day(-11)).value, 2119);
  });

  test('published posts with results feed the heatmap and the top posts', async () => {
    const titles = ['Workshop tour', 'Linen care tips', 'Customer portrait', 'Spring colours'];
    const posts = [];
    for (const [i, title] of titles.entries()) {
      const post = await invoke(session, 'post_create', {
        input: postInput(instagram, { title, status: 'published', date: day(-(i + 1)), time: `${pad(9 + i)}:00` }),
      });
      await invoke(session, 'post_result_set', {
        postId: post.id,
        input: { reach: 1000 + i * 100, impressions: 2000, reactions: 40 + i * 20, comments: 5, shares: 2, saves: null, clicks: 3 },
      });
      posts.push(post);
    }
    // Back to the panel, on the last 30 days (this month may have begun
    // after some of the posts).
    await session.click('[data-testid="nav-calendar"]');
    await session.click('[data-testid="nav-kpi"]');
    await choose(session, 'kpi-period', 'last_30_days');
    const heatmap = await session.waitFor('[data-testid="kpi-heatmap"]');
    assert.ok(await heatmap.find('canvas'), 'the heatmap is drawn on a canvas');
    const top = await session.waitFor('[data-testid="kpi-top-post"]');
    // Spring colours: (100 + 5 + 2) / 1300 is the best rate.
    assert.equal(await top.attribute('data-post-id'), posts[3].id);
    await clickInView(session, top);
    const editor = await session.waitFor('[data-testid="post-editor"]');
    assert.equal(await (await session.find('[data-testid="post-title"]')).property('value'), 'Spring colours');
    const reach = await session.waitFor('[data-testid="post-result-reach"]', {
      predicate: async (el) => (await el.property('value')) === '1300',
    });
    assert.ok(reach && editor);
    assert.equal(await text(await session.find('[data-testid="post-results-rate"]')), '8.23%');
    await session.click('[data-testid="post-close"]');
  });

  test('the KPI report as PDF, in the exports folder', async () => {
    await session.click('[data-testid="nav-kpi"]');
    await session.click('[data-testid="kpi-export-pdf"]');
    // The file's path, or the error the export ran into (shown in a toast).
    const until = Date.now() + 60000;
    let path = null;
    while (!path) {
      const [result] = await session.findAll('[data-testid="kpi-export-result"]');
      if (result) path = (await result.property('textContent')).trim();
      const errors = await session.findAll('.toast.error');
      if (errors.length) assert.fail(`the export failed: ${await text(errors[0])}`);
      if (Date.now() > until) assert.fail('no exported file after 60 s');
      await sleep(200);
    }
    assert.equal(path.startsWith(join(dataDir, 'exports')), true, `${path} is in the exports folder`);
    for (let i = 0; i < 50 && !existsSync(path); i += 1) await sleep(100);
    assert.equal(readFileSync(path).subarray(0, 5).toString(), '%PDF-');
  });
});
