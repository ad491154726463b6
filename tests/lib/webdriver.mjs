// A small W3C WebDriver client over fetch: enough to click, type, drag with
// pointer actions and read the page, with no dependency to install.

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export class WebDriverError extends Error {}

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async create(base, application) {
    // Only tauri:options.application: tauri-driver refuses a browserName.
    const body = { capabilities: { alwaysMatch: { 'tauri:options': { application } } } };
    const value = await request('POST', `${base}/session`, body);
    return new Session(base, value.sessionId);
  }

  cmd(method, path, body) {
    return request(method, `${this.base}/session/${this.id}${path}`, body);
  }

  /** Ends the session (closes the app); gives up after 15 s. */
  async quit() {
    await request('DELETE', `${this.base}/session/${this.id}`, undefined, 15000);
  }

  async find(css) {
    const value = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return new Element(this, value[ELEMENT]);
  }

  async findAll(css) {
    const value = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return value.map((v) => new Element(this, v[ELEMENT]));
  }

  /** Waits until `css` matches an element (and `predicate(element)` holds). */
  async waitFor(css, { timeout = 15000, predicate } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    while (Date.now() < deadline) {
      try {
        const els = await this.findAll(css);
        for (const el of els) {
          if (!predicate || (await predicate(el))) return el;
        }
      } catch (e) {
        last = e;
      }
      await sleep(100);
    }
    throw new WebDriverError(`timed out waiting for ${css}${last ? `: ${last.message}` : ''}`);
  }

  /**
   * `read(element)` on the element `css` matches, found again if the page
   * redrew it in between: the views refetch whenever the workspace changes
   * (the `changed` event), so an element found a moment ago may be gone.
   */
  async read(css, read, { timeout = 15000, predicate } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const el = await this.waitFor(css, { timeout: Math.max(deadline - Date.now(), 1), predicate });
      try {
        return await read(el);
      } catch (e) {
        if (!/stale element/i.test(String(e?.message)) || Date.now() > deadline) throw e;
      }
    }
  }

  /**
   * Clicks the element `css` matches, finding it again if the page redrew
   * it in between (the calendar re-renders its events after every change).
   */
  async click(css, attempts = 5) {
    for (let i = 1; ; i += 1) {
      try {
        await (await this.waitFor(css)).click();
        return;
      } catch (e) {
        if (i >= attempts || !/stale element/.test(e.message)) throw e;
        await sleep(200);
      }
    }
  }

  async waitGone(css, timeout = 10000) {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      if ((await this.findAll(css)).length === 0) return;
      await sleep(100);
    }
    throw new WebDriverError(`still present after ${timeout} ms: ${css}`);
  }

  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  async pressKey(key) {
    await this.cmd('POST', '/actions', {
      actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: key }, { type: 'keyUp', value: key }] }],
    });
  }

  /**
   * Drags like a mouse: press on `from`, move in small steps, release on
   * `to`. FullCalendar's interaction plugin listens to pointer events, and it
   * only starts dragging after a short hold and a few pixels of movement.
   */
  async drag(from, to, options) {
    await this.dragPoints(await from.center(), await to.center(), options);
  }

  /** Like `drag`, between two points of the viewport. */
  async dragPoints(a, b, { steps = 12 } = {}) {
    const actions = [
      { type: 'pointerMove', duration: 0, x: a.x, y: a.y, origin: 'viewport' },
      { type: 'pointerDown', button: 0 },
      { type: 'pause', duration: 150 },
    ];
    for (let i = 1; i <= steps; i += 1) {
      const x = Math.round(a.x + ((b.x - a.x) * i) / steps);
      const y = Math.round(a.y + ((b.y - a.y) * i) / steps);
      actions.push({ type: 'pointerMove', duration: 40, x, y, origin: 'viewport' });
    }
    actions.push({ type: 'pause', duration: 150 }, { type: 'pointerUp', button: 0 });
    await this.cmd('POST', '/actions', {
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
    });
    await this.cmd('DELETE', '/actions');
  }
}

export const KEY = { ESCAPE: '\uE00C', ENTER: '\uE007' };

export class Element {
  constructor(session, id) {
    this.session = session;
    this.id = id;
  }
  cmd(method, path, body) {
    return this.session.cmd(method, `/element/${this.id}${path}`, body);
  }
  click() {
    return this.cmd('POST', '/click', {});
  }
  clear() {
    return this.cmd('POST', '/clear', {});
  }
  type(text) {
    return this.cmd('POST', '/value', { text });
  }
  text() {
    return this.cmd('GET', '/text');
  }
  property(name) {
    return this.cmd('GET', `/property/${name}`);
  }
  attribute(name) {
    return this.cmd('GET', `/attribute/${name}`);
  }
  rect() {
    return this.cmd('GET', '/rect');
  }
  async center() {
    const r = await this.rect();
    return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + Math.min(r.height / 2, 40)) };
  }
  async find(css) {
    const value = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return new Element(this.session, value[ELEMENT]);
  }
  async findAll(css) {
    const value = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return value.map((v) => new Element(this.session, v[ELEMENT]));
  }
  toJSON() {
    return { [ELEMENT]: this.id };
  }
}

// No WebDriver call of these tests takes a minute: a request dropped by the
// driver fails fast instead of waiting for fetch's own five-minute limit.
async function request(method, url, body, timeout = 60000) {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeout),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok || (json.value && json.value.error)) {
    const v = json.value || {};
    throw new WebDriverError(`${method} ${url}: ${v.error || res.status} ${v.message || ''}`);
  }
  return json.value;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
