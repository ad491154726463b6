// Starts tauri-driver with a given TRIBU_DATA_DIR and opens the real Tribu
// binary in a WebDriver session. The caller runs under xvfb-run.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
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

let nextPort = 4444 + (process.pid % 1000) * 2;

/** Runs tauri-driver with `env` added; resolves once it answers. */
export async function startDriver(env) {
  const port = nextPort;
  nextPort += 2;
  const driverBin = process.env.TAURI_DRIVER || 'tauri-driver';
  // Its own process group, so that stopping it also ends WebKitWebDriver and
  // any app window a failed test left open.
  const child = spawn(driverBin, ['--port', String(port), '--native-port', String(port + 1)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`tauri-driver exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/status`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  return {
    base,
    async open() {
      return Session.create(base, appBinary());
    },
    stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    },
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
