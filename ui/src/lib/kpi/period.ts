// The periods the KPI panel offers, as the first and last day (both
// included, `YYYY-MM-DD`) the dashboard query takes. Periods that contain
// today stop at today: the days to come hold no measure yet.
import { localDate } from '../calendar/dates';

export type PeriodKind =
  | 'this_month'
  | 'last_month'
  | 'last_30_days'
  | 'last_90_days'
  | 'this_quarter'
  | 'this_year'
  | 'custom';

export const PERIOD_KINDS: readonly PeriodKind[] = [
  'this_month',
  'last_month',
  'last_30_days',
  'last_90_days',
  'this_quarter',
  'this_year',
  'custom',
];

export type DayRange = { start: string; end: string };

/**
 * The days of `kind` as seen on `today` (local time). `custom` gives the
 * `custom` range as is (null when either day is missing).
 */
export function periodRange(kind: PeriodKind, today: Date = new Date(), custom?: Partial<DayRange>): DayRange | null {
  const y = today.getFullYear();
  const m = today.getMonth();
  const d = today.getDate();
  const end = localDate(new Date(y, m, d));
  switch (kind) {
    case 'this_month':
      return { start: localDate(new Date(y, m, 1)), end };
    case 'last_month':
      // Day 0 of this month is the last day of the previous one.
      return { start: localDate(new Date(y, m - 1, 1)), end: localDate(new Date(y, m, 0)) };
    case 'last_30_days':
      return { start: localDate(new Date(y, m, d - 29)), end };
    case 'last_90_days':
      return { start: localDate(new Date(y, m, d - 89)), end };
    case 'this_quarter':
      return { start: localDate(new Date(y, m - (m % 3), 1)), end };
    case 'this_year':
      return { start: localDate(new Date(y, 0, 1)), end };
    case 'custom':
      return custom?.start && custom?.end ? { start: custom.start, end: custom.end } : null;
  }
}

/** `YYYY-MM-DD` plus whole months, kept inside the target month (31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const lastDay = new Date(y, m - 1 + months + 1, 0).getDate();
  return localDate(new Date(y, m - 1 + months, Math.min(d, lastDay)));
}
