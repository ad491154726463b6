import { afterEach, describe, expect, it, vi } from 'vitest';
import { addMonths, periodRange } from './period';

afterEach(() => vi.useRealTimers());

/** The clock at 10:00 local time on a day. */
function at(day: string): void {
  const [y, m, d] = day.split('-').map(Number);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(y, m - 1, d, 10, 0));
}

describe('periodRange', () => {
  it('this month runs from its first day to today', () => {
    at('2026-02-15');
    expect(periodRange('this_month')).toEqual({ start: '2026-02-01', end: '2026-02-15' });
  });

  it('last month is the whole previous month, across a year', () => {
    at('2026-03-31');
    expect(periodRange('last_month')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    at('2026-01-10');
    expect(periodRange('last_month')).toEqual({ start: '2025-12-01', end: '2025-12-31' });
  });

  it('the last 30 and 90 days include today', () => {
    // 15 Feb minus 29 days: 17 January.
    at('2026-02-15');
    expect(periodRange('last_30_days')).toEqual({ start: '2026-01-17', end: '2026-02-15' });
    // 31 March minus 89 days: 1 January (31 + 28 + 30 = 89).
    at('2026-03-31');
    expect(periodRange('last_90_days')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
  });

  it('the last 30 days count 29 February when there is one', () => {
    at('2027-03-01');
    expect(periodRange('last_30_days')).toEqual({ start: '2027-01-31', end: '2027-03-01' });
    at('2028-03-01');
    expect(periodRange('last_30_days')).toEqual({ start: '2028-02-01', end: '2028-03-01' });
  });

  it('this quarter starts on the first day of January, April, July or October', () => {
    at('2026-05-20');
    expect(periodRange('this_quarter')).toEqual({ start: '2026-04-01', end: '2026-05-20' });
    at('2026-12-31');
    expect(periodRange('this_quarter')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    at('2026-01-01');
    expect(periodRange('this_quarter')).toEqual({ start: '2026-01-01', end: '2026-01-01' });
  });

  it('this year and a custom period', () => {
    at('2026-11-22');
    expect(periodRange('this_year')).toEqual({ start: '2026-01-01', end: '2026-11-22' });
    expect(periodRange('custom', new Date(), { start: '2025-06-01', end: '2025-06-30' })).toEqual({
      start: '2025-06-01',
      end: '2025-06-30',
    });
    expect(periodRange('custom', new Date(), { start: '2025-06-01', end: '' })).toBeNull();
  });
});

describe('addMonths', () => {
  it('keeps the day inside the target month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-22', 3)).toBe('2027-02-22');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });
});
