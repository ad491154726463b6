// Helpers of the CSV import dialog: reading the chosen file, the lines the
// user confirms, and the problems of a line in the UI's language.
import type { CsvIssue } from '../bindings/CsvIssue';
import type { CsvIssueReason } from '../bindings/CsvIssueReason';
import type { CsvPreview } from '../bindings/CsvPreview';
import type { ObservationInput } from '../bindings/ObservationInput';
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

/** The observations of the lines without errors: what "Import" writes. */
export function validObservations(preview: CsvPreview): ObservationInput[] {
  return preview.lines.filter((line) => line.errors.length === 0).flatMap((line) => line.observations);
}

/** A problem of the file or of a line, in the UI's language. */
export function describeIssue(issue: CsvIssue, preview: CsvPreview): string {
  const key = reasonKey(issue.reason);
  const index = issue.column === null ? -1 : preview.header.indexOf(issue.column);
  const line = preview.lines.find((l) => l.line === issue.line);
  const value = index >= 0 ? (line?.cells[index] ?? '').trim() : '';
  return t(key, { column: issue.column ?? '', value });
}

function read(file: Blob, encoding?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, encoding);
  });
}

/**
 * The file's text. Spreadsheets often save CSV in Windows-1252 rather than
 * UTF-8: when UTF-8 gives replacement characters, the file is read again
 * in that encoding so that "Abonnés" stays "Abonnés".
 */
export async function readCsvFile(file: Blob): Promise<string> {
  const text = await read(file);
  return text.includes('\uFFFD') ? read(file, 'windows-1252') : text;
}
