// The views refetch on the Rust side's `changed` event, which names what a
// command's committed writes touched, whoever made them: this window's own
// edit, an import, an undo, the scheduler. No view refreshes by hand after
// its own write.
import type { UnlistenFn } from '@tauri-apps/api/event';
import { onChanged } from '../api';
import type { Changes } from '../bindings/Changes';
import type { Topic } from '../bindings/Topic';
import { rhythmSettingsChanged } from '../rhythm';
import { calendarState } from './calendar.svelte';
import { charterChanged } from './charter.svelte';
import { crisisStore } from './crisis.svelte';
import { journalStore } from './journal.svelte';
import { kpiState } from './kpi.svelte';
import { networksState } from './networks.svelte';
import { scheduleState } from './schedule.svelte';

/** Tells each view whose data `changes` touched to refetch it, once. */
export function applyChanges(changes: Changes): void {
  const touched = new Set(changes.topics);
  const any = (...topics: Topic[]) => topics.some((topic) => touched.has(topic));
  // A failed reload keeps what is shown; the next change tries again.
  const quietly = (load: Promise<void>) => void load.catch(() => undefined);
  // The calendar shows posts with their network's colour, the charter's
  // warnings and the crisis' suspensions.
  if (any('posts', 'networks', 'charter', 'crisis')) calendarState.postsChanged();
  if (any('posts')) quietly(networksState.loadThemes());
  if (any('key_dates')) calendarState.keyDatesChanged();
  if (any('networks')) quietly(networksState.load());
  if (any('settings')) quietly(scheduleState.load());
  // Rhythm targets come from the planning settings and the charter's guidelines.
  if (any('settings', 'charter')) rhythmSettingsChanged();
  // The dashboard counts posts and their results.
  if (any('kpis', 'posts')) kpiState.changed();
  if (any('crisis')) quietly(crisisStore.load());
  if (any('charter')) charterChanged();
  // What Undo and Redo would do, and the history panel.
  if (any('journal')) quietly(journalStore.changed());
}

/** How long the window waits for a burst of changes to end before refetching. */
export const QUIET_MS = 40;
/** The longest a refetch waits while changes keep coming. */
export const MAX_WAIT_MS = 400;

/**
 * `apply` once per burst of changes, with every topic of the burst: an
 * import or a script making a thousand writes refetches the calendar a few
 * times, not a thousand. A lone edit is shown after QUIET_MS.
 */
export function coalesce(apply: (changes: Changes) => void): (changes: Changes) => void {
  const pending = new Set<Topic>();
  let quiet: ReturnType<typeof setTimeout> | null = null;
  let deadline: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (quiet) clearTimeout(quiet);
    if (deadline) clearTimeout(deadline);
    quiet = deadline = null;
    const topics = [...pending];
    pending.clear();
    if (topics.length > 0) apply({ topics });
  };
  return (changes) => {
    for (const topic of changes.topics) pending.add(topic);
    if (quiet) clearTimeout(quiet);
    quiet = setTimeout(flush, QUIET_MS);
    deadline ??= setTimeout(flush, MAX_WAIT_MS);
  };
}

/** Follows the `changed` event for as long as the window lives. */
export function followChanges(): Promise<UnlistenFn> {
  return onChanged(coalesce(applyChanges));
}
