// Before the window closes or another brand opens, everything pending is
// saved. When some of it cannot be, the user is asked (UnsavedDialog): try
// again, go on without it, or stay.
import { dropPending, flushPending } from './pending';

/** Why the window is about to leave what is open. */
export type LeavePurpose = 'close' | 'switch';

export type UnsavedPrompt = {
  /** How many things could not be saved. */
  count: number;
  purpose: LeavePurpose;
  /** A retry is under way. */
  retrying: boolean;
};

export const leaving = $state<{ prompt: UnsavedPrompt | null }>({ prompt: null });

let answer: ((go: boolean) => void) | null = null;

function finish(go: boolean): void {
  const resolve = answer;
  answer = null;
  leaving.prompt = null;
  resolve?.(go);
}

/**
 * Saves everything pending. Resolves with true once all of it is saved, or
 * the user chose to go on without what could not be; false when the user
 * chose to stay.
 */
export async function saveBeforeLeaving(purpose: LeavePurpose): Promise<boolean> {
  const failed = await flushPending();
  if (failed === 0) return true;
  // A second request while the question is open replaces the first.
  if (answer) finish(false);
  return new Promise<boolean>((resolve) => {
    answer = resolve;
    leaving.prompt = { count: failed, purpose, retrying: false };
  });
}

/** Tries the refused saves again; goes on once all of them went through. */
export async function retryLeaving(): Promise<void> {
  const prompt = leaving.prompt;
  if (!prompt || prompt.retrying) return;
  leaving.prompt = { ...prompt, retrying: true };
  const failed = await flushPending();
  if (!leaving.prompt) return;
  if (failed === 0) finish(true);
  else leaving.prompt = { ...prompt, count: failed, retrying: false };
}

/** Goes on without what could not be saved. */
export async function leaveWithoutSaving(): Promise<void> {
  await dropPending();
  finish(true);
}

/** Stays: nothing is dropped, the autosaves keep trying. */
export function stay(): void {
  finish(false);
}
