// Turning backend records into FullCalendar event inputs. Pure functions, so
// the busy-day summary that keeps the month view fast is unit-tested.
import type { EventInput } from '@fullcalendar/core';
import type { KeyDate } from '../bindings/KeyDate';
import type { Network } from '../bindings/Network';
import type { OccurrenceSummary } from '../bindings/OccurrenceSummary';
import type { PostSummary } from '../bindings/PostSummary';
import { normaliseColor, textColorFor } from './colors';
import { addDays, localDate } from './dates';
import { wallClock } from './zones';

/** A day with more posts than this shows the first few plus a "+N" item. */
export const BUSY_DAY_THRESHOLD = 4;
/** How many posts a busy day still shows before its "+N" item. */
export const BUSY_DAY_SHOWN = 3;

/**
 * A post as the calendar shows it: an ordinary post, or one occurrence of a
 * recurring post (the series' summary with the occurrence's instant, and the
 * date the rule gives it, which identifies it).
 */
export type CalendarPost = PostSummary & { occurrenceDate?: string; isException?: boolean };

/**
 * `warnings`: how many charter warnings the post's text raises (0 for none);
 * `overdue`: its time passed while it was not published.
 */
export type PostEventProps = {
  kind: 'post';
  post: CalendarPost;
  color: string;
  warnings: number;
  overdue: boolean;
  tribuOrder: 0;
};
/** Charter warning counts by post id; posts not listed have none. */
export type WarningCounts = ReadonlyMap<string, number>;
const NO_WARNINGS: WarningCounts = new Map();
const NO_IDS: ReadonlySet<string> = new Set();

/**
 * How events are built: `zone`, the zone the calendar shows (its days group
 * the busy-day summary; the computer's when absent); `overdue`, the ids of
 * late posts.
 */
export type EventOptions = { zone?: string; overdue?: ReadonlySet<string> };

/** Colours of a post suspended by crisis mode: greyed, whatever its network. */
export const SUSPENDED_BACKGROUND = '#e4e7eb';
export const SUSPENDED_TEXT = '#4b5563';
export type MoreEventProps = { kind: 'more'; date: string; count: number; tribuOrder: 1 };
export type KeyDateEventProps = { kind: 'keydate'; keyDate: KeyDate; tribuOrder: -1 };
export type TribuEventProps = PostEventProps | MoreEventProps | KeyDateEventProps;

/** Sort key for `eventOrder`: key dates first, posts by time, "+N" last. */
export const EVENT_ORDER = 'tribuOrder,start,title';

/** The event id: the post's, or `postId@occurrenceDate` for an occurrence. */
export function eventId(post: CalendarPost): string {
  return post.occurrenceDate ? `${post.id}@${post.occurrenceDate}` : post.id;
}

export function postToEvent(
  post: CalendarPost,
  networks: ReadonlyMap<string, Network>,
  warnings: WarningCounts = NO_WARNINGS,
  overdueIds: ReadonlySet<string> = NO_IDS,
): EventInput {
  const color = normaliseColor(networks.get(post.networkId)?.color);
  // Late posts are ordinary ones: an occurrence has no status of its own.
  const overdue = !post.occurrenceDate && overdueIds.has(post.id);
  const extendedProps: PostEventProps = {
    kind: 'post',
    post,
    color,
    warnings: warnings.get(post.id) ?? 0,
    overdue,
    tribuOrder: 0,
  };
  const suspended = post.status === 'suspended';
  const classNames = ['tribu-post', `tribu-status-${post.status}`];
  if (post.occurrenceDate) classNames.push('tribu-recurring');
  if (overdue) classNames.push('tribu-overdue');
  return {
    id: eventId(post),
    title: post.title,
    start: post.plannedAt ?? undefined,
    allDay: false,
    backgroundColor: suspended ? SUSPENDED_BACKGROUND : color,
    borderColor: color,
    textColor: suspended ? SUSPENDED_TEXT : textColorFor(color),
    classNames,
    extendedProps,
  };
}

/**
 * Ordinary posts and occurrences of recurring posts in one list, in time
 * order (the backend returns them from two queries).
 */
export function mergeOccurrences(
  posts: readonly PostSummary[],
  occurrences: readonly OccurrenceSummary[],
): CalendarPost[] {
  const merged: CalendarPost[] = [...posts, ...occurrences];
  const at = (post: CalendarPost) => (post.plannedAt ? Date.parse(post.plannedAt) : Number.POSITIVE_INFINITY);
  return merged.sort((a, b) => at(a) - at(b) || eventId(a).localeCompare(eventId(b)));
}

export function moreEvent(date: string, count: number): EventInput {
  const extendedProps: MoreEventProps = { kind: 'more', date, count, tribuOrder: 1 };
  return {
    id: `more-${date}`,
    title: `+${count}`,
    start: date,
    allDay: true,
    editable: false,
    startEditable: false,
    durationEditable: false,
    classNames: ['tribu-more'],
    extendedProps,
  };
}

/**
 * Groups dated posts by the day of their instant in `zone` (the day
 * FullCalendar shows them on; the computer's when absent), each day's posts
 * sorted by time.
 */
export function groupByLocalDay<T extends PostSummary>(posts: readonly T[], zone?: string): Map<string, T[]> {
  const days = new Map<string, T[]>();
  const sorted = posts
    .filter((post) => post.plannedAt)
    .map((post) => ({ post, at: new Date(post.plannedAt as string).getTime() }))
    .sort((a, b) => a.at - b.at || a.post.title.localeCompare(b.post.title));
  for (const { post, at } of sorted) {
    const day = zone ? wallClock(at, zone).date : localDate(new Date(at));
    const list = days.get(day);
    if (list) list.push(post);
    else days.set(day, [post]);
  }
  return days;
}

/**
 * The month view's events: every post of a quiet day, but for a day with more
 * than BUSY_DAY_THRESHOLD posts only the first BUSY_DAY_SHOWN plus one "+N"
 * summary. This bounds the DOM to a few items per day whatever the month holds.
 */
export function summariseBusyDays(
  posts: readonly CalendarPost[],
  networks: ReadonlyMap<string, Network>,
  warnings: WarningCounts = NO_WARNINGS,
  options: EventOptions = {},
): EventInput[] {
  const events: EventInput[] = [];
  const overdue = options.overdue ?? NO_IDS;
  for (const [day, dayPosts] of groupByLocalDay(posts, options.zone)) {
    if (dayPosts.length > BUSY_DAY_THRESHOLD) {
      for (const post of dayPosts.slice(0, BUSY_DAY_SHOWN)) events.push(postToEvent(post, networks, warnings, overdue));
      events.push(moreEvent(day, dayPosts.length - BUSY_DAY_SHOWN));
    } else {
      for (const post of dayPosts) events.push(postToEvent(post, networks, warnings, overdue));
    }
  }
  return events;
}

export function postsToEvents(
  posts: readonly CalendarPost[],
  networks: ReadonlyMap<string, Network>,
  summarise: boolean,
  warnings: WarningCounts = NO_WARNINGS,
  options: EventOptions = {},
): EventInput[] {
  if (summarise) return summariseBusyDays(posts, networks, warnings, options);
  const overdue = options.overdue ?? NO_IDS;
  return posts.filter((post) => post.plannedAt).map((post) => postToEvent(post, networks, warnings, overdue));
}

/**
 * A key date as two events: a tinted background for its day, and a label
 * listed first among the day's items (a background event's own text would
 * sit under the posts of a busy day).
 */
export function keyDateToEvents(keyDate: KeyDate): EventInput[] {
  const band = keyDateToEvent(keyDate);
  const label: EventInput = {
    ...band,
    id: `keydate-label-${keyDate.id}`,
    display: 'block',
    startEditable: false,
    durationEditable: false,
    classNames: ['tribu-keydate-item', `tribu-keydate-${keyDate.kind}`],
  };
  return [band, label];
}

/** A key date as a background band on its day. */
export function keyDateToEvent(keyDate: KeyDate): EventInput {
  const extendedProps: KeyDateEventProps = { kind: 'keydate', keyDate, tribuOrder: -1 };
  return {
    id: `keydate-${keyDate.id}`,
    title: keyDate.label,
    start: keyDate.date,
    end: addDays(keyDate.date, 1),
    allDay: true,
    display: 'background',
    editable: false,
    classNames: ['tribu-keydate', `tribu-keydate-${keyDate.kind}`],
    extendedProps,
  };
}
