// How the window words brands and their backups: a brand's initial, a
// backup's date, size and kind, which backup is the last good one, who
// holds a brand open elsewhere.
import type { Access } from './bindings/Access';
import type { BackupInfo } from './bindings/BackupInfo';
import { when } from './crisis';
import { t } from './i18n';

/** The letter in a brand's circle: its first character, capitalised. */
export function initialOf(name: string): string {
  const first = Array.from(name.trim())[0];
  return first ? first.toLocaleUpperCase() : '?';
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format;
}

const KIB = 1024;
const MIB = KIB * 1024;
const GIB = MIB * 1024;

/**
 * A file's size as people read it: whole kilobytes below a megabyte (a
 * file of a few bytes is "1 KB", not "0 KB"), else megabytes or gigabytes
 * with one decimal. French writes ko, Mo, Go.
 */
export function formatSize(bytes: number, locale: string): string {
  if (bytes < MIB) {
    const kb = bytes <= 0 ? 0 : Math.max(1, Math.round(bytes / KIB));
    return t('size.kb', { n: numberFormat(locale, 0).format(kb) });
  }
  if (bytes < GIB) return t('size.mb', { n: numberFormat(locale, 1).format(bytes / MIB) });
  return t('size.gb', { n: numberFormat(locale, 1).format(bytes / GIB) });
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant as a day and a time in the user's language and zone: `5 mars 2026, 09:05`. */
export function formatDateTime(at: string, locale: string): string {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    dateTimeFormats.set(locale, format);
  }
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : format.format(date);
}

/** The backups newest first, whatever order they came in. */
export function newestFirst(backups: readonly BackupInfo[]): BackupInfo[] {
  return [...backups].sort((a, b) => Date.parse(b.takenAt) - Date.parse(a.takenAt));
}

/**
 * The backup to restore when the file cannot be opened: the newest one
 * whose contents could be read (it names its brand), else the newest.
 */
export function lastGoodBackup(backups: readonly BackupInfo[]): BackupInfo | null {
  const sorted = newestFirst(backups);
  return sorted.find((backup) => backup.brand !== null) ?? sorted[0] ?? null;
}

/** What the read-only banner says: why the brand cannot be written, then what still works. */
export function readOnlyText(access: Access): { title: string; detail: string } {
  if (access.reason === 'locked') {
    const holder = access.holder;
    let title: string;
    if (!holder) title = t('readOnly.lockedUnknown');
    else if (holder.thisMachine) title = t('readOnly.lockedHere', { user: holder.user, pid: String(holder.pid), since: when(holder.since) });
    else title = t('readOnly.lockedBy', { host: holder.host, user: holder.user, since: when(holder.since) });
    return { title, detail: t('readOnly.lockedDetail') };
  }
  if (access.reason === 'file_read_only') return { title: t('readOnly.fileTitle'), detail: t('readOnly.fileDetail') };
  return { title: t('readOnly.title'), detail: t('readOnly.detail') };
}
