// Starts tauri-driver with a given TRIBU_DATA_DIR and opens the real Tribu
// binary in a WebDriver session. The caller runs under xvfb-run.

import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session, sleep } from './webdriver.mjs';

const here = new URL('.', import.meta.url).pathname;

/** The app binary: $TRIBU_APP, else the debug build in $CARGO_TARGET_DIR. */
export function appBinary() {
  const target = process.env.CARGO_TARGET_DIR || resolve(here, '../../target');
  const bin = process.env.TRIBU_APP || join(target, 'debug', 'tribu');
  if (!existsSync(bin)) throw new Error(`app binary not found: ${bin} (run make build)`);
  return bin;
}

export function tempDataDir() {
  return mkdtempSync(join(tmpdir(), 'tribu-e2e-'));
}

/** A TCP port nobody listens on now, chosen by the system. */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Runs tauri-driver with `env` added; resolves once it answers. Tries again
 * with other ports if it does not come up (a port taken in between, a slow
 * start on a busy machine).
 */
export async function startDriver(env, attempts = 3) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startDriverOnce(env);
    } catch (e) {
      if (attempt >= attempts) throw e;
    }
  }
}

async function startDriverOnce(env) {
  const port = await freePort();
  const nativePort = await freePort();
  const driverBin = process.env.TAURI_DRIVER || 'tauri-driver';
  // Its own process group, so that stopping it also ends WebKitWebDriver and
  // any app window a failed test left open.
  const child = spawn(driverBin, ['--port', String(port), '--native-port', String(nativePort)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`tauri-driver exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/status`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`tauri-driver did not answer on port ${port}`);
    }
    await sleep(100);
  }
  return {
    base,
    /** A session of `binary` (the app under test unless told). */
    async open(binary = appBinary()) {
      return Session.create(base, binary);
    },
    stop,
  };
}

/**
 * Captures the X display as a PNG, as a person would see it. (WebDriver's
 * own screenshot waits for a composited frame, which WebKitGTK does not
 * produce when compositing is off, as it is on machines without a GPU.)
 * The app's window is 1280×800 at the origin of the display.
 */
export function screenshot(path) {
  execFileSync('import', ['-window', 'root', '-crop', '1280x800+0+0', '+repage', path]);
}

/** Where the end-to-end tests leave their screenshots and PDF texts. */
export const artifactsDir = resolve(here, '../artifacts');

/**
 * A screenshot saved as tests/artifacts/<name>.png for a person to look at;
 * never a failure (the test's assertions say what matters).
 */
export function saveScreenshot(name) {
  try {
    mkdirSync(artifactsDir, { recursive: true });
    screenshot(join(artifactsDir, `${name}.png`));
  } catch {
    /* a help for looking, never a failure */
  }
}

/**
 * The pid of the app running on `dataDir` (its TRIBU_DATA_DIR), found in
 * /proc; null when none runs.
 */
export function appPid(dataDir) {
  const bin = appBinary();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/exe`) !== bin) continue;
      const env = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (env.includes(`TRIBU_DATA_DIR=${dataDir}`)) return Number(entry);
    } catch {
      /* gone, or not ours to read */
    }
  }
  return null;
}

/**
 * Asks the window `windowId` (an X window id, as xdotool gives it) to close
 * as a window manager does when the user clicks its close button: a
 * WM_DELETE_WINDOW message. (WebDriver's own quit ends the page without
 * asking, and Xvfb runs no window manager.) Uses libX11 through Python's
 * ctypes, so nothing more needs installing.
 */
export function closeWindow(windowId) {
  execFileSync('python3', [
    '-c',
    `import ctypes, sys
x = ctypes.cdll.LoadLibrary("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XInternAtom.restype = ctypes.c_ulong
x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
x.XFlush.argtypes = [ctypes.c_void_p]
class ClientMessage(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int), ("data", ctypes.c_long * 5)]
class Event(ctypes.Union):
    _fields_ = [("xclient", ClientMessage), ("pad", ctypes.c_long * 24)]
dpy = x.XOpenDisplay(None)
win = int(sys.argv[1])
event = Event()
event.xclient.type = 33  # ClientMessage
event.xclient.window = win
event.xclient.message_type = x.XInternAtom(dpy, b"WM_PROTOCOLS", 0)
event.xclient.format = 32
event.xclient.data[0] = x.XInternAtom(dpy, b"WM_DELETE_WINDOW", 0)
x.XSendEvent(dpy, win, 0, 0, ctypes.byref(event))
x.XFlush(dpy)`,
    String(windowId),
  ]);
}
