// The post editor's checks against the charter, as sentences.
import type { DraftWarning } from '../bindings/DraftWarning';
import { t } from '../i18n';

export function describeDraftWarning(warning: DraftWarning): string {
  switch (warning.kind) {
    case 'banned_term':
      return t('draft.bannedTerm', { term: warning.term, n: warning.occurrences });
    case 'over_limit':
      return t('draft.overLimit', { length: warning.length, limit: warning.limit });
    case 'too_many_hashtags':
      return t('draft.tooManyHashtags', { count: warning.count, max: warning.max });
    case 'address_mismatch':
      return t('draft.addressMismatch', {
        expected: warning.expected,
        found: warning.found.map((text) => t('draft.quoted', { text })).join(', '),
      });
  }
}
