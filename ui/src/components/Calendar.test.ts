import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import Calendar from './Calendar.svelte';
import { setLocale } from '../lib/i18n';
import { calendarState } from '../lib/stores/calendar.svelte';
import { networksState } from '../lib/stores/networks.svelte';
import { scheduleState } from '../lib/stores/schedule.svelte';
import { makePost, networks } from '../test/fixtures';
import type { OccurrenceSummary } from '../lib/bindings/OccurrenceSummary';
import type { Post } from '../lib/bindings/Post';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);
const unlisten = vi.fn();
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));
const listenMock = vi.mocked(listen);

class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}

let posts: Post[] = [];
let occurrences: OccurrenceSummary[] = [];
let overdue: string[] = [];
const pad = (n: number) => String(n).padStart(2, '0');

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', NoopResizeObserver);
  setLocale('en');
  networksState.list = networks;
  calendarState.view = 'month';
  const now = new Date();
  const y = now.getFullYear();
  const m = now.getMonth() + 1;
  posts = [
    ...Array.from({ length: 7 }, (_, i) => makePost({}, { y, m, d: 10, h: 8 + i })),
    makePost({ title: '<img src=x onerror=alert(1)>' }, { y, m, d: 12, h: 15 }),
  ];
  occurrences = [];
  overdue = [];
  scheduleState.settings = null;
  scheduleState.zoneMode = 'computer';
  unlisten.mockReset();
  listenMock.mockReset();
  listenMock.mockResolvedValue(unlisten);
  invokeMock.mockReset();
  invokeMock.mockImplementation(async (command: string) => {
    if (command === 'posts_list_range') return posts;
    if (command === 'posts_recurring_range') return occurrences;
    if (command === 'posts_overdue') return overdue;
    if (command === 'key_dates_list_range') {
      return [{ id: 'k1', date: `${y}-${String(m).padStart(2, '0')}-14`, label: 'Salon <b>', kind: 'event' }];
    }
    return [];
  });
});

afterEach(() => vi.unstubAllGlobals());

describe('Calendar', () => {
  it('asks for the visible range with the active filter and summarises busy days', async () => {
    calendarState.setFilter({ networkIds: ['net-x'], statuses: [], themes: [] });
    const { container } = render(Calendar, { props: { backlogEl: null } });

    await waitFor(() => expect(container.querySelectorAll('[data-post-id]')).toHaveLength(4));
    const call = invokeMock.mock.calls.find(([name]) => name === 'posts_list_range');
    expect(call?.[1]).toMatchObject({ filter: { networkIds: ['net-x'], statuses: [], themes: [] } });
    expect(container.querySelector('td.fc-daygrid-day[data-date]')).not.toBeNull();

    const more = container.querySelector('[data-more-date]');
    expect(more).toHaveTextContent('+4 more');

    // User text is text: no element is created from a title or a label.
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    expect(await screen.findByText('Salon <b>')).toBeInTheDocument();
    expect(container.querySelector('b')).toBeNull();

    calendarState.setFilter({ networkIds: [], statuses: [], themes: [] });
  });

  it('merges the occurrences of recurring posts, each carrying its series and its date', async () => {
    const now = new Date();
    const [y, m] = [now.getFullYear(), now.getMonth() + 1];
    posts = [];
    occurrences = [3, 10, 17].map((d) => {
      const date = `${y}-${pad(m)}-${pad(d)}`;
      return {
        id: 'series-1',
        title: 'Weekly tip',
        networkId: 'net-li',
        format: 'text',
        status: 'scheduled',
        plannedAt: new Date(y, m - 1, d, 9).toISOString(),
        zone: 'Europe/Paris',
        localDate: date,
        localTime: '09:00',
        theme: '',
        occurrenceDate: date,
        isException: false,
      };
    });
    const { container } = render(Calendar, { props: { backlogEl: null } });
    await waitFor(() => expect(container.querySelectorAll('[data-post-id="series-1"]')).toHaveLength(3));
    const dates = [...container.querySelectorAll<HTMLElement>('[data-post-id="series-1"]')].map((el) => el.dataset.occurrenceDate);
    expect(dates).toEqual(occurrences.map((o) => o.occurrenceDate));
    const first = container.querySelector<HTMLElement>(`[data-occurrence-date="${occurrences[0].occurrenceDate}"]`);
    expect(first?.closest('td[data-date]')?.getAttribute('data-date')).toBe(occurrences[0].occurrenceDate);
    expect(first?.querySelector('.tribu-recurring-mark')).toHaveTextContent('↻');
    const call = invokeMock.mock.calls.find(([name]) => name === 'posts_recurring_range');
    expect(call?.[1]).toMatchObject({ filter: { networkIds: [], statuses: [], themes: [] } });
  });

  it('marks late posts and refetches when the scheduler says posts became due', async () => {
    const now = new Date();
    posts = [makePost({ id: 'late', title: 'Late one' }, { y: now.getFullYear(), m: now.getMonth() + 1, d: 12, h: 9 }),
      makePost({ id: 'fine', title: 'Fine one' }, { y: now.getFullYear(), m: now.getMonth() + 1, d: 13, h: 9 })];
    const { container, unmount } = render(Calendar, { props: { backlogEl: null } });
    await waitFor(() => expect(container.querySelector('[data-post-id="late"]')).not.toBeNull());
    expect(container.querySelector('[data-post-id="late"]')).not.toHaveAttribute('data-overdue');

    expect(listenMock).toHaveBeenCalledWith('posts-due', expect.any(Function));
    const handler = listenMock.mock.calls[0][1] as () => void;
    // A reminder only: the late posts did not change, nothing is fetched again.
    const fetches = () => invokeMock.mock.calls.filter(([name]) => name === 'posts_list_range').length;
    const before = fetches();
    handler();
    await waitFor(() => expect(invokeMock.mock.calls.filter(([name]) => name === 'posts_overdue').length).toBe(2), {
      timeout: 3000,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetches()).toBe(before);

    overdue = ['late'];
    handler();
    // The refetch waits a second: the backend counts whole seconds.
    await waitFor(() => expect(container.querySelector('[data-post-id="late"]')).toHaveAttribute('data-overdue', 'true'), {
      timeout: 3000,
    });
    const late = container.querySelector('[data-post-id="late"]');
    expect(late).toHaveClass('tribu-overdue');
    expect(late?.querySelector('[data-testid="post-late"]')).toHaveTextContent('Late');
    expect(container.querySelector('[data-post-id="fine"]')).not.toHaveAttribute('data-overdue');

    unmount();
    expect(unlisten).toHaveBeenCalled();
  });

  it('shows times on the audience\'s clocks when asked, and back on this computer\'s', async () => {
    // 2027-03-29T07:00:00Z: 09:00 in Paris, 03:00 in Montreal.
    scheduleState.settings = { reminderLeadMinutes: 30, audienceZone: 'America/Montreal', systemZone: 'Europe/Paris', maxGapDays: 7 };
    calendarState.anchor = new Date(2027, 2, 15);
    posts = [makePost({ id: 'p-zone', plannedAt: '2027-03-29T07:00:00Z', zone: 'Europe/Paris' })];
    const { container } = render(Calendar, { props: { backlogEl: null } });
    const timeOf = () => container.querySelector('[data-post-id="p-zone"] .tribu-event-time')?.textContent;
    await waitFor(() => expect(timeOf()).toBe('7:00 AM'));
    scheduleState.setZoneMode('audience');
    await waitFor(() => expect(timeOf()).toBe('3:00 AM'));
    expect(container.querySelector('[data-post-id="p-zone"]')?.closest('td[data-date]')?.getAttribute('data-date')).toBe('2027-03-29');
    scheduleState.setZoneMode('computer');
    await waitFor(() => expect(timeOf()).toBe('7:00 AM'));
    calendarState.anchor = null;
  });

  it('records render timings for the benchmark harness', async () => {
    window.__tribuPerf = { renders: [] };
    render(Calendar, { props: { backlogEl: null } });
    await waitFor(() => expect(window.__tribuPerf?.renders.length).toBeGreaterThan(0));
    expect(window.__tribuPerf?.renders[0]).toMatchObject({ view: 'dayGridMonth', events: 8 });
    expect(window.__tribuPerf?.renders[0].ms).toBeGreaterThanOrEqual(0);
  });
});
