// What is still to save, wherever it was typed: every autosave with changes
// not yet saved (waiting for a pause, on its way, or refused and waiting for
// its retry) is listed here. Closing the window or opening another brand
// saves all of it first (stores/leaving.svelte.ts); nothing typed is dropped
// without the user saying so.

/** Something that holds changes the backend has not saved yet. */
export interface PendingSave {
  /** Saves what is left, a refused save included; resolves with whether all of it is saved now. */
  settle(): Promise<boolean>;
  /** Gives up what is left (the user chose to, or its brand is gone). */
  discard(): Promise<void>;
}

const unsaved = new Set<PendingSave>();

/**
 * Which brand opening the saves belong to. An autosave made while one brand
 * was open never writes once another one is: its post, its section would
 * land in the wrong file.
 */
let epoch = 0;

export function currentEpoch(): number {
  return epoch;
}

export function track(save: PendingSave): void {
  unsaved.add(save);
}

export function untrack(save: PendingSave): void {
  unsaved.delete(save);
}

/** How many things hold unsaved changes. */
export function pendingCount(): number {
  return unsaved.size;
}

/**
 * Saves everything pending, every queue waited for; resolves with how many
 * things still could not be saved (0: all saved).
 */
export async function flushPending(): Promise<number> {
  const results = await Promise.all([...unsaved].map((save) => save.settle().catch(() => false)));
  return results.filter((saved) => !saved).length;
}

/** Drops every pending change; resolves with how many things held some. */
export async function dropPending(): Promise<number> {
  const all = [...unsaved];
  unsaved.clear();
  await Promise.all(all.map((save) => save.discard().catch(() => undefined)));
  return all.length;
}

/**
 * Another brand is open: what the previous one still held is dropped (it
 * cannot be written any more) and saves of the previous opening are refused.
 * Returns how many things held unsaved changes.
 */
export function leaveBrand(): number {
  const count = unsaved.size;
  void dropPending();
  epoch += 1;
  return count;
}
