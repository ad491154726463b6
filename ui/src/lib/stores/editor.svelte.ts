// Which post the side panel edits. Opening another target remounts the panel
// (keyed on `key`), which flushes the previous post's pending autosave.
import type { Post } from '../bindings/Post';

export type EditorTarget =
  | { mode: 'new'; key: number; date: string | null; time: string | null }
  | { mode: 'edit'; key: number; post: Post; occurrenceDate?: string | null };

let nextKey = 1;

export const editorState = $state<{ target: EditorTarget | null }>({ target: null });

export function openNewPost(date: string | null = null, time: string | null = null): void {
  editorState.target = { mode: 'new', key: nextKey++, date, time };
}

/** `occurrenceDate`: for a recurring post opened from one of its occurrences, which one. */
export function openPost(post: Post, occurrenceDate: string | null = null): void {
  editorState.target = { mode: 'edit', key: nextKey++, post, occurrenceDate };
}

export function closeEditor(): void {
  editorState.target = null;
}
