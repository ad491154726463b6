// The post editor's repetition controls as state: the choice (none, a
// frequency, or a stored rule the controls cannot show), the rule the
// controls build, and the RRULE text sent. The stored text is what is sent
// as long as the controls are not touched: the backend keeps a series'
// moved occurrences only while its rule text stays the same.
import { addDays, todayLocal } from '../calendar/dates';
import {
  buildRrule,
  defaultRecurrence,
  describeRecurrence,
  parseRrule,
  weekdayOf,
  WEEKDAYS,
  type Freq,
  type Recurrence,
  type RecurrenceEnd,
  type Weekday,
} from './rrule';

export type RecurrenceChoice = 'none' | Freq | 'custom';

export class RecurrenceForm {
  readonly storedRule: string | null;
  /** Whether the controls can show the stored rule; when not, it stays on offer as it is. */
  readonly storedIsCustom: boolean;
  choice = $state<RecurrenceChoice>('none');
  rule = $state<Recurrence>(defaultRecurrence('weekly', null));
  rrule = $state<string | null>(null);

  /** `zone` and `date`: the post's, to read the stored rule and start a new one. */
  constructor(storedRule: string | null, zone: string, date: string | null) {
    const parsed = storedRule ? parseRrule(storedRule, zone) : null;
    this.storedRule = storedRule;
    this.storedIsCustom = storedRule !== null && parsed === null;
    this.rrule = storedRule;
    this.choice = storedRule ? (parsed?.freq ?? 'custom') : 'none';
    this.rule = parsed ?? defaultRecurrence('weekly', date);
  }

  /** The rule in words, for a frequency the controls show. */
  summary(date: string | null): string {
    return this.choice === 'none' || this.choice === 'custom' ? '' : describeRecurrence(this.rule, date);
  }

  /** A new choice: none, the stored rule, or a frequency on the post's date (keeping the end). */
  choose(date: string | null): void {
    if (this.choice === 'none') {
      this.rrule = null;
    } else if (this.choice === 'custom') {
      this.rrule = this.storedRule;
    } else {
      this.rule = { ...defaultRecurrence(this.choice, date), end: this.rule.end };
      this.rrule = buildRrule(this.rule);
    }
  }

  /** One of the rule's controls changed. */
  edited(): void {
    this.rrule = buildRrule(this.rule);
  }

  /** Ticks or unticks `day`; false, and nothing changes, for the last day ticked (a weekly rule falls on one at least). */
  toggleWeekday(day: Weekday): boolean {
    const days = this.rule.weekdays;
    const next = days.includes(day) ? days.filter((d) => d !== day) : [...days, day];
    if (next.length === 0) return false;
    this.rule.weekdays = WEEKDAYS.filter((d) => next.includes(d));
    this.edited();
    return true;
  }

  /** Ends the rule never, after 10 times, or 90 days after `date` (today without one). */
  setEndKind(kind: RecurrenceEnd['kind'], date: string | null): void {
    if (kind === 'count') this.rule.end = { kind: 'count', count: 10 };
    else if (kind === 'until') this.rule.end = { kind: 'until', until: addDays(date || todayLocal(), 90) };
    else this.rule.end = { kind: 'never' };
    this.edited();
  }

  /** The post moved from `from` to `to`: a weekly series on the old date's weekday follows it. */
  followDate(from: string, to: string): void {
    const days = this.rule.weekdays;
    if (this.choice === 'weekly' && from && to && days.length === 1 && days[0] === weekdayOf(from)) {
      this.rule.weekdays = [weekdayOf(to)];
      this.edited();
    }
  }

  /** The post lost its date: an idea has no date to repeat from. */
  clear(): void {
    this.choice = 'none';
    this.rrule = null;
  }
}
