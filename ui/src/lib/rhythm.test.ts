import { afterEach, describe, expect, it } from 'vitest';
import type { RhythmReport } from './bindings/RhythmReport';
import { setLocale } from './i18n';
import { formatDayRange, gapText, mondayOf, rangeDays, summarise, weekMarks, weekMarkTitle, weekText } from './rhythm';
import { networkMap, networks } from '../test/fixtures';

const report: RhythmReport = {
  weeks: [
    { networkId: 'net-li', weekStart: '2026-03-09', count: 4, target: 3, state: 'over' },
    { networkId: 'net-x', weekStart: '2026-03-16', count: 3, target: 3, state: 'on' },
    { networkId: 'net-x', weekStart: '2026-03-09', count: 1, target: 3, state: 'under' },
    { networkId: 'net-li', weekStart: '2026-03-02', count: 3, target: 3, state: 'on' },
    { networkId: 'net-blog', weekStart: '2026-03-09', count: 0, target: 1, state: 'on' },
  ],
  gaps: [{ networkId: 'net-li', from: '2026-03-03', to: '2026-03-14', days: 12 }],
};

afterEach(() => setLocale('en'));

describe('rhythm wording', () => {
  it('groups by network in the networks order, weeks and gaps sorted, and names networks on target', () => {
    setLocale('en');
    const summary = summarise(report, networks);
    expect(summary.hasTargets).toBe(true);
    expect(summary.networks.map((n) => n.name)).toEqual(['X', 'LinkedIn']);
    expect(summary.networks[0].weeks.map((w) => w.weekStart)).toEqual(['2026-03-09']);
    expect(summary.networks[1].weeks.map((w) => w.state)).toEqual(['over']);
    expect(summary.networks[1].gaps).toHaveLength(1);
    expect(summary.onTarget).toEqual(['Blog']);
  });

  it('says the week and the gap as a person would, in English and French', () => {
    setLocale('en');
    expect(weekText(report.weeks[2])).toBe('week of March 9: 1 of 3');
    expect(gapText(report.gaps[0])).toBe('nothing for 12 days, 3 → March 14');
    expect(formatDayRange('2026-02-24', '2026-03-08')).toBe('February 24 → March 8');
    expect(formatDayRange('2025-12-29', '2026-01-04')).toBe('December 29, 2025 → January 4, 2026');
    setLocale('fr');
    expect(weekText(report.weeks[2])).toBe('semaine du 9 mars : 1 sur 3');
    expect(gapText(report.gaps[0])).toBe('rien pendant 12 jours, 3 → 14 mars');
    expect(gapText({ ...report.gaps[0], to: '2026-03-03', days: 1 })).toBe('rien pendant 1 jour, 3 → 3 mars');
    // "10 a month" is 2.3 a week.
    expect(weekText({ ...report.weeks[2], target: (10 * 12) / 52 })).toBe('semaine du 9 mars : 1 sur 2,3');
  });

  it('says when no network has a target', () => {
    const summary = summarise({ weeks: [], gaps: [report.gaps[0]] }, networks);
    expect(summary.hasTargets).toBe(false);
    expect(summary.networks.map((n) => n.name)).toEqual(['LinkedIn']);
  });

  it('marks weeks with a network under or over target, with the networks in the tooltip', () => {
    setLocale('en');
    const marks = weekMarks(report);
    expect([...marks.keys()]).toEqual(['2026-03-09']);
    const mark = marks.get('2026-03-09')!;
    expect(mark.under.map((w) => w.networkId)).toEqual(['net-x']);
    expect(mark.over.map((w) => w.networkId)).toEqual(['net-li']);
    expect(weekMarkTitle(mark, networkMap)).toBe('Under target\nX: 1 of 3\nOver target\nLinkedIn: 4 of 3');
  });

  it('computes the ranges the panel offers', () => {
    expect(mondayOf('2026-03-15')).toBe('2026-03-09');
    expect(mondayOf('2026-03-09')).toBe('2026-03-09');
    expect(rangeDays('month', new Date(2026, 1, 14))).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(rangeDays(4, new Date(2026, 2, 12))).toEqual({ start: '2026-03-09', end: '2026-04-05' });
  });
});
