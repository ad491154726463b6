// Fills the open workspace through the app's own commands, as the UI would
// (window.__TAURI_INTERNALS__.invoke), for benchmarks and screenshots.

/** Runs `invoke(command, args)` in the page and returns its result. */
export async function invoke(session, command, args = {}) {
  const result = await session.cmd('POST', '/execute/async', {
    script: `const [cmd, args, done] = arguments;
      window.__TAURI_INTERNALS__.invoke(cmd, args)
        .then((value) => done({ ok: true, value }), (failure) => done({ ok: false, failure }));`,
    args: [command, args],
  });
  // Not `error`: WebDriver reads a value with an `error` key as its own failure.
  if (!result.ok) throw new Error(`${command}: ${JSON.stringify(result.failure)}`);
  return result.value;
}

export function postInput(networkId, fields) {
  return {
    title: 'Post',
    body: '',
    networkId,
    format: 'photo',
    status: 'draft',
    date: null,
    time: null,
    zone: 'Europe/Paris',
    theme: '',
    campaign: '',
    notes: '',
    assetLinks: [],
    ...fields,
  };
}

/** `YYYY-MM-DD` of day `day` in the month of `ref` (a Date). */
export function dayOfMonth(ref, day) {
  const y = ref.getFullYear();
  const m = String(ref.getMonth() + 1).padStart(2, '0');
  return `${y}-${m}-${String(day).padStart(2, '0')}`;
}
