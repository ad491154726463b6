// The posting rhythm as the window words it: per network, the weeks under or
// over target and the silences, and per week the marks the calendar shows.
import type { Gap } from './bindings/Gap';
import type { Network } from './bindings/Network';
import type { RhythmReport } from './bindings/RhythmReport';
import type { WeekRhythm } from './bindings/WeekRhythm';
import { addDays, localDate } from './calendar/dates';
import { currentLocale, t } from './i18n';

/** What the panel lists for one network: its weeks off target and its gaps. */
export type NetworkRhythm = {
  networkId: string;
  name: string;
  color: string | null;
  weeks: WeekRhythm[];
  gaps: Gap[];
};

export type RhythmSummary = {
  /** Networks with something to say, in the networks' order. */
  networks: NetworkRhythm[];
  /** Names of the networks with a target whose weeks are all on target. */
  onTarget: string[];
  /** False when no network has a target (the report then has no weeks). */
  hasTargets: boolean;
};

function parseDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** `YYYY-MM-DD` of the Monday of `day`'s week. */
export function mondayOf(day: string): string {
  const date = parseDay(day);
  return addDays(day, -((date.getDay() + 6) % 7));
}

export function summarise(report: RhythmReport, networks: readonly Network[]): RhythmSummary {
  const byId = new Map(networks.map((network) => [network.id, network]));
  const order = new Map(networks.map((network, index) => [network.id, index]));
  const groups = new Map<string, NetworkRhythm>();
  const group = (networkId: string): NetworkRhythm => {
    let found = groups.get(networkId);
    if (!found) {
      const network = byId.get(networkId);
      found = { networkId, name: network?.name ?? t('backlog.unknownNetwork'), color: network?.color ?? null, weeks: [], gaps: [] };
      groups.set(networkId, found);
    }
    return found;
  };
  const withTarget = new Set<string>();
  for (const week of report.weeks) {
    withTarget.add(week.networkId);
    if (week.state !== 'on') group(week.networkId).weeks.push(week);
  }
  for (const gap of report.gaps) group(gap.networkId).gaps.push(gap);
  for (const entry of groups.values()) {
    entry.weeks.sort((a, b) => a.weekStart.localeCompare(b.weekStart));
    entry.gaps.sort((a, b) => a.from.localeCompare(b.from));
  }
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const list = [...groups.values()].sort((a, b) => rank(a.networkId) - rank(b.networkId) || a.name.localeCompare(b.name));
  const onTarget = [...withTarget]
    .filter((id) => !groups.has(id))
    .sort((a, b) => rank(a) - rank(b))
    .map((id) => byId.get(id)?.name ?? t('backlog.unknownNetwork'));
  return { networks: list, onTarget, hasTargets: report.weeks.length > 0 };
}

/** A weekly target as people say it: `3`, or `2.3` for "10 a month". */
export function formatTarget(target: number): string {
  const rounded = Math.round(target * 10) / 10;
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 1 }).format(rounded);
}

const dayMonth = (locale: string) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long' });
const dayOnly = (locale: string) => new Intl.DateTimeFormat(locale, { day: 'numeric' });
const dayMonthYear = (locale: string) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' });

/** `9 March` (`9 mars`). */
export function formatDay(day: string): string {
  return dayMonth(currentLocale()).format(parseDay(day));
}

/** `3 → 15 March`, `24 February → 8 March`, with the years when they differ. */
export function formatDayRange(from: string, to: string): string {
  const locale = currentLocale();
  const a = parseDay(from);
  const b = parseDay(to);
  if (a.getFullYear() !== b.getFullYear()) {
    return `${dayMonthYear(locale).format(a)} → ${dayMonthYear(locale).format(b)}`;
  }
  const first = a.getMonth() === b.getMonth() ? dayOnly(locale).format(a) : dayMonth(locale).format(a);
  return `${first} → ${dayMonth(locale).format(b)}`;
}

/** `week of 9 March: 1 of 3`. */
export function weekText(week: WeekRhythm): string {
  return t('rhythm.week', { week: formatDay(week.weekStart), count: week.count, target: formatTarget(week.target) });
}

/** `nothing for 12 days, 3 → 15 March`. */
export function gapText(gap: Gap): string {
  return t('rhythm.gap', { n: gap.days, range: formatDayRange(gap.from, gap.to) });
}

/** The networks off target in one week, for the calendar's mark. */
export type WeekMark = { under: WeekRhythm[]; over: WeekRhythm[] };

/** Weeks (by Monday) with at least one network under or over target. */
export function weekMarks(report: RhythmReport): Map<string, WeekMark> {
  const marks = new Map<string, WeekMark>();
  for (const week of report.weeks) {
    if (week.state === 'on') continue;
    let mark = marks.get(week.weekStart);
    if (!mark) {
      mark = { under: [], over: [] };
      marks.set(week.weekStart, mark);
    }
    mark[week.state].push(week);
  }
  return marks;
}

/** The mark's tooltip: one line per network off target. */
export function weekMarkTitle(mark: WeekMark, networks: ReadonlyMap<string, Network>): string {
  const line = (week: WeekRhythm) =>
    t('rhythm.markLine', {
      network: networks.get(week.networkId)?.name ?? t('backlog.unknownNetwork'),
      count: week.count,
      target: formatTarget(week.target),
    });
  const lines: string[] = [];
  if (mark.under.length > 0) lines.push(t('rhythm.under'), ...mark.under.map(line));
  if (mark.over.length > 0) lines.push(t('rhythm.over'), ...mark.over.map(line));
  return lines.join('\n');
}

/** Ranges the rhythm panel offers. */
export type RhythmRange = 'month' | 4 | 8 | 12;

/**
 * The days a range covers, both included: the month that holds `anchor`, or
 * `n` whole weeks from the Monday of `anchor`'s week.
 */
export function rangeDays(range: RhythmRange, anchor: Date): { start: string; end: string } {
  if (range === 'month') {
    const start = new Date(anchor.getFullYear(), anchor.getMonth(), 1);
    const end = new Date(anchor.getFullYear(), anchor.getMonth() + 1, 0);
    return { start: localDate(start), end: localDate(end) };
  }
  const start = mondayOf(localDate(anchor));
  return { start, end: addDays(start, range * 7 - 1) };
}

// Targets and the gap threshold live in the planning settings; whoever shows
// the rhythm listens here to reload when they change.
const listeners = new Set<() => void>();

export function onRhythmSettingsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function rhythmSettingsChanged(): void {
  for (const listener of [...listeners]) listener();
}
