// Wording and times of crisis mode: the banner, the checklist, the log and the
// post-mortem all say the same things the same way.
import type { CrisisLogEntry } from './bindings/CrisisLogEntry';
import type { CrisisState } from './bindings/CrisisState';
import { formatTime, localDate } from './calendar/dates';
import { currentLocale, t } from './i18n';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(locale: string): Intl.DateTimeFormat {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });
    dayFormats.set(locale, format);
  }
  return format;
}

/** `14:32` (or `2:32 PM`) in the computer's zone. */
export function clock(at: string): string {
  return formatTime(new Date(at), currentLocale());
}

/** `Mon 9 March 2026` in the computer's zone. */
export function day(at: string): string {
  return dayFormat(currentLocale()).format(new Date(at));
}

/**
 * The time alone when `at` falls on the same local day as `reference`
 * (today by default), else the day and the time.
 */
export function when(at: string, reference: Date = new Date()): string {
  const date = new Date(at);
  if (localDate(date) === localDate(reference)) return clock(at);
  return t('crisis.dayAndTime', { day: day(at), time: clock(at) });
}

/** `1 h 05 min`, `2 d 3 h`, `12 min`, `less than a minute`. */
export function duration(fromIso: string, toIso: string): string {
  const minutes = Math.max(0, Math.floor((new Date(toIso).getTime() - new Date(fromIso).getTime()) / 60000));
  if (minutes < 1) return t('crisis.duration.underMinute');
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? t('crisis.duration.daysHours', { d: days, h: hours }) : t('crisis.duration.days', { d: days });
  if (hours > 0) return t('crisis.duration.hoursMinutes', { h: hours, m: String(rest).padStart(2, '0') });
  return t('crisis.duration.minutes', { m: rest });
}

/** What a log entry says, in a sentence. */
export function logText(entry: CrisisLogEntry): string {
  switch (entry.kind) {
    case 'started':
      return entry.text ? t('crisis.log.startedWithNote', { note: entry.text }) : t('crisis.log.started');
    case 'step_done':
      return t('crisis.log.stepDone', { step: entry.text });
    case 'step_undone':
      return t('crisis.log.stepUndone', { step: entry.text });
    case 'ended': {
      const n = Number(entry.text);
      return Number.isFinite(n) ? t('crisis.log.ended', { n }) : t('crisis.log.endedPlain');
    }
    default:
      return entry.text;
  }
}

/** Posts given back their status when the crisis ended (the end's log entry says). */
export function restoredCount(crisis: CrisisState): number {
  const ended = [...crisis.log].reverse().find((entry) => entry.kind === 'ended');
  const n = ended ? Number(ended.text) : NaN;
  return Number.isFinite(n) ? n : crisis.suspendedPosts;
}

export function doneSteps(crisis: CrisisState): number {
  return crisis.checklist.filter((step) => step.doneAt !== null).length;
}
