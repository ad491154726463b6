// The injection sweep: hostile strings typed into every text field a user
// can fill (posts, charter, networks, key dates, objectives, KPIs, the
// crisis log) and carried by the cells of a CSV file, then checked: nothing
// ran, every string shows as typed where it is displayed, the layout holds
// with the longest texts, the PDFs print the strings literally (Typst
// markup shown, not applied) and a desktop notification naming a network
// written as markup reaches the notification service escaped. The CSV
// import comes last: its dialog was being reworked when this was written.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { saveScreenshot, startDriver, tempDataDir } from '../lib/app.mjs';
import { setField } from '../lib/form.mjs';
import { watchNotifications, wallClock } from '../lib/notifications.mjs';
import { dayOfMonth, invoke, postInput } from '../lib/seed.mjs';
import { KEY, sleep } from '../lib/webdriver.mjs';

const artifacts = new URL('../artifacts/', import.meta.url).pathname;
mkdirSync(artifacts, { recursive: true });


const IMG = '<img src=x onerror=window.__pwned=1>';
const SCRIPT = '</script><script>window.__pwned=2</script>';
const MUSTACHE = '{{7*7}}';
const DOLLAR = '${7*7}';
const TYPST_SET = '#set page(width: 1cm)';
const TYPST_IMPORT = '#import "/etc/passwd": *';
const MATH = '$x$';
const RLO = 'Pay\u202Efdp.exe';
/** How it reads on screen and on paper: the override turns what follows it. */
const RLO_SHOWN = 'Payexe.pdf';
/** Bidirectional controls, which a PDF's text layer adds or moves. */
const bidiControls = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The short strings, typed key by key. */
const SHORT = [IMG, SCRIPT, MUSTACHE, DOLLAR, TYPST_SET, TYPST_IMPORT, MATH, RLO];
/** One word of 10,000 characters: nowhere to break it. */
const LONG = ('0123456789' + 'W'.repeat(90)).repeat(100);
/** The longest text a field takes, as one unbreakable word. */
const wide = (n) => 'W'.repeat(n);

const pad = (n) => String(n).padStart(2, '0');
/** `YYYY-MM-DD` of today plus `offset` days on the app's clocks (Paris). */
function day(offset = 0) {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date()).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + offset));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

async function waitUntil(check, what, timeout = 15000) {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(150);
  }
}

/**
 * Types `text` into `el` with real keystrokes (after clearing it unless
 * `clear` is false) and checks the field holds it.
 */
async function typeInto(session, el, text, { clear = true } = {}) {
  await session.execute("arguments[0].scrollIntoView({ block: 'center' })", [el]);
  if (clear) await el.clear();
  const before = clear ? '' : await el.property('value');
  await el.type(text);
  assert.equal(await el.property('value'), before + text, `the field holds what was typed: ${JSON.stringify(text.slice(0, 60))}`);
}

/** Sets a long value as a paste would (value + `input`), for the 10,000 characters. */
async function pasteInto(session, el, text) {
  await session.execute(
    `const el = arguments[0]; el.scrollIntoView({ block: 'center' }); el.focus(); el.value = arguments[1];
     el.dispatchEvent(new Event('input', { bubbles: true }));
     el.dispatchEvent(new Event('change', { bubbles: true }));`,
    [el, text],
  );
}

const textContent = async (el) => (await el.property('textContent')).trim();

/** Every string value found in `value` (objects and arrays walked). */
function stringsIn(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

const pdfText = (path) => execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString();
/** The text with every run of white space removed: line breaks fall anywhere. */
const squeeze = (s) => s.replace(/[\s\u00ad]+/g, '').replace(bidiControls, '');
/** What a PDF's text layer gives back for `s`: its visual order for the override. */
const printed = (s) => squeeze(s === RLO ? RLO_SHOWN : s);

/** The page sizes of a PDF, in points. */
function pageSizes(path) {
  const info = execFileSync('pdfinfo', [path]).toString();
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
  const sized = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), path]).toString();
  return [...sized.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** A CSV line, every cell quoted. */
const csvLine = (cells) => cells.map((c) => `"${String(c).replaceAll('"', '""')}"`).join(',');

describe('injection sweep', () => {
  const dataDir = tempDataDir();
  const thisMonth = new Date();
  let driver;
  let session;
  let monitor;
  /** Networks made here, by name. */
  const networks = {};
  /** Posts made here: title → { id, date }. */
  const posts = new Map();
  /** What was typed into the charter, section by section. */
  const charterTyped = {};
  let richPost;

  /** Nothing ran: no flag, no element made from the text, no alert. */
  async function nothingRan(where) {
    const state = await session.execute(`
      const found = window.__injection;
      return {
        pwned: typeof window.__pwned === 'undefined' ? null : String(window.__pwned),
        imgs: document.querySelectorAll('img[src="x"]').length,
        handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).map((el) => el.outerHTML.slice(0, 120)),
        added: found ? found.added : ['(the watch is gone: the page was reloaded)'],
        alerts: found ? found.alerts : [],
      };`);
    assert.equal(state.pwned, null, `${where}: window.__pwned is not set`);
    assert.equal(state.imgs, 0, `${where}: no <img src=x> in the page`);
    assert.deepEqual(state.handlers, [], `${where}: no element carries an inline event handler`);
    assert.deepEqual(state.added, [], `${where}: no image, script or frame was made from user text`);
    assert.deepEqual(state.alerts, [], `${where}: no alert, confirm or prompt`);
    // And no native dialog is open (WebDriver would say which).
    await assert.rejects(session.cmd('GET', '/alert/text'), /no such alert/, `${where}: no dialog open`);
  }

  /**
   * Nothing is wider than the window: the page does not scroll sideways
   * and no element's box passes its right (or left) edge.
   */
  async function layoutHolds(where) {
    const result = await session.execute(`
      const width = window.innerWidth;
      const tolerance = 2;
      const out = [];
      for (const el of document.querySelectorAll('body *')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.right > width + tolerance || r.left < -tolerance) {
          const id = el.dataset.testid ? '[data-testid=' + el.dataset.testid + ']' : '';
          const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
          out.push(el.tagName.toLowerCase() + id + cls + ' ' + Math.round(r.left) + '→' + Math.round(r.right));
        }
      }
      return {
        width,
        scrollWidth: document.documentElement.scrollWidth,
        bodyScrollWidth: document.body.scrollWidth,
        overflowing: out.slice(0, 15),
        count: out.length,
      };`);
    assert.ok(result.scrollWidth <= result.width, `${where}: the page is ${result.scrollWidth}px wide in a ${result.width}px window`);
    assert.ok(result.bodyScrollWidth <= result.width, `${where}: the body is ${result.bodyScrollWidth}px wide`);
    assert.deepEqual(result.overflowing, [], `${where}: ${result.count} element(s) pass the window's edge`);
  }

  async function closeModal(testId) {
    await session.click(`[data-testid="${testId}"] header button.btn-icon`);
    await session.waitGone(`[data-testid="${testId}"]`);
  }

  /** Picks `value` in the select `testid` as the user's choice would. */
  async function choose(testid, value) {
    const el = await session.find(`[data-testid="${testid}"]`);
    await session.execute(
      `const el = arguments[0]; el.value = arguments[1];
       el.dispatchEvent(new Event('input', { bubbles: true }));
       el.dispatchEvent(new Event('change', { bubbles: true }));`,
      [el, value],
    );
    assert.equal(await el.property('value'), value, `${testid} is ${value}`);
  }

  /** Waits for the export card `prefix` to name its file, failing on an error toast. */
  async function exported(prefix) {
    const until = Date.now() + 60000;
    for (;;) {
      const [result] = await session.findAll(`[data-testid="${prefix}-result"]`);
      if (result) {
        const path = await textContent(result);
        for (let i = 0; i < 50 && !existsSync(path); i += 1) await sleep(100);
        return path;
      }
      const errors = await session.findAll('.toast.error');
      if (errors.length) assert.fail(`the export failed: ${await textContent(errors[0])}`);
      if (Date.now() > until) assert.fail('no exported file after 60 s');
      await sleep(200);
    }
  }

  /**
   * Clicks `css`. Toasts stack over the bottom of the window, a dialog's
   * buttons included: one in the way is dismissed first, as a person would.
   * Anything else in the way fails, naming it.
   */
  async function press(css) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await session.click(css);
        return;
      } catch (e) {
        if (!/intercepted/.test(e.message) || attempt > 3) throw e;
        const over = await session.execute(
          `const r = document.querySelector(arguments[0]).getBoundingClientRect();
           const el = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
           const toast = el?.closest('[data-testid="toast"]');
           if (toast) { toast.querySelector('button.close')?.click(); return null; }
           return el ? el.outerHTML.slice(0, 300) : 'nothing';`,
          [css],
        );
        if (over !== null) throw new Error(`${css} is covered by ${over}`);
        await sleep(200);
      }
    }
  }

  /**
   * Clicks "Choose a file…" in the import dialog and picks `path` in GTK's
   * file chooser, as a person would: its location bar, the path, Return.
   */
  async function pickCsv(path) {
    await press('[data-testid="kpi-csv-file"]');
    const dialog = await waitUntil(() => {
      try {
        // The title the UI gives the chooser (ASCII: xdotool's regex may run in the C locale).
        return execFileSync('xdotool', ['search', '--onlyvisible', '--name', '^Import values from a CSV file$']).toString().trim().split('\n')[0];
      } catch {
        return null;
      }
    }, 'the file chooser');
    await sleep(300);
    execFileSync('xdotool', ['windowfocus', '--sync', dialog]);
    execFileSync('xdotool', ['key', 'ctrl+l']);
    await sleep(300);
    execFileSync('xdotool', ['type', '--delay', '20', path]);
    await sleep(300);
    execFileSync('xdotool', ['key', 'Return']);
  }

  async function openSettingsItem(testId) {
    await session.click('[data-testid="open-settings"]');
    await session.click(`[data-testid="${testId}"]`);
  }

  before(async () => {
    // Listening before the app starts, so no notification is missed.
    monitor = watchNotifications();
    await waitUntil(() => monitor.output.length > 0, 'dbus-monitor to start', 5000);
    driver = await startDriver({ TRIBU_DATA_DIR: dataDir, TZ: 'Europe/Paris', LANG: 'en_US.UTF-8' });
    session = await driver.open();
    await session.waitFor('[data-testid="view-month"]');
    await invoke(session, 'settings_set_locale', { locale: 'en' });
    // Watches the page from now on: any image, script, frame or object
    // added, and any alert, confirm or prompt.
    await session.execute(`
      window.__injection = { added: [], alerts: [] };
      const watched = 'img, script, iframe, object, embed, svg image';
      const note = (node) => {
        if (node.nodeType !== 1) return;
        const els = node.matches(watched) ? [node] : [];
        els.push(...node.querySelectorAll(watched));
        for (const el of els) window.__injection.added.push(el.outerHTML.slice(0, 160));
      };
      new MutationObserver((records) => {
        for (const record of records) for (const node of record.addedNodes) note(node);
      }).observe(document.documentElement, { childList: true, subtree: true });
      for (const name of ['alert', 'confirm', 'prompt']) {
        window[name] = (message) => { window.__injection.alerts.push(name + ': ' + String(message)); return null; };
      }`);
  });

  after(async () => {
    if (session) {
      saveScreenshot('injection-end');
      await session.quit().catch(() => {});
    }
    driver?.stop();
    monitor?.stop();
  });

  test('networks: hostile names are kept as typed; a name too long is refused with a message', async () => {
    await openSettingsItem('open-networks');
    await session.waitFor('[data-testid="networks-dialog"]');
    for (const name of [IMG, SCRIPT, RLO, wide(60)]) {
      const field = await session.find('[data-testid="network-name"]');
      // The widest name only stretches the layout: pasted; the others typed.
      if (name === wide(60)) await pasteInto(session, field, name);
      else await typeInto(session, field, name);
      await press('[data-testid="network-add"]');
      await waitUntil(async () => (await (await session.find('[data-testid="network-name"]')).property('value')) === '', `${name} added`);
    }
    const list = await invoke(session, 'networks_list');
    for (const name of [IMG, SCRIPT, RLO, wide(60)]) {
      const network = list.find((n) => n.name === name);
      assert.ok(network, `the network ${JSON.stringify(name)} is stored as typed`);
      networks[name] = network.id;
      // Its row in the dialog holds the name as typed.
      const input = await session.find(`[data-testid="networks-dialog"] tr[data-network-id="${network.id}"] input.input:not([type])`);
      assert.equal(await input.property('value'), name);
    }

    // 10,000 characters: refused next to the field, nothing added.
    await pasteInto(session, await session.find('[data-testid="network-name"]'), LONG);
    await press('[data-testid="network-add"]');
    const message = await session.waitFor('[data-testid="field-error-name"]');
    assert.ok((await textContent(message)).length > 0, 'the refusal says why');
    assert.equal((await invoke(session, 'networks_list')).length, list.length, 'nothing was added');
    await layoutHolds('networks dialog');
    await nothingRan('networks dialog');
    saveScreenshot('injection-networks');
    await closeModal('networks-dialog');
  });

  test('key dates: labels shown as typed in the dialog and on the calendar', async () => {
    await openSettingsItem('open-key-dates');
    await session.waitFor('[data-testid="key-dates-dialog"]');
    const labels = [SCRIPT, MUSTACHE, TYPST_SET, RLO, wide(120)];
    const dates = {};
    for (const [i, label] of labels.entries()) {
      dates[label] = dayOfMonth(thisMonth, 14 + i);
      await setField(session, 'key-date-date', dates[label]);
      const field = await session.find('[data-testid="key-date-label"]');
      if (label === wide(120)) await pasteInto(session, field, label);
      else await typeInto(session, field, label);
      await press('[data-testid="key-date-add"]');
      await waitUntil(async () => (await (await session.find('[data-testid="key-date-label"]')).property('value')) === '', `${label} added`);
    }
    const shown = await session.execute(
      `return [...document.querySelectorAll('[data-testid="key-dates-list"] li[data-key-date-id] .label')].map((el) => el.firstChild.textContent.trim());`,
    );
    for (const label of labels) assert.ok(shown.includes(label), `the dialog lists ${JSON.stringify(label)} as typed`);

    await pasteInto(session, await session.find('[data-testid="key-date-label"]'), LONG);
    await press('[data-testid="key-date-add"]');
    const message = await session.waitFor('[data-testid="field-error-label"]');
    assert.ok((await textContent(message)).length > 0, 'a label too long is refused with a message');
    await layoutHolds('key dates dialog');
    await nothingRan('key dates dialog');
    await closeModal('key-dates-dialog');

    for (const label of labels) {
      const text = await session.read(`td[data-date="${dates[label]}"] .tribu-keydate-label`, textContent);
      assert.equal(text, label, `the calendar shows the key date ${JSON.stringify(label)} as typed`);
    }
  });

  test('posts: titles typed in the editor show as text on the calendar', async () => {
    const titles = [...SHORT, wide(200)];
    for (const [i, title] of titles.entries()) {
      const date = dayOfMonth(thisMonth, 2 + i);
      await session.click(`td.fc-daygrid-day[data-date="${date}"]`);
      const field = await session.waitFor('[data-testid="post-title"]');
      if (title === wide(200)) await pasteInto(session, field, title);
      else await typeInto(session, field, title);
      await press('[data-testid="post-save"]');
      await session.waitGone('[data-testid="post-editor"]');
      const chip = await session.waitFor(`td[data-date="${date}"] [data-post-id]`);
      posts.set(title, { id: await chip.attribute('data-post-id'), date });
      const shown = await session.read(`td[data-date="${date}"] [data-post-id] .tribu-event-title`, textContent);
      assert.equal(shown, title, `the chip shows ${JSON.stringify(title)} as typed`);
      if (title === MUSTACHE || title === DOLLAR) assert.notEqual(shown, '49');
    }
    await layoutHolds('calendar');
    await nothingRan('calendar');
  });

  test('posts: every text field of the editor keeps what was typed', async () => {
    richPost = posts.get(IMG);
    await session.click(`.fc [data-post-id="${richPost.id}"]`);
    await session.waitFor('[data-testid="post-editor"]');
    const body = `${TYPST_IMPORT} ${MATH}`;
    const fields = {
      'post-body': body,
      'post-theme': MUSTACHE,
      'post-campaign': DOLLAR,
      'post-notes': RLO,
    };
    for (const [testid, text] of Object.entries(fields)) {
      await typeInto(session, await session.find(`[data-testid="${testid}"]`), text);
    }
    const assets = await session.find('[data-testid="post-assets"]');
    await typeInto(session, assets, IMG);
    await assets.type(KEY.ENTER);
    await typeInto(session, assets, TYPST_SET, { clear: false });
    const stored = await waitUntil(async () => {
      const post = await invoke(session, 'post_get', { id: richPost.id });
      return post.notes === fields['post-notes'] && post.assetLinks.length === 2 ? post : null;
    }, 'the post saved');
    assert.equal(stored.title, IMG);
    assert.equal(stored.body, body);
    assert.equal(stored.theme, MUSTACHE);
    assert.equal(stored.campaign, DOLLAR);
    assert.deepEqual(stored.assetLinks, [IMG, TYPST_SET]);

    // Reopened, the editor shows it all as typed.
    await session.click('[data-testid="post-close"]');
    await session.waitGone('[data-testid="post-editor"]');
    await session.click(`.fc [data-post-id="${richPost.id}"]`);
    await session.waitFor('[data-testid="post-editor"]');
    for (const [testid, text] of Object.entries(fields)) {
      assert.equal(await (await session.find(`[data-testid="${testid}"]`)).property('value'), text, `${testid} after reopening`);
    }
    assert.equal(await (await session.find('[data-testid="post-assets"]')).property('value'), `${IMG}\n${TYPST_SET}`);
    // The networks' names are options of the editor's list, as text.
    const options = await session.execute(
      `return [...document.querySelectorAll('[data-testid="post-network"] option')].map((o) => o.textContent);`,
    );
    for (const name of [IMG, SCRIPT, RLO]) assert.ok(options.includes(name), `the network ${JSON.stringify(name)} is offered as typed`);
    await nothingRan('post editor');
  });

  test('posts: 10,000 characters in the body and the notes are saved; in the title, refused with a message', async () => {
    await pasteInto(session, await session.find('[data-testid="post-body"]'), LONG);
    await pasteInto(session, await session.find('[data-testid="post-notes"]'), LONG);
    await waitUntil(async () => {
      const post = await invoke(session, 'post_get', { id: richPost.id });
      return post.body === LONG && post.notes === LONG;
    }, 'the long body and notes saved');
    await layoutHolds('post editor with 10,000 characters');
    saveScreenshot('injection-editor');

    const title = await session.find('[data-testid="post-title"]');
    await pasteInto(session, title, LONG);
    const message = await session.waitFor('[data-testid="field-error-title"]', {
      predicate: async (el) => (await textContent(el)).length > 0,
    });
    assert.ok(message);
    await layoutHolds('post editor with a refused title');
    // Typed back, the post saves again.
    await typeInto(session, title, IMG);
    await session.waitGone('[data-testid="field-error-title"]');
    await session.click('[data-testid="post-close"]');
    await session.waitGone('[data-testid="post-editor"]');
    assert.equal((await invoke(session, 'post_get', { id: richPost.id })).title, IMG);
    await layoutHolds('calendar after the long texts');
    await nothingRan('post editor');
    saveScreenshot('injection-calendar');
  });

  /**
   * Fills section `name` of the charter: adds a row to each of its lists
   * (and to the lists of the new rows), then writes a hostile string into
   * every empty text field: the first of each row (and of the section) is
   * typed key by key, the others pasted. Returns what went where, in the
   * order of the fields.
   */
  async function fillCharterSection(name, next) {
    await session.click(`[data-testid="charter-nav-${name}"]`);
    const section = `[data-section="${name}"]`;
    await session.waitFor(section);
    for (;;) {
      const adds = await session.findAll(`${section} [data-testid="row-add"]:not([data-injection-added])`);
      if (adds.length === 0) break;
      for (const add of adds) {
        await session.execute("arguments[0].setAttribute('data-injection-added', ''); arguments[0].scrollIntoView({ block: 'center' });", [add]);
        await add.click();
      }
    }
    const fieldCss = `${section} input:not([type]), ${section} input[type="text"], ${section} textarea`;
    const count = (await session.findAll(fieldCss)).length;
    const typed = [];
    const seenRows = new Set();
    for (let k = 0; k < count; k += 1) {
      // Found again each time: a save may draw the section anew.
      const field = (await session.findAll(fieldCss))[k];
      if ((await field.property('value')) !== '') continue;
      // The row it belongs to, marked once in the page.
      const row = await session.execute(
        `const row = arguments[0].closest('[data-testid="list-row"]');
         if (!row) return 'section';
         if (!row.dataset.injectionRow) row.dataset.injectionRow = String(Math.random());
         return row.dataset.injectionRow;`,
        [field],
      );
      const text = next();
      if (seenRows.has(row)) await pasteInto(session, field, text);
      else await typeInto(session, field, text);
      seenRows.add(row);
      typed.push(text);
    }
    charterTyped[name] = typed;
    return typed;
  }

  test('charter: every text field of every section keeps the hostile strings', async () => {
    await session.click('[data-testid="nav-charter"]');
    await session.waitFor('[data-testid="charter-templates"]');
    let i = 0;
    const next = () => SHORT[i++ % SHORT.length];
    const names = await session.execute(
      `return [...document.querySelectorAll('[data-testid^="charter-nav-"]')].map((b) => b.dataset.testid.slice('charter-nav-'.length));`,
    );
    assert.ok(names.length >= 11, `the charter lists its sections (${names.join(', ')})`);
    let count = 0;
    for (const name of names) count += (await fillCharterSection(name, next)).length;
    assert.ok(count >= 40, `${count} fields filled`);
    // Saved, every one of them, as typed, each in its own section.
    const key = (name) => name.replace(/_(\w)/g, (_, c) => c.toUpperCase());
    const charter = await waitUntil(async () => {
      const stored = await invoke(session, 'charter_get');
      return names.every((name) => {
        const all = stringsIn(stored[key(name)]);
        return charterTyped[name].every((text) => all.includes(text));
      })
        ? stored
        : null;
    }, 'the charter saved with every string', 20000);
    const refusals = await session.execute(
      `return [...document.querySelectorAll('[data-testid="section-error"], [data-testid="row-error"]')].map((el) => el.closest('[data-section]')?.dataset.section + ': ' + el.textContent);`,
    );
    assert.deepEqual(refusals, [], 'no save was refused');
    assert.ok(stringsIn(charter).includes(IMG));

    // Shown again as typed after leaving the screen and coming back.
    await session.click('[data-testid="nav-calendar"]');
    await session.click('[data-testid="nav-charter"]');
    for (const name of names) {
      await session.click(`[data-testid="charter-nav-${name}"]`);
      await session.waitFor(`[data-section="${name}"]`);
      const values = await session.execute(
        `const s = '[data-section="${name}"]';
         return [...document.querySelectorAll(s + ' input:not([type]), ' + s + ' input[type="text"], ' + s + ' textarea')].map((el) => el.value);`,
      );
      assert.deepEqual(values, charterTyped[name], `the ${name} section shows what was typed`);
    }
    await layoutHolds('charter');
    await nothingRan('charter');
  });

  test('charter: 10,000 characters in the mission are saved; in the brand, refused with a message', async () => {
    await session.click('[data-testid="charter-nav-identity"]');
    await pasteInto(session, await session.waitFor('[data-testid="identity-mission"]'), LONG);
    await waitUntil(async () => (await invoke(session, 'charter_get')).identity.mission === LONG, 'the long mission saved');
    await layoutHolds('charter with 10,000 characters');

    const brand = await session.find('[data-testid="identity-brand"]');
    await pasteInto(session, brand, LONG);
    const message = await session.waitFor('[data-testid="section-error"]', { predicate: async (el) => (await textContent(el)).length > 0 });
    assert.ok(message);
    await layoutHolds('charter with a refused brand');
    await typeInto(session, brand, IMG);
    await session.waitGone('[data-testid="section-error"]');
    await waitUntil(async () => (await invoke(session, 'charter_get')).identity.brand === IMG, 'the brand saved again');
    charterTyped.identity[0] = IMG;
    saveScreenshot('injection-charter');
    await nothingRan('charter');
  });

  test('charter PDF: every string printed as text, the page left A4', async () => {
    await press('[data-testid="charter-export-pdf"]');
    const path = await exported('charter-export');
    const text = pdfText(path);
    writeFileSync(join(artifacts, 'injection-charter.txt'), text);
    const flat = squeeze(text);
    for (const s of [...SHORT, LONG]) {
      assert.ok(flat.includes(printed(s)), `the charter PDF prints ${JSON.stringify(s.slice(0, 40))} literally`);
    }
    assert.ok(!/root:.*:0:0:/.test(text), 'no file of the system was read in');
    for (const [n, size] of pageSizes(path).entries()) {
      assert.ok(Math.abs(size.width - 595.28) < 1 && Math.abs(size.height - 841.89) < 1, `page ${n + 1} is A4 (${size.width} × ${size.height} pt)`);
    }
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', path, join(artifacts, 'injection-charter-page')]);
    await nothingRan('charter export');
  });

  test('notifications: a network named with markup reaches the desktop as text', async () => {
    // Planned in a minute or two: its reminder comes at once.
    const planned = new Date(Math.floor(Date.now() / 60000) * 60000 + 120000);
    const local = wallClock(planned, 'Europe/Paris');
    await invoke(session, 'post_create', {
      input: postInput(networks[IMG], { title: `Notice ${SCRIPT}`, status: 'scheduled', date: local.date, time: local.time }),
    });
    // Checked at the end of the sweep: the reminder has come by then.
  });

  const objectives = [
    { title: IMG, notes: TYPST_SET, kpis: [[SCRIPT, IMG], [MUSTACHE, RLO], [TYPST_SET, null]] },
    { title: TYPST_IMPORT, notes: MATH, kpis: [[DOLLAR, SCRIPT], [MATH, null], [RLO, null], [wide(200), wide(60)]] },
  ];

  test('KPIs: objectives and KPIs typed in the dialogs are shown as typed', async () => {
    await session.click('[data-testid="nav-kpi"]');
    await session.click('[data-testid="kpi-empty-create-objective"]');
    for (const [n, objective] of objectives.entries()) {
      if (n > 0) await session.click('[data-testid="kpi-new-objective"]');
      await session.waitFor('[data-testid="kpi-objective-dialog"]');
      await typeInto(session, await session.find('[data-testid="kpi-objective-title"]'), objective.title);
      await typeInto(session, await session.find('[data-testid="kpi-objective-notes"]'), objective.notes);
      await press('[data-testid="kpi-objective-save"]');
      await session.waitGone('[data-testid="kpi-objective-dialog"]');
      const section = await session.waitFor('[data-testid="kpi-objective"]', {
        predicate: async (el) => (await textContent(await el.find('h3'))) === objective.title,
      });
      objective.id = await section.attribute('data-objective-id');
      for (const [name, network] of objective.kpis) {
        await session.click(`[data-objective-id="${objective.id}"] [data-testid="kpi-add-kpi"]`);
        await session.waitFor('[data-testid="kpi-kpi-dialog"]');
        if (network) await choose('kpi-form-network', networks[network]);
        const field = await session.find('[data-testid="kpi-form-name"]');
        if (name === wide(200)) await pasteInto(session, field, name);
        else await typeInto(session, field, name);
        await setField(session, 'kpi-form-target', '1000');
        await press('[data-testid="kpi-form-save"]');
        await session.waitGone('[data-testid="kpi-kpi-dialog"]');
      }
    }
    const stored = await invoke(session, 'kpi_objectives');
    for (const objective of objectives) {
      const saved = stored.find((o) => o.id === objective.id);
      assert.equal(saved.title, objective.title);
      assert.equal(saved.notes, objective.notes);
      assert.deepEqual(saved.kpis.map((k) => [k.name, k.networkId]), objective.kpis.map(([name, network]) => [name, network ? networks[network] : null]));
      // The objectives screen shows them as text.
      const shown = await session.execute(
        `const s = document.querySelector('[data-objective-id="${objective.id}"]');
         return { title: s.querySelector('h3').textContent, notes: s.querySelector('.notes')?.textContent,
           kpis: [...s.querySelectorAll('[data-testid="kpi-row"]')].map((r) => [r.querySelector('.kpi-name').textContent, r.querySelector('td').textContent]) };`,
      );
      assert.equal(shown.title, objective.title);
      assert.equal(shown.notes, objective.notes);
      assert.deepEqual(
        shown.kpis,
        objective.kpis.map(([name, network]) => [name, network ?? 'All networks']),
        'the KPIs and their networks, as typed',
      );
    }
    await layoutHolds('KPI objectives');
    await nothingRan('KPI objectives');
  });

  test('KPIs: 10,000 characters in an objective\'s notes are saved; in a KPI\'s name, refused with a message', async () => {
    const [first] = objectives;
    await session.click(`[data-objective-id="${first.id}"] [data-testid="kpi-objective-edit"]`);
    await session.waitFor('[data-testid="kpi-objective-dialog"]');
    await pasteInto(session, await session.find('[data-testid="kpi-objective-notes"]'), LONG);
    await press('[data-testid="kpi-objective-save"]');
    await session.waitGone('[data-testid="kpi-objective-dialog"]');
    const saved = (await invoke(session, 'kpi_objectives')).find((o) => o.id === first.id);
    assert.equal(saved.notes, LONG);
    await session.waitFor(`[data-objective-id="${first.id}"] .notes`, { predicate: async (el) => (await el.property('textContent')) === LONG });
    await layoutHolds('KPI objectives with 10,000 characters');
    saveScreenshot('injection-kpi-objectives');

    await session.click(`[data-objective-id="${first.id}"] [data-testid="kpi-add-kpi"]`);
    await session.waitFor('[data-testid="kpi-kpi-dialog"]');
    await pasteInto(session, await session.find('[data-testid="kpi-form-name"]'), LONG);
    await setField(session, 'kpi-form-target', '1000');
    await press('[data-testid="kpi-form-save"]');
    const message = await session.waitFor('[data-testid="field-error-name"]', { predicate: async (el) => (await textContent(el)).length > 0 });
    assert.ok(message);
    await layoutHolds('KPI dialog with a refused name');
    await press('[data-testid="kpi-form-cancel"]');
    await session.waitGone('[data-testid="kpi-kpi-dialog"]');
    await nothingRan('KPI dialogs');
  });

  test('KPIs: the dashboard and the values list show the names as text; the layout holds', async () => {
    await session.click('[data-testid="kpi-nav-dashboard"]');
    await choose('kpi-period', 'last_30_days');
    await session.waitFor('[data-testid="kpi-card"]');
    const names = await session.execute(`return [...document.querySelectorAll('[data-testid="kpi-card-name"]')].map((el) => el.textContent);`);
    for (const [name] of objectives.flatMap((o) => o.kpis)) assert.ok(names.includes(name), `the card of ${JSON.stringify(name.slice(0, 40))}`);
    await layoutHolds('KPI dashboard');
    saveScreenshot('injection-kpi-dashboard');
    await session.click('[data-testid="kpi-nav-observations"]');
    await sleep(300);
    await layoutHolds('KPI values');
    await nothingRan('KPI screen');
  });

  test('KPI report PDF: titles, names and networks printed as text, the page left A4', async () => {
    await press('[data-testid="kpi-export-pdf"]');
    const path = await exported('kpi-export');
    const text = pdfText(path);
    writeFileSync(join(artifacts, 'injection-kpi.txt'), text);
    const flat = squeeze(text);
    for (const s of [IMG, SCRIPT, MUSTACHE, DOLLAR, TYPST_SET, TYPST_IMPORT, MATH, RLO, wide(200)]) {
      assert.ok(flat.includes(printed(s)), `the KPI report prints ${JSON.stringify(s.slice(0, 40))} literally`);
    }
    for (const [n, size] of pageSizes(path).entries()) {
      assert.ok(Math.abs(size.width - 595.28) < 1 && Math.abs(size.height - 841.89) < 1, `page ${n + 1} is A4 (${size.width} × ${size.height} pt)`);
    }
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path, join(artifacts, 'injection-kpi-page')]);
    await nothingRan('KPI export');
  });

  test('crisis mode: the start note, the checklist and the log notes shown as typed', async () => {
    await session.click('[data-testid="nav-calendar"]');
    await session.click('[data-testid="crisis-toggle"]');
    await session.waitFor('[data-testid="crisis-start-dialog"]');
    const note = `${IMG} ${MUSTACHE}`;
    await typeInto(session, await session.find('[data-testid="crisis-start-note"]'), note);
    await press('[data-testid="crisis-start-confirm"]');
    await session.waitGone('[data-testid="crisis-start-dialog"]');
    const banner = await session.read('[data-testid="crisis-banner"]', (el) => el.property('textContent'));
    assert.ok(banner.includes(note), 'the note is in the banner, as typed');

    // The checklist's steps are the charter's rapid-response steps, as typed there.
    await session.waitFor('[data-testid="crisis-checklist"]');
    const { rapidSteps } = (await invoke(session, 'charter_get')).crisis;
    const steps = await session.execute(`return [...document.querySelectorAll('[data-testid="crisis-step"] .step-text')].map((el) => el.textContent);`);
    assert.deepEqual(steps, rapidSteps);
    assert.ok(steps.some((step) => SHORT.includes(step)));

    const input = await session.find('[data-testid="crisis-note-input"]');
    const entries = async () =>
      session.execute(`return [...document.querySelectorAll('[data-testid="crisis-log"] .log-text')].map((el) => el.textContent);`);
    for (const text of SHORT) {
      await typeInto(session, input, text);
      await press('[data-testid="crisis-note-add"]');
      await waitUntil(async () => (await entries()).at(-1) === text, `the note ${JSON.stringify(text)} in the log`);
    }
    // The longest note the log takes, one word.
    await pasteInto(session, input, wide(4000));
    await press('[data-testid="crisis-note-add"]');
    await waitUntil(async () => (await entries()).at(-1) === wide(4000), 'the long note in the log');
    await layoutHolds('crisis log');
    saveScreenshot('injection-crisis');
    // 10,000 characters: refused with a message.
    await pasteInto(session, input, LONG);
    await press('[data-testid="crisis-note-add"]');
    const message = await session.waitFor('[data-testid="crisis-note-error"]', { predicate: async (el) => (await textContent(el)).length > 0 });
    assert.ok(message);
    await layoutHolds('crisis log with a refused note');
    await nothingRan('crisis log');

    await session.click('[data-testid="crisis-end"]');
    await press('[data-testid="crisis-end-confirm"]');
    await session.waitGone('[data-testid="crisis-banner"]');
    await openSettingsItem('open-crisis-history');
    const item = await session.waitFor('[data-testid="crisis-history-item"]');
    const history = await item.property('textContent');
    for (const text of [note, ...SHORT]) assert.ok(history.includes(text), `the post-mortem lists ${JSON.stringify(text)}`);
    await layoutHolds('crisis history');
    await nothingRan('crisis history');
    await closeModal('crisis-history');
  });

  test('the calendar at the end: the layout holds, nothing ran, the notification went as text', async () => {
    await layoutHolds('calendar at the end');
    // The filter menus list the networks' names and the themes, as text.
    for (const [menu, names] of [['filter-networks', [IMG, SCRIPT, RLO, wide(60)]], ['filter-themes', [MUSTACHE]]]) {
      await press(`[data-testid="${menu}"]`);
      const labels = await session.execute(
        `return [...document.querySelector('[data-testid="${menu}"]').parentElement.querySelectorAll('.option span:last-child')].map((el) => el.textContent);`,
      );
      for (const name of names) assert.ok(labels.includes(name), `${menu} offers ${JSON.stringify(name.slice(0, 40))} as typed`);
      await layoutHolds(`calendar with ${menu} open`);
      await press(`[data-testid="${menu}"]`);
    }
    await nothingRan('the end');
    await waitUntil(() => monitor.notifies('Notice').length > 0, 'the reminder on the session bus', 20000);
    const call = monitor.notifies('Notice')[0];
    // Summary, then body: the body escaped (it is markup to the service), the summary plain.
    assert.ok(call.includes('&lt;img src=x onerror=window.__pwned=1&gt;'), `the network's name is escaped in the body:\n${call}`);
    assert.ok(!call.includes('<img src=x'), 'no markup reaches the service');
  });
  test('KPIs (last: its dialog is being reworked): a CSV file whose cells carry the strings, previewed as text and imported', async () => {
    const file = join(dataDir, 'hostile.csv');
    const header = ['Date', 'Network', 'Followers', '<img src=x onerror=window.__pwned=3>'];
    const lines = [
      [day(-3), IMG, '100', '1'],
      [day(-3), RLO, '120', '1'],
      [day(-2), MUSTACHE, '110', '2'],
      [day(-2), 'Instagram', DOLLAR, '3'],
      [day(-1), TYPST_SET, '5', '4'],
      [day(-1), SCRIPT, '130', TYPST_IMPORT],
      [day(-1), LONG, '6', MATH],
    ];
    writeFileSync(file, [header, ...lines].map(csvLine).join('\n') + '\n');
    await session.click('[data-testid="nav-kpi"]');
    await press('[data-testid="kpi-import-csv"]');
    await session.waitFor('[data-testid="kpi-csv-dialog"]');
    await pickCsv(file);
    const counts = await session.waitFor('[data-testid="kpi-csv-counts"]');
    assert.equal(await counts.attribute('data-valid'), '3', 'the lines of known networks');
    assert.equal(await counts.attribute('data-invalid'), '4', 'unknown networks and a value that is no number');
    // Every line, not only the problems.
    const only = await session.find('[data-testid="kpi-csv-only-problems"]');
    if (await only.property('checked')) await only.click();
    await waitUntil(async () => (await session.findAll('[data-testid="kpi-csv-line"]')).length === lines.length, 'every line shown');
    const shown = await session.execute(`
      const table = document.querySelector('[data-testid="kpi-csv-table"]');
      return {
        header: [...table.querySelectorAll('thead th')].map((th) => th.textContent),
        lines: [...table.querySelectorAll('[data-testid="kpi-csv-line"]')].map((tr) => ({
          cells: [...tr.querySelectorAll('td.cell')].map((td) => td.textContent),
          errors: [...tr.querySelectorAll('[data-testid="kpi-csv-line-error"]')].map((e) => e.textContent),
        })),
        options: [...document.querySelectorAll('[data-testid="kpi-csv-dialog"] option')].map((o) => o.textContent),
      };`);
    assert.ok(shown.header.includes(header[3]), 'the column named with markup is a header, as text');
    assert.ok(shown.options.includes(header[3]), 'and a choice of the mapping');
    assert.deepEqual(shown.lines.map((l) => l.cells), lines, 'every cell as written in the file');
    for (const [i, cell] of [[2, MUSTACHE], [4, TYPST_SET], [6, LONG]]) {
      assert.ok(shown.lines[i].errors.some((e) => e.includes(cell)), `the unknown network ${JSON.stringify(cell.slice(0, 40))} is named as written`);
    }
    assert.ok(shown.lines[3].errors.some((e) => e.includes(DOLLAR)), 'the value that is no number is quoted as written');
    await layoutHolds('CSV import preview');
    await nothingRan('CSV import preview');
    saveScreenshot('injection-csv');
    await press('[data-testid="kpi-csv-import"]');
    await session.waitGone('[data-testid="kpi-csv-dialog"]');
    const stored = await invoke(session, 'observations_list', { filter: { metric: 'followers', networkId: null, start: null, end: null } });
    const got = stored.map((o) => `${o.networkId} ${o.value}`).sort();
    assert.deepEqual(got, [`${networks[IMG]} 100`, `${networks[RLO]} 120`, `${networks[SCRIPT]} 130`].sort());
  });

});
