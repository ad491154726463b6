// Recurrence rules as the post editor offers them: a frequency, an interval,
// weekdays for a weekly rule, and an end (never, after N times, or through a
// day). Built as RFC 5545 RRULE text for the backend, and read back so a
// stored rule shows in the controls. Pure functions, unit-tested.
//
// UNTIL is written as a plain date, `UNTIL=20271231`: the backend reads it as
// "through that local day" in the post's zone. It also reads (and writes, when
// a series is split) `UNTIL=20270630T215959Z`, an instant, and a floating
// `UNTIL=20270630T090000`; both are read back here as the local day they fall
// on.
import { currentLocale, t } from '../i18n';
import { wallClock } from '../calendar/zones';

export type Freq = 'daily' | 'weekly' | 'monthly' | 'yearly';
export const FREQS: readonly Freq[] = ['daily', 'weekly', 'monthly', 'yearly'];

export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';
/** Monday first, as the calendar shows the week. */
export const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export type RecurrenceEnd = { kind: 'never' } | { kind: 'count'; count: number } | { kind: 'until'; until: string };

export type Recurrence = {
  freq: Freq;
  /** Every `interval` days, weeks, months or years (1 or more). */
  interval: number;
  /** For a weekly rule: the days it falls on; empty means the start's weekday. */
  weekdays: Weekday[];
  end: RecurrenceEnd;
};

const FREQ_TEXT: Record<Freq, string> = { daily: 'DAILY', weekly: 'WEEKLY', monthly: 'MONTHLY', yearly: 'YEARLY' };

/** The weekday of a `YYYY-MM-DD` day. */
export function weekdayOf(date: string): Weekday {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return WEEKDAYS[(day + 6) % 7];
}

/** A new rule of `freq` for a post starting on `start` (weekly: on its weekday). */
export function defaultRecurrence(freq: Freq, start: string | null): Recurrence {
  return {
    freq,
    interval: 1,
    weekdays: freq === 'weekly' && start ? [weekdayOf(start)] : [],
    end: { kind: 'never' },
  };
}

const sortDays = (days: readonly Weekday[]) =>
  WEEKDAYS.filter((day) => days.includes(day));

/** The RRULE value: `FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TH;COUNT=10`. */
export function buildRrule(rule: Recurrence): string {
  const parts = [`FREQ=${FREQ_TEXT[rule.freq]}`, `INTERVAL=${Math.max(1, Math.trunc(rule.interval) || 1)}`];
  if (rule.freq === 'weekly' && rule.weekdays.length > 0) parts.push(`BYDAY=${sortDays(rule.weekdays).join(',')}`);
  if (rule.end.kind === 'count') parts.push(`COUNT=${Math.max(1, Math.trunc(rule.end.count) || 1)}`);
  if (rule.end.kind === 'until') parts.push(`UNTIL=${rule.end.until.replaceAll('-', '')}`);
  return parts.join(';');
}

const isoDay = (compact: string) => `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;

function parseUntil(value: string, zone: string | null): string | null {
  if (/^\d{8}$/.test(value)) return isoDay(value);
  const stamp = /^(\d{8})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(value);
  if (!stamp) return null;
  if (!stamp[5]) return isoDay(stamp[1]);
  const day = isoDay(stamp[1]);
  const instant = new Date(`${day}T${stamp[2]}:${stamp[3]}:${stamp[4]}Z`);
  if (Number.isNaN(instant.getTime())) return null;
  return zone ? wallClock(instant, zone).date : day;
}

/**
 * Reads an RRULE back into the controls' terms; null when the rule uses parts
 * the controls do not offer (BYMONTHDAY, BYSETPOS, numbered weekdays...), which
 * the editor then keeps as it is. `zone` is the post's, for an UNTIL instant.
 */
export function parseRrule(text: string, zone: string | null = null): Recurrence | null {
  let body = text.trim();
  if (/^RRULE:/i.test(body)) body = body.slice(6);
  const parts = new Map<string, string>();
  for (const part of body.split(';').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    const name = part.slice(0, eq).trim().toUpperCase();
    if (parts.has(name)) return null;
    parts.set(name, part.slice(eq + 1).trim().toUpperCase());
  }
  const freq = FREQS.find((f) => FREQ_TEXT[f] === parts.get('FREQ'));
  if (!freq) return null;
  for (const name of parts.keys()) {
    if (!['FREQ', 'INTERVAL', 'BYDAY', 'COUNT', 'UNTIL'].includes(name)) return null;
  }
  let interval = 1;
  if (parts.has('INTERVAL')) {
    interval = Number(parts.get('INTERVAL'));
    if (!Number.isInteger(interval) || interval < 1) return null;
  }
  let weekdays: Weekday[] = [];
  if (parts.has('BYDAY')) {
    if (freq !== 'weekly') return null;
    const days = (parts.get('BYDAY') ?? '').split(',').map((d) => d.trim());
    if (!days.every((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d))) return null;
    weekdays = sortDays(days as Weekday[]);
  }
  let end: RecurrenceEnd = { kind: 'never' };
  if (parts.has('COUNT') && parts.has('UNTIL')) return null;
  if (parts.has('COUNT')) {
    const count = Number(parts.get('COUNT'));
    if (!Number.isInteger(count) || count < 1) return null;
    end = { kind: 'count', count };
  } else if (parts.has('UNTIL')) {
    const until = parseUntil(parts.get('UNTIL') ?? '', zone);
    if (!until) return null;
    end = { kind: 'until', until };
  }
  return { freq, interval, weekdays, end };
}

// ---- Human summary, in the interface language ----

const dayNameFormats = new Map<string, Intl.DateTimeFormat>();

/** `Monday`, `lundi`. */
export function weekdayName(day: Weekday, locale: string = currentLocale()): string {
  let format = dayNameFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    dayNameFormats.set(locale, format);
  }
  // 1 January 2024 was a Monday.
  return format.format(new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day))));
}

function listOf(items: string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

function formatDay(date: string, locale: string, withYear: boolean): string {
  const [y, m, d] = date.split('-').map(Number);
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', timeZone: 'UTC' };
  if (withYear) options.year = 'numeric';
  return new Intl.DateTimeFormat(locale, options).format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * "Every week on Monday and Thursday, 10 times" / "Toutes les semaines le
 * lundi et le jeudi, 10 fois". `start` (the post's date) names the day of a
 * monthly or yearly rule, and the weekday of a weekly rule without BYDAY.
 */
export function describeRecurrence(rule: Recurrence, start: string | null = null): string {
  const locale = currentLocale();
  const n = rule.interval;
  const every = n === 1 ? t(`recurrence.every.${rule.freq}`) : t(`recurrence.every.${rule.freq}N`, { n });
  let text = every;
  if (rule.freq === 'weekly') {
    const days = rule.weekdays.length > 0 ? rule.weekdays : start ? [weekdayOf(start)] : [];
    if (days.length > 0) {
      const names = sortDays(days).map((day) => t('recurrence.day', { day: weekdayName(day, locale) }));
      text = t('recurrence.onDays', { every, days: listOf(names, locale) });
    }
  } else if (rule.freq === 'monthly' && start) {
    text = t('recurrence.onMonthDay', { every, n: Number(start.slice(8, 10)) });
  } else if (rule.freq === 'yearly' && start) {
    text = t('recurrence.onDate', { every, date: formatDay(start, locale, false) });
  }
  if (rule.end.kind === 'count') {
    text = t('recurrence.times', { summary: text, n: rule.end.count });
  } else if (rule.end.kind === 'until') {
    text = t('recurrence.until', { summary: text, date: formatDay(rule.end.until, locale, true) });
  }
  return text;
}
