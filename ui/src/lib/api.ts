// What the components call. The command wrappers are generated from their
// Rust declarations (`bindings/commands.ts`, `make bindings`); this module
// adds what a declaration cannot say: the events the Rust side sends.
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type { Changes } from './bindings/Changes';
import { commands } from './bindings/commands';

export const api = commands;

/** The event a command's committed writes raise, naming what changed. */
export const CHANGED_EVENT = 'changed';
/** The scheduler's event: posts became due or overdue (the count). */
export const DUE_EVENT = 'posts-due';

/** Calls `handler` with what each command changed; resolves with the way to stop. */
export function onChanged(handler: (changes: Changes) => void): Promise<UnlistenFn> {
  return listen<Changes>(CHANGED_EVENT, (event) => handler(event.payload));
}

/** Calls `handler` each time the scheduler delivered notices; resolves with the way to stop. */
export function onPostsDue(handler: () => void): Promise<UnlistenFn> {
  return listen(DUE_EVENT, () => handler());
}
