// Date helpers in the computer's local time, which is the calendar's time
// zone (`timeZone: 'local'`): a post appears on the local day of its instant.

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of `date` in local time. */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `HH:MM` of `date` in local time. */
export function localTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Adds whole days to a `YYYY-MM-DD` day (calendar arithmetic, no DST drift). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return localDate(new Date(y, m - 1, d + days));
}

export function todayLocal(): string {
  return localDate(new Date());
}

/** The computer's IANA zone, used for ideas that get a date. */
export function systemZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every IANA zone the engine knows, with `current` guaranteed to be listed. */
export function timeZones(current: string | null): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
  const list = zones.length > 0 ? [...zones] : ['UTC'];
  for (const zone of [current, systemZone()]) {
    if (zone && !list.includes(zone)) list.unshift(zone);
  }
  return list;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The time of an instant on the clocks of `zone` (the computer's when
 * absent), in the UI language's usual notation.
 */
export function formatTime(date: Date, locale: string, zone?: string): string {
  const key = `${locale}|${zone ?? ''}`;
  let format = timeFormats.get(key);
  if (!format) {
    // French writes 09:00, English 9:00 AM.
    format = new Intl.DateTimeFormat(locale, {
      hour: locale.startsWith('fr') ? '2-digit' : 'numeric',
      minute: '2-digit',
      ...(zone ? { timeZone: zone } : {}),
    });
    timeFormats.set(key, format);
  }
  return format.format(date);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The long and short ways the editor writes a day: `lundi 15 mars`, `lun. 15 mars 2027`. */
const DAY_STYLES = {
  long: { weekday: 'long', day: 'numeric', month: 'long' },
  short: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/** A `YYYY-MM-DD` day in the UI language, as that calendar day whatever the computer's zone. */
export function formatCalendarDay(day: string, locale: string, style: keyof typeof DAY_STYLES): string {
  const key = `${locale}|${style}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...DAY_STYLES[style], timeZone: 'UTC' });
    dayFormats.set(key, format);
  }
  const [y, m, d] = day.split('-').map(Number);
  return format.format(new Date(Date.UTC(y, m - 1, d)));
}
