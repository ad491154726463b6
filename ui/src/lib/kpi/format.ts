// Numbers, rates and dates of the KPI panel, written the way the UI's
// language writes them. Nothing here ever shows NaN or an infinity: a
// missing or non-finite value is "—".
import type { Metric } from '../bindings/Metric';

export const MISSING = '—';

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

export function isFiniteNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** `1 234,5` in French, `1,234.5` in English; "—" for a missing value. */
export function formatNumber(value: number | null | undefined, locale: string, maxFraction = 1): string {
  if (!isFiniteNumber(value)) return MISSING;
  return numberFormat(locale, { maximumFractionDigits: maxFraction }).format(value);
}

/** A percentage given in points (12.5 → `12,5 %` / `12.5%`). */
export function formatPercent(value: number | null | undefined, locale: string, maxFraction = 1): string {
  if (!isFiniteNumber(value)) return MISSING;
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: maxFraction }).format(value / 100);
}

/** Minutes, as the response time is counted (`42 min`). */
export function formatMinutes(value: number | null | undefined, locale: string): string {
  if (!isFiniteNumber(value)) return MISSING;
  return numberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short', maximumFractionDigits: 0 }).format(value);
}

/** A value of `metric`: rates with %, response times in minutes, counts as numbers. */
export function formatMetric(value: number | null | undefined, metric: Metric, locale: string): string {
  if (metric === 'engagement_rate') return formatPercent(value, locale, 2);
  if (metric === 'response_time_minutes') return formatMinutes(value, locale);
  // Counts are whole; a mean of counts keeps one decimal.
  return formatNumber(value, locale, isFiniteNumber(value) && Math.abs(value) >= 1000 ? 0 : 1);
}

/** A signed change in points of percentage (`+12 %`, `−3,5 %`). */
export function formatGrowth(value: number | null | undefined, locale: string): string {
  if (!isFiniteNumber(value)) return MISSING;
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value / 100);
}

/** A number as typed, with a comma or a dot and any spaces; null when empty, NaN when it is not one. */
export function parseNumber(text: string): number | null {
  const clean = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return clean === '' ? null : Number(clean);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` as the language writes a day (`22 nov. 2026`, `Nov 22, 2026`). */
export function formatDay(day: string | null | undefined, locale: string): string {
  const date = parseDay(day);
  if (!date) return MISSING;
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
    dateFormats.set(locale, format);
  }
  return format.format(date);
}

/** A local Date at midnight of `YYYY-MM-DD`, or null. */
export function parseDay(day: string | null | undefined): Date | null {
  const match = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Monday … Sunday in the language, short (`lun.`, `Mon`). */
export function weekdayNames(locale: string, width: 'short' | 'long' = 'short'): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: width });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(2024, 0, 1 + i)));
}
