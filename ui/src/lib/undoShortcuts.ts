// Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) for the whole window, one handler:
// outside text fields they undo and redo the brand's latest action; in an
// input, a text area, a select or an editable element they are left to the
// field, which undoes its own typing.

export type UndoShortcut = 'undo' | 'redo';

/** Whether typing in `target` has its own undo (Ctrl+Z stays the field's). */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('[contenteditable]:not([contenteditable="false"])')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'range', 'file'].includes(target.type);
}

/** The letter pressed, whatever the layout (a non-Latin one gives its own key). */
function letterOf(event: KeyboardEvent): string {
  const key = event.key.toLowerCase();
  if (/^[a-z]$/.test(key)) return key;
  return event.code.startsWith('Key') ? event.code.slice(3).toLowerCase() : key;
}

/** Which step `event` asks for, if it is one of the shortcuts. */
export function shortcutOf(event: KeyboardEvent): UndoShortcut | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const letter = letterOf(event);
  if (letter === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (letter === 'y' && !event.shiftKey) return 'redo';
  return null;
}

/**
 * The step the window takes for `event`, or null when the event belongs to
 * someone else: a text field, a handler that took it already, a modal
 * dialog over the window (a form or a question waits for its answer).
 */
export function windowShortcut(event: KeyboardEvent): UndoShortcut | null {
  const step = shortcutOf(event);
  if (!step || event.defaultPrevented || isTextField(event.target)) return null;
  if (document.querySelector('[aria-modal="true"]')) return null;
  return step;
}
