import { describe, expect, it } from 'vitest';
import { makePost, networkMap } from '../../test/fixtures';
import { textColorFor } from './colors';
import { addDays, localDate, localTime } from './dates';
import type { OccurrenceSummary } from '../bindings/OccurrenceSummary';
import {
  groupByLocalDay,
  keyDateToEvent,
  keyDateToEvents,
  mergeOccurrences,
  postToEvent,
  postsToEvents,
  summariseBusyDays,
  SUSPENDED_BACKGROUND,
  type PostEventProps,
  type TribuEventProps,
} from './events';

const kinds = (events: { extendedProps?: unknown }[]) =>
  events.map((e) => (e.extendedProps as TribuEventProps).kind);

describe('postToEvent', () => {
  it('maps a post to a coloured, timed event carrying the post', () => {
    const post = makePost({ networkId: 'net-li', status: 'scheduled', title: 'Launch' }, { y: 2025, m: 3, d: 10, h: 14 });
    const event = postToEvent(post, networkMap);
    expect(event.id).toBe(post.id);
    expect(event.title).toBe('Launch');
    expect(event.start).toBe(post.plannedAt);
    expect(event.allDay).toBe(false);
    expect(event.backgroundColor).toBe('#0a66c2');
    expect(event.textColor).toBe('#ffffff');
    expect(event.classNames).toContain('tribu-status-scheduled');
    expect((event.extendedProps as TribuEventProps).kind).toBe('post');
  });

  it('carries the post\'s charter warning count, 0 when it has none', () => {
    const flagged = makePost({}, { y: 2025, m: 3, d: 10, h: 9 });
    const clean = makePost({}, { y: 2025, m: 3, d: 10, h: 10 });
    const counts = new Map([[flagged.id, 2]]);
    const events = postsToEvents([flagged, clean], networkMap, true, counts);
    expect(events.map((e) => (e.extendedProps as { warnings: number }).warnings)).toEqual([2, 0]);
  });

  it('uses a neutral colour for an unknown network', () => {
    const event = postToEvent(makePost({ networkId: 'gone' }, { y: 2025, m: 3, d: 10 }), networkMap);
    expect(event.backgroundColor).toBe('#64748b');
  });
});

describe('summariseBusyDays', () => {
  it('shows 3 posts and one "+4" item for a day with 7 posts', () => {
    const posts = Array.from({ length: 7 }, (_, i) => makePost({}, { y: 2025, m: 3, d: 10, h: 8 + i }));
    const events = summariseBusyDays(posts, networkMap);
    expect(events).toHaveLength(4);
    expect(kinds(events)).toEqual(['post', 'post', 'post', 'more']);
    // The earliest three, in time order.
    expect(events.slice(0, 3).map((e) => e.id)).toEqual(posts.slice(0, 3).map((p) => p.id));
    const more = events[3];
    expect(more.title).toBe('+4');
    expect(more.editable).toBe(false);
    expect(more.allDay).toBe(true);
    expect(more.start).toBe('2025-03-10');
    expect(more.extendedProps).toMatchObject({ kind: 'more', date: '2025-03-10', count: 4 });
  });

  it('keeps a day of 4 posts whole', () => {
    const posts = Array.from({ length: 4 }, (_, i) => makePost({}, { y: 2025, m: 3, d: 11, h: 9 + i }));
    expect(kinds(summariseBusyDays(posts, networkMap))).toEqual(['post', 'post', 'post', 'post']);
  });

  it('summarises each busy day on its own and ignores undated posts', () => {
    const busy = Array.from({ length: 6 }, (_, i) => makePost({}, { y: 2025, m: 3, d: 12, h: 9 + i }));
    const quiet = [makePost({}, { y: 2025, m: 3, d: 13 })];
    const idea = makePost();
    const events = summariseBusyDays([...quiet, idea, ...busy], networkMap);
    expect(events).toHaveLength(5);
    expect(events.filter((e) => e.title === '+3')).toHaveLength(1);
  });

  it('bounds 1,000 posts in a month to a few items a day', () => {
    const posts = Array.from({ length: 1000 }, (_, i) => makePost({}, { y: 2025, m: 3, d: 1 + (i % 31), h: i % 24 }));
    const events = summariseBusyDays(posts, networkMap);
    expect(events).toHaveLength(31 * 4);
  });
});

describe('postsToEvents', () => {
  it('does not summarise outside the month view', () => {
    const posts = Array.from({ length: 7 }, (_, i) => makePost({}, { y: 2025, m: 3, d: 10, h: 8 + i }));
    expect(postsToEvents(posts, networkMap, false)).toHaveLength(7);
    expect(postsToEvents(posts, networkMap, true)).toHaveLength(4);
  });
});

/** Occurrences of one weekly series, as posts_recurring_range returns them. */
function occurrencesOf(seriesId: string, dates: string[]): OccurrenceSummary[] {
  return dates.map((date) => ({
    id: seriesId,
    title: 'Weekly tip',
    networkId: 'net-li',
    format: 'text',
    status: 'scheduled',
    plannedAt: `${date}T07:00:00Z`,
    zone: 'Europe/Paris',
    localDate: date,
    localTime: '09:00',
    theme: '',
    occurrenceDate: date,
    isException: false,
  }));
}

describe('recurring posts', () => {
  const series = occurrencesOf('series-1', ['2027-04-05', '2027-04-12', '2027-04-19']);

  it('merges occurrences with ordinary posts in time order, each with its own event id', () => {
    const post = makePost({ id: 'one-off', plannedAt: '2027-04-12T06:00:00Z' });
    const merged = mergeOccurrences([post], series);
    expect(merged.map((p) => p.id)).toEqual(['series-1', 'one-off', 'series-1', 'series-1']);
    const events = postsToEvents(merged, networkMap, false);
    const ids = events.map((e) => e.id);
    expect(ids).toEqual(['series-1@2027-04-05', 'one-off', 'series-1@2027-04-12', 'series-1@2027-04-19']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the series id and the occurrence date on the event, marked as recurring', () => {
    const [event] = postsToEvents(series, networkMap, false);
    const props = event.extendedProps as PostEventProps;
    expect(props.post.id).toBe('series-1');
    expect(props.post.occurrenceDate).toBe('2027-04-05');
    expect(event.classNames).toContain('tribu-recurring');
    expect(event.start).toBe('2027-04-05T07:00:00Z');
  });

  it('counts occurrences in the busy-day summary of the month view', () => {
    const busy = occurrencesOf('s', ['2027-04-05']).flatMap((o) =>
      ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({ ...o, id, plannedAt: `2027-04-05T${String(i + 6).padStart(2, '0')}:00:00Z` })),
    );
    expect(kinds(postsToEvents(busy, networkMap, true))).toEqual(['post', 'post', 'post', 'more']);
  });
});

describe('late and suspended posts', () => {
  it('marks the posts whose ids the backend calls overdue, never an occurrence', () => {
    const late = makePost({ id: 'late' }, { y: 2025, m: 3, d: 10, h: 9 });
    const fine = makePost({ id: 'fine' }, { y: 2025, m: 3, d: 10, h: 10 });
    const occurrence = { ...occurrencesOf('late', ['2025-03-11'])[0] };
    const events = postsToEvents([late, fine, occurrence], networkMap, true, undefined, { overdue: new Set(['late']) });
    const overdue = events.map((e) => (e.extendedProps as PostEventProps).overdue);
    expect(overdue).toEqual([true, false, false]);
    expect(events[0].classNames).toContain('tribu-overdue');
    expect(events[1].classNames).not.toContain('tribu-overdue');
  });

  it('greys a suspended post and keeps its network colour on the edge', () => {
    const event = postToEvent(makePost({ status: 'suspended', networkId: 'net-li' }, { y: 2025, m: 3, d: 10 }), networkMap);
    expect(event.backgroundColor).toBe(SUSPENDED_BACKGROUND);
    expect(event.borderColor).toBe('#0a66c2');
    expect(event.classNames).toContain('tribu-status-suspended');
  });
});

describe('days in the zone shown', () => {
  it('groups posts by their day on the clocks the calendar shows', () => {
    // 23:30 UTC: the 10th in Montreal, the 11th in Paris.
    const post = makePost({ plannedAt: '2025-03-10T23:30:00Z' });
    expect([...groupByLocalDay([post], 'America/Montreal').keys()]).toEqual(['2025-03-10']);
    expect([...groupByLocalDay([post], 'Europe/Paris').keys()]).toEqual(['2025-03-11']);
  });
});

describe('keyDateToEvent', () => {
  it('is a one-day background event with the label as title', () => {
    const event = keyDateToEvent({ id: 'k1', date: '2025-12-31', label: 'New Year', kind: 'holiday' });
    expect(event).toMatchObject({ start: '2025-12-31', end: '2026-01-01', allDay: true, display: 'background', title: 'New Year' });
  });
});

describe('keyDateToEvents', () => {
  it('gives a tinted day and a fixed label listed before the posts', () => {
    const [band, label] = keyDateToEvents({ id: 'k2', date: '2026-11-27', label: 'Black Friday', kind: 'sale' });
    expect(band).toMatchObject({ display: 'background', start: '2026-11-27' });
    expect(label).toMatchObject({ display: 'block', title: 'Black Friday', start: '2026-11-27', startEditable: false });
    expect(label.id).not.toBe(band.id);
    expect((label.extendedProps as TribuEventProps).tribuOrder).toBe(-1);
  });
});

describe('helpers', () => {
  it('formats local dates and times', () => {
    const date = new Date(2025, 0, 5, 7, 3);
    expect(localDate(date)).toBe('2025-01-05');
    expect(localTime(date)).toBe('07:03');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });

  it('picks a readable text colour', () => {
    expect(textColorFor('#ffffff')).toBe('#111827');
    expect(textColorFor('#f5c542')).toBe('#111827');
    expect(textColorFor('#111111')).toBe('#ffffff');
    expect(textColorFor('#0a66c2')).toBe('#ffffff');
    // Saturated mid-tones (YouTube red, luminance 0.19) take white text.
    expect(textColorFor('#e62117')).toBe('#ffffff');
  });
});
