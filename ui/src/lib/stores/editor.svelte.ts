// Which post the side panel edits. Opening another target remounts the panel
// (keyed on `key`), which flushes the previous post's pending autosave.
import type { Post } from '../bindings/Post';

export type EditorTarget =
  | { mode: 'new'; key: number; date: string | null; time: string | null }
  | { mode: 'edit'; key: number; post: Post };

let nextKey = 1;

export const editorState = $state<{ target: EditorTarget | null }>({ target: null });

export function openNewPost(date: string | null = null, time: string | null = null): void {
  editorState.target = { mode: 'new', key: nextKey++, date, time };
}

export function openPost(post: Post): void {
  editorState.target = { mode: 'edit', key: nextKey++, post };
}

export function closeEditor(): void {
  editorState.target = null;
}
