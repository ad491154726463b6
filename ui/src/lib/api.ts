// What the components call. The command wrappers are generated from their
// Rust declarations (`bindings/commands.ts`, `make bindings`); this module
// adds what a declaration cannot say: the events the Rust side sends.
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type { Changes } from './bindings/Changes';
import { commands } from './bindings/commands';
import type { WorkspaceInfo } from './bindings/WorkspaceInfo';

export const api = commands;

/** The event a command's committed writes raise, naming what changed. */
export const CHANGED_EVENT = 'changed';
/** The scheduler's event: posts became due or overdue (the count). */
export const DUE_EVENT = 'posts-due';
/** Another brand is open (a command, a `.tribu` file opened from outside, a notification). */
export const BRAND_SWITCHED_EVENT = 'brand-switched';
/** A brand, and maybe a post in it, asked for from outside the window. */
export const OPEN_REQUESTED_EVENT = 'open-requested';
/** The user closed the window; it closes once the UI calls `windowCloseReady`. */
export const CLOSE_REQUESTED_EVENT = 'close-requested';

/** Calls `handler` with what each command changed; resolves with the way to stop. */
export function onChanged(handler: (changes: Changes) => void): Promise<UnlistenFn> {
  return listen<Changes>(CHANGED_EVENT, (event) => handler(event.payload));
}

/** Calls `handler` each time the scheduler delivered notices; resolves with the way to stop. */
export function onPostsDue(handler: () => void): Promise<UnlistenFn> {
  return listen(DUE_EVENT, () => handler());
}

/** Calls `handler` with the brand now open, each time it changes; resolves with the way to stop. */
export function onBrandSwitched(handler: (info: WorkspaceInfo) => void): Promise<UnlistenFn> {
  return listen<WorkspaceInfo>(BRAND_SWITCHED_EVENT, (event) => handler(event.payload));
}

/** What the Rust side asks the window to open: a brand's file, and maybe a post in it. */
export type OpenRequest = { path: string; postId: string | null };

/**
 * Calls `handler` when a brand is asked for from outside the window (a
 * `.tribu` file handed over by a second launch, a clicked notification);
 * resolves with the way to stop.
 */
export function onOpenRequested(handler: (request: OpenRequest) => void): Promise<UnlistenFn> {
  return listen<OpenRequest>(OPEN_REQUESTED_EVENT, (event) => handler(event.payload));
}

/** Calls `handler` when the user closes the window; resolves with the way to stop. */
export function onCloseRequested(handler: () => void): Promise<UnlistenFn> {
  return listen(CLOSE_REQUESTED_EVENT, () => handler());
}
