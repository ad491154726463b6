import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import { invoke } from '@tauri-apps/api/core';
import Calendar from './Calendar.svelte';
import { setLocale } from '../lib/i18n';
import { calendarState } from '../lib/stores/calendar.svelte';
import { networksState } from '../lib/stores/networks.svelte';
import { makePost, networks } from '../test/fixtures';
import type { Post } from '../lib/bindings/Post';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}

let posts: Post[] = [];

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
  invokeMock.mockReset();
  invokeMock.mockImplementation(async (command: string) => {
    if (command === 'posts_list_range') return posts;
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

  it('records render timings for the benchmark harness', async () => {
    window.__tribuPerf = { renders: [] };
    render(Calendar, { props: { backlogEl: null } });
    await waitFor(() => expect(window.__tribuPerf?.renders.length).toBeGreaterThan(0));
    expect(window.__tribuPerf?.renders[0]).toMatchObject({ view: 'dayGridMonth', events: 8 });
    expect(window.__tribuPerf?.renders[0].ms).toBeGreaterThanOrEqual(0);
  });
});
