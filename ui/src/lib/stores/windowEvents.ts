// What the Rust side tells the window about itself: another brand is open
// (opened from outside too: a `.tribu` file, a notification), a notification
// asks for a post, the user closes the window.
import type { UnlistenFn } from '@tauri-apps/api/event';
import { api, onBrandSwitched, onCloseRequested, onOpenRequested, type OpenRequest } from '../api';
import { describeError, toErrorPayload } from '../errors';
import { t } from '../i18n';
import { openPostInCalendar } from '../kpi/openPost';
import { brandSettled, brandState, enterBrand, openBrand } from './brand.svelte';
import { saveBeforeLeaving } from './leaving.svelte';
import { toastError } from './toasts.svelte';

let closing = false;

/**
 * The window closes once everything typed is saved (or the user chose to go
 * without what could not be); the Rust side waits for `windowCloseReady`.
 */
export async function closeWhenSaved(): Promise<void> {
  if (closing) return;
  closing = true;
  try {
    // The page is alive and on it: the Rust side waits for as long as it takes.
    await api.windowCloseHeld();
    if (await saveBeforeLeaving('close')) await api.windowCloseReady();
  } catch (error) {
    toastError(t('errors.generic', { message: describeError(toErrorPayload(error)) }));
  } finally {
    closing = false;
  }
}

/** A clicked notification: the calendar on the post's date, the post in the editor. */
export async function showPostFromNotice(postId: string): Promise<void> {
  // The notification may have opened the post's brand first.
  await brandSettled();
  try {
    await openPostInCalendar(postId);
  } catch (error) {
    toastError(t('errors.load', { message: describeError(toErrorPayload(error)) }));
  }
}

/**
 * A brand asked for from outside the window (a file handed over, a clicked
 * notification): what is pending is saved first, as for a switch from the
 * menu, then the brand opens, then the post if there is one.
 */
export async function openRequested(request: OpenRequest): Promise<void> {
  try {
    if (brandState.info?.path !== request.path) {
      const opened = await openBrand(() => api.brandSwitch(request.path));
      if (!opened) return;
    }
    if (request.postId) await showPostFromNotice(request.postId);
  } catch (error) {
    toastError(t('errors.load', { message: describeError(toErrorPayload(error)) }));
  }
}

/** Follows the window's events for as long as it lives; returns the way to stop. */
export function followWindowEvents(): () => void {
  const listening: Promise<UnlistenFn>[] = [
    onBrandSwitched((info) => void enterBrand(info)),
    onOpenRequested((request) => void openRequested(request)),
    onCloseRequested(() => void closeWhenSaved()),
  ];
  // Outside the app (tests, a plain browser) there is no event to follow.
  for (const stop of listening) stop.catch(() => undefined);
  return () => {
    for (const stop of listening) stop.then((unlisten) => unlisten(), () => undefined);
  };
}
