import { describe, expect, it } from 'vitest';
import { formatDay, formatGrowth, formatMetric, formatMinutes, formatNumber, formatPercent, MISSING, parseNumber, weekdayNames } from './format';

// French groups thousands with a narrow no-break space (U+202F).
const NNBSP = '\u202f';
// and puts a no-break space (U+00A0) before the percent sign.
const NBSP = '\u00a0';

describe('formatNumber', () => {
  it('writes numbers the way each language does', () => {
    expect(formatNumber(1234.5, 'fr')).toBe(`1${NNBSP}234,5`);
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1234.56, 'en')).toBe('1,234.6');
    expect(formatNumber(1234.56, 'en', 0)).toBe('1,235');
  });

  it('never shows NaN or an infinity', () => {
    for (const value of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(formatNumber(value, 'fr')).toBe(MISSING);
      expect(formatPercent(value, 'en')).toBe(MISSING);
      expect(formatMinutes(value, 'en')).toBe(MISSING);
      expect(formatGrowth(value, 'fr')).toBe(MISSING);
      expect(formatMetric(value, 'followers', 'en')).toBe('—');
    }
  });
});

describe('formatMetric', () => {
  it('shows rates with %, response times in minutes and counts as numbers', () => {
    expect(formatMetric(4.25, 'engagement_rate', 'en')).toBe('4.25%');
    expect(formatMetric(4.25, 'engagement_rate', 'fr')).toBe(`4,25${NBSP}%`);
    expect(formatMetric(42, 'response_time_minutes', 'en')).toBe('42 min');
    expect(formatMetric(12345, 'followers', 'en')).toBe('12,345');
    expect(formatMetric(600, 'followers', 'fr')).toBe('600');
  });

  it('signs a change and keeps percentages given in points', () => {
    expect(formatGrowth(12, 'en')).toBe('+12%');
    expect(formatGrowth(-3.5, 'en')).toBe('-3.5%');
    expect(formatGrowth(0, 'en')).toBe('0%');
    expect(formatPercent(20, 'fr', 0)).toBe(`20${NBSP}%`);
  });
});

describe('days', () => {
  it('writes a day in the language and refuses what is not one', () => {
    expect(formatDay('2026-11-22', 'en')).toBe('Nov 22, 2026');
    expect(formatDay('2026-11-22', 'fr')).toBe('22 nov. 2026');
    expect(formatDay('22/11/2026', 'fr')).toBe(MISSING);
    expect(formatDay(null, 'fr')).toBe(MISSING);
  });

  it('starts the week on Monday', () => {
    expect(weekdayNames('en')[0]).toBe('Mon');
    expect(weekdayNames('fr', 'long')[6]).toBe('dimanche');
  });
});

describe('parseNumber', () => {
  it('reads a number as typed, with a comma or a dot and any spaces', () => {
    expect(parseNumber('1 234,5')).toBe(1234.5);
    expect(parseNumber(`12${NNBSP}000`)).toBe(12000);
    expect(parseNumber('0.25')).toBe(0.25);
  });

  it('tells an empty field from one that is not a number', () => {
    expect(parseNumber('  ')).toBeNull();
    expect(parseNumber('abc')).toBeNaN();
  });
});
