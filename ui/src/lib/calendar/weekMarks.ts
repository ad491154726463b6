// The posting rhythm on the calendar: the week number cell of each week row
// (month view) or of the week (week view) carries a small mark when a network
// posts under or over its target that week, with the networks in its tooltip.
// Kept apart from the calendar's event fetching: the marks load their own
// report whenever the calendar's dates or events change.
import type { Calendar, CalendarOptions, WeekNumberContentArg } from '@fullcalendar/core';
import { api } from '../api';
import type { RhythmReport } from '../bindings/RhythmReport';
import { t } from '../i18n';
import { mondayOf, onRhythmSettingsChanged, weekMarks, weekMarkTitle, type WeekMark } from '../rhythm';
import { networksState } from '../stores/networks.svelte';
import { addDays, localDate } from './dates';
import './marks.css';

type Load = (start: string, end: string) => Promise<RhythmReport>;

export class WeekMarks {
  private marks = new Map<string, WeekMark>();
  /** The cells on screen, by Monday; a re-render makes new ones. */
  private cells = new Map<string, Set<HTMLElement>>();
  private request = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly load: Load = api.rhythmReport) {}

  /** Options to give FullCalendar. */
  readonly options: Pick<CalendarOptions, 'weekNumbers' | 'weekNumberContent'> = {
    weekNumbers: true,
    weekNumberContent: (arg: WeekNumberContentArg) => ({ domNodes: [this.cell(arg)] }),
  };

  private cell(arg: WeekNumberContentArg): HTMLElement {
    // FullCalendar hands this hook its internal date, whose UTC fields are
    // the calendar's local day.
    const monday = mondayOf(arg.date.toISOString().slice(0, 10));
    const el = document.createElement('span');
    el.className = 'tribu-week';
    el.dataset.week = monday;
    const number = document.createElement('span');
    number.className = 'tribu-week-number';
    number.textContent = t('calendar.weekShort', { n: arg.num });
    el.append(number);
    let set = this.cells.get(monday);
    if (!set) {
      set = new Set();
      this.cells.set(monday, set);
    }
    set.add(el);
    this.paint(el, this.marks.get(monday));
    return el;
  }

  private paint(el: HTMLElement, mark: WeekMark | undefined): void {
    el.querySelector('.tribu-week-mark')?.remove();
    if (!mark) return;
    const state = mark.under.length > 0 && mark.over.length > 0 ? 'mixed' : mark.under.length > 0 ? 'under' : 'over';
    const dot = document.createElement('span');
    dot.className = `tribu-week-mark tribu-week-mark-${state}`;
    dot.dataset.testid = 'week-mark';
    dot.dataset.rhythm = state;
    const title = weekMarkTitle(mark, networksState.byId);
    dot.title = title;
    dot.setAttribute('role', 'img');
    dot.setAttribute('aria-label', title.replace(/\n/g, ', '));
    el.append(dot);
  }

  /** Applies a report to the cells on screen. */
  show(report: RhythmReport): void {
    this.marks = weekMarks(report);
    for (const [monday, set] of this.cells) {
      for (const el of set) {
        if (!el.isConnected) set.delete(el);
        else this.paint(el, this.marks.get(monday));
      }
      if (set.size === 0) this.cells.delete(monday);
    }
  }

  /** Loads the report of the range the calendar shows, then paints it. */
  async refresh(calendar: Calendar): Promise<void> {
    const id = ++this.request;
    const view = calendar.view;
    const start = localDate(view.activeStart);
    const end = addDays(localDate(view.activeEnd), -1);
    try {
      const report = await this.load(start, end);
      if (id === this.request) this.show(report);
    } catch {
      // The marks are a hint: without a report the calendar stays as it is.
      if (id === this.request) this.show({ weeks: [], gaps: [] });
    }
  }

  /** Follows `calendar` until the returned function is called. */
  attach(calendar: Calendar): () => void {
    const schedule = () => {
      if (this.timer) clearTimeout(this.timer);
      // Posts and key dates arrive as two batches: one report for both.
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.refresh(calendar);
      }, 50);
    };
    calendar.on('datesSet', schedule);
    calendar.on('eventsSet', schedule);
    const stopListening = onRhythmSettingsChanged(schedule);
    schedule();
    return () => {
      if (this.timer) clearTimeout(this.timer);
      this.request += 1;
      stopListening();
      calendar.off('datesSet', schedule);
      calendar.off('eventsSet', schedule);
      this.cells.clear();
    };
  }
}
