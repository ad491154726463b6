// Helpers of the CSV import dialog: the problems of a line in the UI's
// language, the counts, the page's line range, and the path of a dropped
// file. The file itself is read and decoded in Rust, never here.
import type { CsvIssue } from '../bindings/CsvIssue';
import type { CsvIssueReason } from '../bindings/CsvIssueReason';
import type { CsvLine } from '../bindings/CsvLine';
import type { CsvPreviewPage } from '../bindings/CsvPreviewPage';
import { t, type MessageKey } from '../i18n';
import { formatNumber } from './format';

/**
 * The key of a reason's text: a reason the core adds without a French and
 * an English text fails the type check here.
 */
function reasonKey(reason: CsvIssueReason): MessageKey {
  return `kpi.csv.reason.${reason}`;
}

/** A count of lines or values in the language's notation, in the plural form it calls for. */
export function counted(key: MessageKey, n: number, locale: string): string {
  return t(key, { n: formatNumber(n, locale) }, n);
}

/** A problem of the file or of a line (of the page shown), in the UI's language. */
export function describeIssue(issue: CsvIssue, preview: { header: string[]; lines: CsvLine[] }): string {
  const key = reasonKey(issue.reason);
  const index = issue.column === null ? -1 : preview.header.indexOf(issue.column);
  const line = preview.lines.find((l) => l.line === issue.line);
  const value = index >= 0 ? (line?.cells[index] ?? '').trim() : '';
  return t(key, { column: issue.column ?? '', value });
}

/** The positions (1-based) of the page's first and last lines among the lines shown. */
export function pageRange(page: CsvPreviewPage): { first: number; last: number } {
  if (page.lines.length === 0) return { first: 0, last: 0 };
  const first = page.page * page.pageSize + 1;
  return { first, last: first + page.lines.length - 1 };
}

/**
 * The path of a file dropped from the file manager, which names it in
 * `text/uri-list` (`file:///home/…`); null when the drop gives none.
 */
export function droppedPath(data: Pick<DataTransfer, 'getData'> | null | undefined): string | null {
  const list = data?.getData('text/uri-list') ?? '';
  const uri = list
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('#'));
  if (!uri || !uri.startsWith('file://')) return null;
  try {
    const url = new URL(uri);
    if (url.host !== '' && url.host !== 'localhost') return null;
    return decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
}
