// Which post the side panel edits. Opening another target remounts the panel
// (keyed on `key`), which flushes the previous post's pending autosave.
import type { Post } from '../bindings/Post';

export type EditorTarget =
  | { mode: 'new'; key: number; date: string | null; time: string | null }
  | { mode: 'edit'; key: number; post: Post; occurrenceDate?: string | null; occurrenceAt?: OccurrenceAt | null };

/** Where an occurrence stands now: its local date and time in the post's zone. */
export type OccurrenceAt = { date: string; time: string };

let nextKey = 1;

export const editorState = $state<{ target: EditorTarget | null }>({ target: null });

export function openNewPost(date: string | null = null, time: string | null = null): void {
  editorState.target = { mode: 'new', key: nextKey++, date, time };
}

/**
 * `occurrenceDate`: for a recurring post opened from one of its occurrences,
 * which one (its original date); `occurrenceAt`: where it stands now.
 */
export function openPost(post: Post, occurrenceDate: string | null = null, occurrenceAt: OccurrenceAt | null = null): void {
  editorState.target = { mode: 'edit', key: nextKey++, post, occurrenceDate, occurrenceAt };
}

export function closeEditor(): void {
  editorState.target = null;
}
