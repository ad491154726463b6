import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { buildRrule, defaultRecurrence, describeRecurrence, parseRrule, weekdayOf, type Recurrence } from './rrule';

const weekly = (over: Partial<Recurrence> = {}): Recurrence => ({
  freq: 'weekly',
  interval: 1,
  weekdays: ['MO', 'TH'],
  end: { kind: 'never' },
  ...over,
});

describe('buildRrule', () => {
  it('writes a weekly rule on two days, in week order, with a count', () => {
    expect(buildRrule(weekly({ weekdays: ['TH', 'MO'], end: { kind: 'count', count: 10 } }))).toBe(
      'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TH;COUNT=10',
    );
  });

  it('writes UNTIL as the plain date the backend reads as "through that local day"', () => {
    expect(buildRrule({ freq: 'monthly', interval: 2, weekdays: [], end: { kind: 'until', until: '2027-12-31' } })).toBe(
      'FREQ=MONTHLY;INTERVAL=2;UNTIL=20271231',
    );
  });

  it('leaves weekdays to weekly rules and clamps a bad interval to 1', () => {
    expect(buildRrule({ freq: 'daily', interval: 0, weekdays: ['MO'], end: { kind: 'never' } })).toBe('FREQ=DAILY;INTERVAL=1');
    expect(buildRrule({ freq: 'yearly', interval: 1, weekdays: [], end: { kind: 'never' } })).toBe('FREQ=YEARLY;INTERVAL=1');
  });
});

describe('parseRrule', () => {
  it('round-trips what it builds', () => {
    const rules: Recurrence[] = [
      weekly(),
      weekly({ weekdays: ['SU'], interval: 3, end: { kind: 'count', count: 1 } }),
      weekly({ end: { kind: 'until', until: '2027-06-30' } }),
      { freq: 'daily', interval: 2, weekdays: [], end: { kind: 'never' } },
      { freq: 'monthly', interval: 1, weekdays: [], end: { kind: 'count', count: 12 } },
      { freq: 'yearly', interval: 1, weekdays: [], end: { kind: 'until', until: '2030-01-01' } },
    ];
    for (const rule of rules) expect(parseRrule(buildRrule(rule))).toEqual(rule);
  });

  it('reads rules written by hand or by the backend', () => {
    expect(parseRrule('rrule: freq=weekly;byday=th,mo')).toEqual(weekly());
    // A series split by the backend ends at the last instant of a local day.
    expect(parseRrule('FREQ=WEEKLY;BYDAY=MO;UNTIL=20270630T215959Z', 'Europe/Paris')?.end).toEqual({
      kind: 'until',
      until: '2027-06-30',
    });
    expect(parseRrule('FREQ=WEEKLY;UNTIL=20270630T215959Z', 'America/Montreal')?.end).toEqual({
      kind: 'until',
      until: '2027-06-30',
    });
    expect(parseRrule('FREQ=DAILY;UNTIL=20270701T035959Z', 'America/Montreal')?.end).toEqual({
      kind: 'until',
      until: '2027-06-30',
    });
    expect(parseRrule('FREQ=DAILY;UNTIL=20270630T090000')?.end).toEqual({ kind: 'until', until: '2027-06-30' });
  });

  it('gives null for rules the controls cannot show', () => {
    for (const text of [
      'FREQ=MONTHLY;BYMONTHDAY=-1',
      'FREQ=MONTHLY;BYDAY=2TU',
      'FREQ=DAILY;BYDAY=MO',
      'FREQ=HOURLY',
      'FREQ=WEEKLY;COUNT=2;UNTIL=20270101',
      'FREQ=WEEKLY;INTERVAL=0',
      'BYDAY=MO',
      'nonsense',
    ]) {
      expect(parseRrule(text), text).toBeNull();
    }
  });
});

describe('weekdays', () => {
  it('knows the weekday of a day', () => {
    expect(weekdayOf('2027-03-29')).toBe('MO');
    expect(weekdayOf('2027-04-04')).toBe('SU');
    expect(defaultRecurrence('weekly', '2027-04-01').weekdays).toEqual(['TH']);
    expect(defaultRecurrence('monthly', '2027-04-01').weekdays).toEqual([]);
  });
});

describe('describeRecurrence', () => {
  afterEach(() => setLocale('en'));

  it('says it in English', () => {
    setLocale('en');
    expect(describeRecurrence(weekly({ end: { kind: 'count', count: 10 } }))).toBe(
      'Every week on Monday and Thursday, 10 times',
    );
    expect(describeRecurrence(weekly({ weekdays: [], interval: 2 }), '2027-03-31')).toBe('Every 2 weeks on Wednesday');
    expect(describeRecurrence({ freq: 'daily', interval: 1, weekdays: [], end: { kind: 'count', count: 1 } })).toBe(
      'Every day, once',
    );
    expect(
      describeRecurrence({ freq: 'monthly', interval: 1, weekdays: [], end: { kind: 'until', until: '2027-12-31' } }, '2027-04-15'),
    ).toBe('Every month on day 15, until December 31, 2027');
    expect(describeRecurrence({ freq: 'yearly', interval: 1, weekdays: [], end: { kind: 'never' } }, '2027-07-14')).toBe(
      'Every year on July 14',
    );
  });

  it('says it in French', () => {
    setLocale('fr');
    expect(describeRecurrence(weekly({ end: { kind: 'count', count: 10 } }))).toBe(
      'Toutes les semaines le lundi et le jeudi, 10 fois',
    );
    expect(describeRecurrence(weekly({ weekdays: ['MO', 'WE', 'FR'], end: { kind: 'until', until: '2027-12-31' } }))).toBe(
      'Toutes les semaines le lundi, le mercredi et le vendredi, jusqu’au 31 décembre 2027',
    );
    expect(describeRecurrence({ freq: 'monthly', interval: 3, weekdays: [], end: { kind: 'never' } }, '2027-04-01')).toBe(
      'Tous les 3 mois, le 1er',
    );
    expect(describeRecurrence({ freq: 'daily', interval: 2, weekdays: [], end: { kind: 'count', count: 1 } })).toBe(
      'Tous les 2 jours, une seule fois',
    );
  });
});
