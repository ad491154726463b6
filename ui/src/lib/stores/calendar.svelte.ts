// What the calendar shows: the view, the visible range's title, the filters,
// and a revision counter bumped after every change to posts so the calendar
// and the backlog reload from the backend.
import type { CalendarApi } from '@fullcalendar/core';
import type { PostFilter } from '../bindings/PostFilter';
import { emptyFilter } from '../calendar/filter';

export type ViewKind = 'month' | 'week' | 'list' | 'day';

export const VIEW_TYPES: Record<ViewKind, string> = {
  month: 'dayGridMonth',
  week: 'timeGridWeek',
  list: 'listMonth',
  // The list of a single day, opened from a busy day's "+N" item.
  day: 'listDay',
};

class CalendarState {
  view = $state<ViewKind>('month');
  title = $state('');
  filter = $state<PostFilter>(emptyFilter());
  /** Bumped whenever posts change; readers refetch when it moves. */
  postsRevision = $state(0);
  /** True while a calendar post is being dragged (the backlog shows it can take it). */
  dragging = $state(false);
  /** Bumped whenever key dates change. */
  keyDatesRevision = $state(0);
  /** The start of the period shown, kept so a recreated calendar reopens there. */
  anchor: Date | null = null;
  /** The FullCalendar instance, set by the Calendar component while mounted. */
  api: CalendarApi | null = null;

  /** Sets the view before FullCalendar fetches, so the fetch knows which view it feeds. */
  setView(view: ViewKind, date?: string): void {
    this.view = view;
    this.api?.changeView(VIEW_TYPES[view], date);
  }

  prev(): void {
    this.api?.prev();
  }

  next(): void {
    this.api?.next();
  }

  today(): void {
    this.api?.today();
  }

  /** Shows the period that holds `date`, now or when the calendar is next created. */
  goTo(date: Date): void {
    if (this.api) this.api.gotoDate(date);
    else this.anchor = date;
  }

  postsChanged(): void {
    this.postsRevision += 1;
  }

  keyDatesChanged(): void {
    this.keyDatesRevision += 1;
  }

  setFilter(filter: PostFilter): void {
    this.filter = filter;
  }
}

export const calendarState = new CalendarState();
