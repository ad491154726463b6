import { describe, expect, it } from 'vitest';
import { dropTarget } from './moves';
import { calendarTimeZone, computerZone, formatOffset, sameZone, utcOffsetMinutes, wallClock, zoneCity } from './zones';

describe('wallClock', () => {
  // Paris went to summer time on 28 March 2027 (UTC+2), Montreal on
  // 14 March 2027 (UTC−4): 07:00 UTC on the 29th is 09:00 and 03:00.
  const instant = '2027-03-29T07:00:00Z';

  it('shows an instant on the clocks of each zone', () => {
    expect(wallClock(instant, 'Europe/Paris')).toEqual({ date: '2027-03-29', time: '09:00' });
    expect(wallClock(instant, 'America/Montreal')).toEqual({ date: '2027-03-29', time: '03:00' });
    expect(wallClock(instant, 'UTC')).toEqual({ date: '2027-03-29', time: '07:00' });
    expect(utcOffsetMinutes(instant, 'Europe/Paris')).toBe(120);
    expect(utcOffsetMinutes(instant, 'America/Montreal')).toBe(-240);
  });

  it('gives the other day across midnight, and midnight as 00:00', () => {
    expect(wallClock('2027-03-29T02:30:00Z', 'America/Montreal')).toEqual({ date: '2027-03-28', time: '22:30' });
    expect(wallClock('2027-01-14T23:00:00Z', 'Europe/Paris')).toEqual({ date: '2027-01-15', time: '00:00' });
  });

  it('follows each zone\'s own daylight-saving dates', () => {
    // Between 14 and 28 March 2027 the two zones are 5 hours apart, not 6.
    expect(wallClock('2027-03-22T08:00:00Z', 'Europe/Paris').time).toBe('09:00');
    expect(wallClock('2027-03-22T08:00:00Z', 'America/Montreal').time).toBe('04:00');
    expect(utcOffsetMinutes('2027-01-10T12:00:00Z', 'Europe/Paris')).toBe(60);
  });
});

describe('zone names', () => {
  it('names zones by their city and offset', () => {
    expect(zoneCity('America/New_York')).toBe('New York');
    expect(zoneCity('Etc/UTC')).toBe('UTC');
    expect(formatOffset(120)).toBe('UTC+2');
    expect(formatOffset(-240)).toBe('UTC−4');
    expect(formatOffset(330)).toBe('UTC+5:30');
    expect(formatOffset(0)).toBe('UTC');
  });

  it('knows aliases of the same clocks, and gives FullCalendar local for the computer\'s', () => {
    expect(sameZone('Etc/UTC', 'UTC')).toBe(true);
    expect(sameZone('Europe/Paris', 'America/Montreal')).toBe(false);
    expect(calendarTimeZone(computerZone())).toBe('local');
    const other = computerZone() === 'America/Montreal' ? 'Europe/Paris' : 'America/Montreal';
    expect(calendarTimeZone(other)).toBe(other);
  });
});

describe('dropTarget', () => {
  // FullCalendar gives the dropped event's new instant: 09:00 Paris on 30 March.
  const start = new Date('2027-03-30T07:00:00Z');

  it('sends only the day when the calendar shows the post\'s own clocks (month grid)', () => {
    expect(dropTarget(start, 'Europe/Paris', 'Europe/Paris', false)).toEqual({ date: '2027-03-30', time: null });
  });

  it('sends the day and time on the post\'s clocks when the calendar shows other ones', () => {
    // A Paris post seen on Montreal's clocks, or a Montreal post on Paris's.
    expect(dropTarget(start, 'Europe/Paris', 'America/Montreal', false)).toEqual({ date: '2027-03-30', time: '09:00' });
    expect(dropTarget(start, 'America/Montreal', 'Europe/Paris', false)).toEqual({ date: '2027-03-30', time: '03:00' });
    // Late in the evening in Montreal is the next day in Paris.
    expect(dropTarget(new Date('2027-03-30T23:30:00Z'), 'Europe/Paris', 'America/Montreal', false)).toEqual({
      date: '2027-03-31',
      time: '01:30',
    });
  });

  it('sends the slot\'s time in the week grid', () => {
    expect(dropTarget(start, 'Europe/Paris', 'Europe/Paris', true)).toEqual({ date: '2027-03-30', time: '09:00' });
  });
});
