import type { ErrorPayload } from './bindings/ErrorPayload';
import { t } from './i18n';

export function isErrorPayload(value: unknown): value is ErrorPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/**
 * Every rejection the UI handles has the ErrorPayload shape, even when the
 * failure did not come from our commands (an IPC failure rejects with a plain
 * string or an Error).
 */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (isErrorPayload(error)) return error;
  if (error instanceof Error) return { code: 'io', message: error.message };
  return { code: 'io', message: String(error) };
}

/**
 * The user-facing text of an error: the translation of its reason, else of
 * its code. Every reason and code the Rust side can send has a French and
 * an English text (the key types make a missing one fail the type check);
 * the English `message` is for the logs.
 */
export function describeError(error: ErrorPayload): string {
  return error.reason ? t(`reason.${error.reason}`) : t(`code.${error.code}`);
}

/** A validation error that belongs next to one field of a form. */
export function fieldOf(error: ErrorPayload): string | null {
  return error.code === 'validation' && error.field ? error.field : null;
}
