// Where a save the backend refused is shown: next to the field it names when
// the form shows that field, else in a toast. Either way the form keeps what
// was typed.
import { describeError, fieldOf, toErrorPayload } from './errors';
import { t } from './i18n';
import { toastError } from './stores/toasts.svelte';

/**
 * The message to show for `error`, by the form's name of its field, or
 * null once it went to a toast. `aliases` maps the backend's field names to
 * the form's. `quiet`: an automatic retry of a save already reported, which
 * does not toast again (the form still says "Not saved").
 */
export function placeSaveError(
  error: unknown,
  fields: ReadonlySet<string>,
  aliases: Readonly<Record<string, string>> = {},
  quiet = false,
): Record<string, string> | null {
  const payload = toErrorPayload(error);
  const raw = fieldOf(payload);
  const field = raw ? (aliases[raw] ?? raw) : null;
  if (field && fields.has(field)) return { [field]: describeError(payload) };
  if (!quiet) toastError(t('errors.save', { message: describeError(payload) }));
  return null;
}
