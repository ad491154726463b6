import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { applyChanges, coalesce, followChanges, MAX_WAIT_MS, QUIET_MS } from './changes';
import { calendarState } from './calendar.svelte';
import { charterState } from './charter.svelte';
import { journalStore } from './journal.svelte';
import { kpiState } from './kpi.svelte';
import { onRhythmSettingsChanged } from '../rhythm';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));
const invokeMock = vi.mocked(invoke);
const listenMock = vi.mocked(listen);

beforeEach(() => {
  invokeMock.mockReset();
  invokeMock.mockResolvedValue([]);
  listenMock.mockReset();
});

describe('the changed event', () => {
  it('refetches the calendar once for a command that changed posts and the crisis', () => {
    const posts = calendarState.postsRevision;
    const keyDates = calendarState.keyDatesRevision;
    applyChanges({ topics: ['posts', 'crisis'] });
    expect(calendarState.postsRevision).toBe(posts + 1);
    expect(calendarState.keyDatesRevision).toBe(keyDates);
    // The crisis is read again, and the themes, which posts carry.
    expect(invokeMock).toHaveBeenCalledWith('crisis_state', undefined);
    expect(invokeMock).toHaveBeenCalledWith('posts_themes', undefined);
  });

  it('leaves the calendar alone when only key dates changed', () => {
    const posts = calendarState.postsRevision;
    const keyDates = calendarState.keyDatesRevision;
    const kpis = kpiState.revision;
    applyChanges({ topics: ['key_dates'] });
    expect(calendarState.postsRevision).toBe(posts);
    expect(calendarState.keyDatesRevision).toBe(keyDates + 1);
    expect(kpiState.revision).toBe(kpis);
    expect(invokeMock).not.toHaveBeenCalled();
  });

  it('reloads the networks and repaints the calendar when a network changed', () => {
    const posts = calendarState.postsRevision;
    applyChanges({ topics: ['networks'] });
    expect(calendarState.postsRevision).toBe(posts + 1);
    expect(invokeMock).toHaveBeenCalledWith('networks_list', undefined);
  });

  it('reloads the settings and the KPI panel for their topics', () => {
    const kpis = kpiState.revision;
    applyChanges({ topics: ['kpis', 'settings'] });
    expect(kpiState.revision).toBe(kpis + 1);
    expect(invokeMock).toHaveBeenCalledWith('schedule_settings_get', undefined);
  });

  it('tells the rhythm to reload when the settings or the charter changed, not for posts', () => {
    const told = vi.fn();
    const stop = onRhythmSettingsChanged(told);
    applyChanges({ topics: ['settings'] });
    applyChanges({ topics: ['charter'] });
    expect(told).toHaveBeenCalledTimes(2);
    applyChanges({ topics: ['posts', 'key_dates'] });
    expect(told).toHaveBeenCalledTimes(2);
    stop();
  });

  it('reads Undo and Redo again and tells the history when the journal changed', async () => {
    const entry = { id: 3, label: { kind: 'post_move', name: 'A', detail: '2026-01-12', count: null }, at: '2026-03-09T10:00:00Z', undoable: true, undone: false };
    invokeMock.mockResolvedValue({ undo: entry, redo: null });
    const history = journalStore.revision;
    const charter = charterState.revision;
    applyChanges({ topics: ['journal'] });
    expect(invokeMock).toHaveBeenCalledWith('journal_state', undefined);
    expect(journalStore.revision).toBe(history + 1);
    await vi.waitFor(() => expect(journalStore.undo?.id).toBe(3));
    expect(charterState.revision).toBe(charter);
  });

  it('tells the charter screen when the charter changed', () => {
    const charter = charterState.revision;
    applyChanges({ topics: ['charter'] });
    expect(charterState.revision).toBe(charter + 1);
    expect(invokeMock).not.toHaveBeenCalledWith('journal_state', undefined);
  });

  it('applies a burst of changes once, with every topic of the burst', () => {
    vi.useFakeTimers();
    try {
      const applied: string[][] = [];
      const onChange = coalesce((changes) => applied.push(changes.topics));
      onChange({ topics: ['posts'] });
      vi.advanceTimersByTime(QUIET_MS - 1);
      onChange({ topics: ['key_dates', 'posts'] });
      vi.advanceTimersByTime(QUIET_MS - 1);
      expect(applied).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(applied).toEqual([['posts', 'key_dates']]);
      // A lone change later is its own burst.
      onChange({ topics: ['kpis'] });
      vi.advanceTimersByTime(QUIET_MS);
      expect(applied).toEqual([['posts', 'key_dates'], ['kpis']]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not hold a refetch back for ever while changes keep coming', () => {
    vi.useFakeTimers();
    try {
      const applied: string[][] = [];
      const onChange = coalesce((changes) => applied.push(changes.topics));
      // A change every 10 ms, for longer than the longest wait.
      for (let t = 0; t < MAX_WAIT_MS + 50; t += 10) {
        onChange({ topics: ['posts'] });
        vi.advanceTimersByTime(10);
      }
      expect(applied.length).toBe(1);
      vi.advanceTimersByTime(QUIET_MS);
      expect(applied).toEqual([['posts'], ['posts']]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('listens to the event the Rust side emits', async () => {
    let handler: ((event: { payload: unknown }) => void) | undefined;
    listenMock.mockImplementation(async (name, callback) => {
      expect(name).toBe('changed');
      handler = callback as typeof handler;
      return () => {};
    });
    await followChanges();
    const posts = calendarState.postsRevision;
    handler?.({ payload: { topics: ['posts'] } });
    await vi.waitFor(() => expect(calendarState.postsRevision).toBe(posts + 1));
  });
});
