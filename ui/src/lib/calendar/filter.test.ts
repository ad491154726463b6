import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '@tauri-apps/api/core';
import { api } from '../api';
import { calendarState } from '../stores/calendar.svelte';
import { countActive, emptyFilter, toggle, toPostFilter } from './filter';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

describe('toPostFilter', () => {
  it('turns the filter state into plain, de-duplicated, sorted arrays', () => {
    expect(
      toPostFilter({ networkIds: ['b', 'a', 'b'], statuses: ['draft', 'idea'], themes: [' Summer ', '', 'Autumn'] }),
    ).toEqual({ networkIds: ['a', 'b'], statuses: ['draft', 'idea'], themes: ['Autumn', 'Summer'] });
  });

  it('sends empty lists for "all"', () => {
    expect(toPostFilter(emptyFilter())).toEqual({ networkIds: [], statuses: [], themes: [] });
    expect(countActive(emptyFilter())).toBe(0);
  });

  it('toggles a chip', () => {
    expect(toggle(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'a')).toEqual(['b']);
  });
});

describe('filter → command arguments', () => {
  beforeEach(() => {
    invokeMock.mockReset();
    invokeMock.mockResolvedValue([]);
  });

  it('passes the store filter to posts_list_range and posts_backlog', async () => {
    calendarState.setFilter({ networkIds: ['net-x'], statuses: ['scheduled'], themes: ['Été'] });
    const filter = toPostFilter(calendarState.filter);
    await api.postsListRange('2025-03-01T00:00:00.000Z', '2025-04-01T00:00:00.000Z', filter);
    expect(invokeMock).toHaveBeenCalledWith('posts_list_range', {
      start: '2025-03-01T00:00:00.000Z',
      end: '2025-04-01T00:00:00.000Z',
      filter: { networkIds: ['net-x'], statuses: ['scheduled'], themes: ['Été'] },
    });
    await api.postsBacklog(filter);
    expect(invokeMock).toHaveBeenLastCalledWith('posts_backlog', { filter });
  });

  it('normalises a rejection to an ErrorPayload', async () => {
    invokeMock.mockRejectedValueOnce('IPC down');
    await expect(api.postsThemes()).rejects.toEqual({ code: 'io', message: 'IPC down' });
    const payload = { code: 'validation', message: 'bad', field: 'date', reason: 'invalid_date' };
    invokeMock.mockRejectedValueOnce(payload);
    await expect(api.postGet('x')).rejects.toEqual(payload);
  });

  it('moves a post with camelCase arguments', async () => {
    invokeMock.mockResolvedValueOnce({});
    await api.postMove('p1', '2025-03-10', null, 'Europe/Paris');
    expect(invokeMock).toHaveBeenCalledWith('post_move', { id: 'p1', date: '2025-03-10', time: null, zone: 'Europe/Paris' });
  });
});
