// Turning backend records into FullCalendar event inputs. Pure functions, so
// the busy-day summary that keeps the month view fast is unit-tested.
import type { EventInput } from '@fullcalendar/core';
import type { KeyDate } from '../bindings/KeyDate';
import type { Network } from '../bindings/Network';
import type { PostSummary } from '../bindings/PostSummary';
import { normaliseColor, textColorFor } from './colors';
import { addDays, localDate } from './dates';

/** A day with more posts than this shows the first few plus a "+N" item. */
export const BUSY_DAY_THRESHOLD = 4;
/** How many posts a busy day still shows before its "+N" item. */
export const BUSY_DAY_SHOWN = 3;

/** `warnings`: how many charter warnings the post's text raises (0 for none). */
export type PostEventProps = { kind: 'post'; post: PostSummary; color: string; warnings: number; tribuOrder: 0 };
/** Charter warning counts by post id; posts not listed have none. */
export type WarningCounts = ReadonlyMap<string, number>;
const NO_WARNINGS: WarningCounts = new Map();
export type MoreEventProps = { kind: 'more'; date: string; count: number; tribuOrder: 1 };
export type KeyDateEventProps = { kind: 'keydate'; keyDate: KeyDate; tribuOrder: -1 };
export type TribuEventProps = PostEventProps | MoreEventProps | KeyDateEventProps;

/** Sort key for `eventOrder`: key dates first, posts by time, "+N" last. */
export const EVENT_ORDER = 'tribuOrder,start,title';

export function postToEvent(
  post: PostSummary,
  networks: ReadonlyMap<string, Network>,
  warnings: WarningCounts = NO_WARNINGS,
): EventInput {
  const color = normaliseColor(networks.get(post.networkId)?.color);
  const extendedProps: PostEventProps = { kind: 'post', post, color, warnings: warnings.get(post.id) ?? 0, tribuOrder: 0 };
  return {
    id: post.id,
    title: post.title,
    start: post.plannedAt ?? undefined,
    allDay: false,
    backgroundColor: color,
    borderColor: color,
    textColor: textColorFor(color),
    classNames: ['tribu-post', `tribu-status-${post.status}`],
    extendedProps,
  };
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
 * Groups dated posts by the local day of their instant (the day FullCalendar
 * shows them on), each day's posts sorted by time.
 */
export function groupByLocalDay(posts: readonly PostSummary[]): Map<string, PostSummary[]> {
  const days = new Map<string, PostSummary[]>();
  const sorted = posts
    .filter((post) => post.plannedAt)
    .map((post) => ({ post, at: new Date(post.plannedAt as string).getTime() }))
    .sort((a, b) => a.at - b.at || a.post.title.localeCompare(b.post.title));
  for (const { post, at } of sorted) {
    const day = localDate(new Date(at));
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
  posts: readonly PostSummary[],
  networks: ReadonlyMap<string, Network>,
  warnings: WarningCounts = NO_WARNINGS,
): EventInput[] {
  const events: EventInput[] = [];
  for (const [day, dayPosts] of groupByLocalDay(posts)) {
    if (dayPosts.length > BUSY_DAY_THRESHOLD) {
      for (const post of dayPosts.slice(0, BUSY_DAY_SHOWN)) events.push(postToEvent(post, networks, warnings));
      events.push(moreEvent(day, dayPosts.length - BUSY_DAY_SHOWN));
    } else {
      for (const post of dayPosts) events.push(postToEvent(post, networks, warnings));
    }
  }
  return events;
}

export function postsToEvents(
  posts: readonly PostSummary[],
  networks: ReadonlyMap<string, Network>,
  summarise: boolean,
  warnings: WarningCounts = NO_WARNINGS,
): EventInput[] {
  if (summarise) return summariseBusyDays(posts, networks, warnings);
  return posts.filter((post) => post.plannedAt).map((post) => postToEvent(post, networks, warnings));
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
