// Desktop notifications as the tests see them: the Notify calls on the
// session bus (the tests run under dbus-run-session; dunst, D-Bus-activated,
// answers them), and clocks to plan a post whose notice comes soon.

import { spawn } from 'node:child_process';
import { sleep } from './webdriver.mjs';

/** Watches the Notify calls sent on the session bus until `stop()`. */
export function watchNotifications() {
  let output = '';
  const child = spawn('dbus-monitor', ['--session', "interface='org.freedesktop.Notifications'"], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  return {
    get output() {
      return output;
    },
    /** The Notify calls seen so far that mention `text`. */
    notifies(text) {
      return output
        .split(/^(?=method call )/m)
        .filter((call) => /member=Notify\b/.test(call.split('\n')[0]) && call.includes(text));
    },
    stop() {
      child.kill('SIGTERM');
    },
  };
}

/** Resolves once `check()` holds; fails after `timeout` ms naming `what`. */
export async function waitUntil(check, timeout, what) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(250);
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
}

/** `{ date: 'YYYY-MM-DD', time: 'HH:MM' }` of `instant` on the clocks of `zone`. */
export function wallClock(instant, zone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour % 24 === 0 ? '00' : parts.hour}:${parts.minute}` };
}
