// Instants on the wall clock of a named IANA zone. The calendar shows posts
// either in the audience's zone or in the computer's; a post itself is planned
// in its own zone (the backend's `date` and `time` arguments are always local
// to the post's zone). These functions go between the three.

const pad = (n: number) => String(n).padStart(2, '0');

/** The computer's IANA zone as this window sees it. */
export function computerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const formats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(zone, format);
  }
  return format;
}

type Fields = { y: number; mo: number; d: number; h: number; mi: number; s: number };

function fieldsIn(instant: Date, zone: string): Fields {
  const parts: Record<string, number> = {};
  for (const part of partsFormat(zone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  // Some engines write midnight as 24 even with h23.
  return { y: parts.year, mo: parts.month, d: parts.day, h: parts.hour % 24, mi: parts.minute, s: parts.second };
}

const toDate = (instant: Date | string | number) => (instant instanceof Date ? instant : new Date(instant));

/** `{ date: 'YYYY-MM-DD', time: 'HH:MM' }` of `instant` on the clocks of `zone`. */
export function wallClock(instant: Date | string | number, zone: string): { date: string; time: string } {
  const f = fieldsIn(toDate(instant), zone);
  return { date: `${f.y}-${pad(f.mo)}-${pad(f.d)}`, time: `${pad(f.h)}:${pad(f.mi)}` };
}

/** The zone's offset from UTC at `instant`, in minutes (120 for Paris in summer). */
export function utcOffsetMinutes(instant: Date | string | number, zone: string): number {
  const at = toDate(instant);
  const f = fieldsIn(at, zone);
  const asUtc = Date.UTC(f.y, f.mo - 1, f.d, f.h, f.mi, f.s);
  const whole = Math.floor(at.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60000);
}

/** `UTC+2`, `UTC−4`, `UTC+5:30`, `UTC`. */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  return `UTC${sign}${hours}${rest ? `:${pad(rest)}` : ''}`;
}

/** A zone as people name it: its city (`America/New_York` → `New York`). */
export function zoneCity(zone: string): string {
  if (/^(Etc\/)?(UTC|GMT|Universal|Zulu)$/i.test(zone)) return 'UTC';
  const last = zone.split('/').pop() ?? zone;
  return last.replaceAll('_', ' ');
}

/** Whether two IANA names are the same clocks (`Etc/UTC` and `UTC` are). */
export function sameZone(a: string, b: string): boolean {
  if (a === b) return true;
  const canonical = (zone: string) => {
    try {
      return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      return zone;
    }
  };
  const [ca, cb] = [canonical(a), canonical(b)];
  if (ca === cb) return true;
  return zoneCity(ca) === 'UTC' && zoneCity(cb) === 'UTC';
}

/**
 * FullCalendar's `timeZone` option for a zone: `local` for the computer's own
 * (the fast path, no conversion), else the IANA name, which the Luxon plugin
 * resolves.
 */
export function calendarTimeZone(zone: string): string {
  return sameZone(zone, computerZone()) ? 'local' : zone;
}
