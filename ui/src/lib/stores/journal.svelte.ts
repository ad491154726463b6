// Undo and redo for the whole window: what the Edit menu offers (read again
// whenever the history changes, the `journal` topic), and the steps
// themselves, one after another, each saving what is pending first so
// that Undo takes back the latest change, the one typed a moment ago
// included. What a step changed reaches the views through the `changed`
// event, as any write does.
import { api } from '../api';
import type { JournalEntry } from '../bindings/JournalEntry';
import { describeError, toErrorPayload } from '../errors';
import { actionInSentence } from '../history';
import { t } from '../i18n';
import { closeEditor, editorState, openPost } from './editor.svelte';
import { flushPending } from './pending';
import { showToast, toastError, toastInfo } from './toasts.svelte';

class JournalStore {
  /** What Undo would take back now, and what Redo would do again. */
  undo = $state<JournalEntry | null>(null);
  redo = $state<JournalEntry | null>(null);
  /** Bumped whenever the history changes: the history panel reads it again. */
  revision = $state(0);
  /** A step is under way. */
  busy = $state(false);

  async load(): Promise<void> {
    const state = await api.journalState();
    this.undo = state.undo;
    this.redo = state.redo;
  }

  /** The history changed (an action, an undo, a redo, another program). */
  changed(): Promise<void> {
    this.revision += 1;
    return this.load();
  }

  reset(): void {
    this.undo = null;
    this.redo = null;
  }
}

export const journalStore = new JournalStore();

let queue: Promise<unknown> = Promise.resolve();

/** Runs steps one after another: Ctrl+Z held down undoes one action at a time. */
function serial<T>(run: () => Promise<T>): Promise<T> {
  const result = queue.then(run);
  queue = result.catch(() => undefined);
  return result;
}

async function step<T>(run: () => Promise<T>): Promise<T> {
  return serial(async () => {
    journalStore.busy = true;
    try {
      // A pending edit is saved first: it is the latest change.
      await flushPending();
      const result = await run();
      await refreshEditor();
      return result;
    } finally {
      journalStore.busy = false;
    }
  });
}

/**
 * The post open in the side panel may be what the step changed: it is
 * shown again as it now is (its pending edits were saved before the step),
 * or closed when it is gone. An occurrence's panel closes: where the
 * occurrence stands may have changed.
 */
async function refreshEditor(): Promise<void> {
  const target = editorState.target;
  if (!target || target.mode !== 'edit') return;
  if (target.occurrenceDate) {
    closeEditor();
    return;
  }
  try {
    const post = await api.postGet(target.post.id);
    if (editorState.target === target) openPost(post);
  } catch {
    if (editorState.target === target) closeEditor();
  }
}

export type StepOptions = {
  /** Undo only if the latest action is this one (`not_latest` otherwise). */
  expected?: number | null;
  /** Says the outcome itself: no toast here on success. */
  quiet?: boolean;
  /** A refusal the caller words itself; return true when it did. */
  onRefused?: (reason: string | undefined) => boolean;
};

function refused(which: 'undo' | 'redo', error: unknown, options: StepOptions): void {
  const payload = toErrorPayload(error);
  if (options.onRefused?.(payload.reason)) return;
  if (payload.reason === 'nothing_to_undo' || payload.reason === 'nothing_to_redo') toastInfo(describeError(payload));
  else toastError(t(which === 'undo' ? 'edit.undoFailed' : 'edit.redoFailed', { message: describeError(payload) }));
}

/** Takes back the latest action; resolves with it, or null when it was refused (and said so). */
export function undoLatest(options: StepOptions = {}): Promise<JournalEntry | null> {
  return step(async () => {
    try {
      const entry = await api.journalUndo(options.expected ?? null);
      if (!options.quiet) {
        showToast('info', t('edit.undone', { what: actionInSentence(entry.label) }), {
          action: { label: t('edit.redo'), testId: 'toast-redo', run: () => void redoLatest() },
        });
      }
      return entry;
    } catch (error) {
      refused('undo', error, options);
      return null;
    }
  });
}

/** Does again the last action undone; resolves with it, or null when it was refused. */
export function redoLatest(options: StepOptions = {}): Promise<JournalEntry | null> {
  return step(async () => {
    try {
      const entry = await api.journalRedo();
      if (!options.quiet) showToast('info', t('edit.redone', { what: actionInSentence(entry.label) }));
      return entry;
    } catch (error) {
      refused('redo', error, options);
      return null;
    }
  });
}

/** Takes back every action from the latest down to `entry`, all or none. */
export function undoBackTo(entry: JournalEntry): Promise<JournalEntry[] | null> {
  return step(async () => {
    try {
      const undone = await api.journalUndoTo(entry.id);
      const oldest = undone[undone.length - 1] ?? entry;
      showToast('info', t('history.undoneMany', { n: undone.length, what: actionInSentence(oldest.label) }));
      return undone;
    } catch (error) {
      refused('undo', error, {});
      return null;
    }
  });
}
