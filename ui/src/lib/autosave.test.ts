import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, Autosave, AutosaveGroup } from './autosave';
import { dropPending, flushPending, leaveBrand, pendingCount } from './stores/pending';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Autosave', () => {
  it('waits for a pause in typing, and saves a choice at once', async () => {
    const save = vi.fn(async () => true);
    const autosave = new Autosave(save);
    autosave.changed('text');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
    autosave.changed('text');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(save).toHaveBeenCalledTimes(1);

    autosave.changed('choice');
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('saves what is pending on flush, and nothing when nothing changed', async () => {
    const save = vi.fn(async () => true);
    const autosave = new Autosave(save);
    expect(await autosave.flush()).toBe(true);
    expect(save).not.toHaveBeenCalled();
    autosave.changed('text');
    expect(await autosave.flush()).toBe(true);
    expect(save).toHaveBeenCalledTimes(1);
    // The timer of the flushed change does not save it a second time.
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('tells whether the latest save went through, a rejection included', async () => {
    const results: (() => Promise<boolean>)[] = [async () => false, async () => Promise.reject(new Error('disk')), async () => true];
    const autosave = new Autosave(() => results.shift()!());
    expect(await autosave.saveNow()).toBe(false);
    expect(await autosave.flush()).toBe(false);
    expect(await autosave.saveNow()).toBe(false);
    expect(await autosave.saveNow()).toBe(true);
  });

  it('runs saves one after another', async () => {
    const order: string[] = [];
    let release: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const autosave = new Autosave(async () => {
      const call = ++calls;
      order.push(`start ${call}`);
      if (call === 1) await first;
      order.push(`end ${call}`);
    });
    autosave.changed('choice');
    autosave.changed('choice');
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['start 1']);
    release();
    await autosave.flush();
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('drops pending changes on discard but waits for the save under way', async () => {
    let release: () => void = () => undefined;
    const save = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const autosave = new Autosave(save);
    autosave.changed('choice');
    autosave.changed('text');
    let discarded = false;
    const done = autosave.discard().then(() => (discarded = true));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(discarded).toBe(false);
    release();
    await done;
    expect(save).toHaveBeenCalledTimes(1);
  });
});

describe('AutosaveGroup', () => {
  it('keeps a timer for each part and saves every pending part on flushAll', async () => {
    const save = vi.fn(async (_name: string) => undefined);
    const group = new AutosaveGroup(save);
    group.changed('a', 'text');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
    group.changed('b', 'text');
    await vi.advanceTimersByTimeAsync(100);
    expect(save.mock.calls).toEqual([['a']]);
    group.changed('c', 'text');
    await group.flushAll();
    expect(save.mock.calls).toEqual([['a'], ['b'], ['c']]);
  });

  it('goes on after a failed save', async () => {
    const save = vi.fn(async (name: string) => {
      if (name === 'a') throw new Error('refused');
    });
    const group = new AutosaveGroup(save);
    group.changed('a', 'choice');
    group.changed('b', 'choice');
    await group.flushAll();
    expect(save.mock.calls).toEqual([['a'], ['b']]);
  });
});

describe('Autosave retries', () => {
  beforeEach(async () => {
    await dropPending();
  });

  it('keeps a refused change pending and saves it on the automatic retry', async () => {
    const results = [false, true];
    const save = vi.fn(async () => results.shift());
    const autosave = new Autosave(save);
    autosave.changed('choice');
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(1);
    // Refused: still to save, and listed for the window's close.
    expect(autosave.unsaved).toBe(true);
    expect(pendingCount()).toBe(1);
    // A flush of nothing new does not send it again before its time.
    expect(await autosave.flush()).toBe(false);
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(2);
    // The retry is told it is one (its failure was reported already).
    expect(save.mock.calls[1]).toEqual([{ retry: true }]);
    expect(autosave.unsaved).toBe(false);
    expect(pendingCount()).toBe(0);
    // Saved: nothing more is tried.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('waits 2 s, 5 s, 15 s, then every 30 s between retries', async () => {
    const save = vi.fn(async () => false);
    const autosave = new Autosave(save);
    autosave.changed('choice');
    // Tried at 0, then at 2 000, 7 000, 22 000, 52 000 and 82 000 ms.
    const expected: [number, number][] = [
      [0, 1],
      [1_999, 1],
      [2_000, 2],
      [6_999, 2],
      [7_000, 3],
      [21_999, 3],
      [22_000, 4],
      [51_999, 4],
      [52_000, 5],
      [82_000, 6],
    ];
    let now = 0;
    for (const [at, calls] of expected) {
      await vi.advanceTimersByTimeAsync(at - now);
      now = at;
      expect(save, `at ${at} ms`).toHaveBeenCalledTimes(calls);
    }
    expect(autosave.unsaved).toBe(true);
    await autosave.discard();
  });

  it('saves a refused change at once on Retry', async () => {
    const results = [false, true];
    const save = vi.fn(async () => results.shift());
    const autosave = new Autosave(save);
    expect(await autosave.saveNow()).toBe(false);
    expect(await autosave.retry()).toBe(true);
    expect(save).toHaveBeenCalledTimes(2);
    // The user asked: not a quiet retry.
    expect(save.mock.calls[1]).toEqual([]);
    // The timer's retry has nothing left to do.
    await vi.advanceTimersByTimeAsync(2_000);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('lets a later change carry the refused one, without a retry on top', async () => {
    const results = [false, true];
    const save = vi.fn(async () => results.shift());
    const autosave = new Autosave(save);
    autosave.changed('choice');
    await vi.advanceTimersByTimeAsync(1_000);
    autosave.changed('text');
    // The typing's pause (500 ms) comes before the retry (2 000 ms).
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(save).toHaveBeenCalledTimes(2);
    expect(autosave.unsaved).toBe(false);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('sends a refused change again when the window closes, and counts what still fails', async () => {
    const refuse = vi.fn(async () => false);
    const accept = vi.fn(async () => true);
    const refused = new Autosave(refuse);
    const accepted = new Autosave(accept);
    refused.changed('choice');
    accepted.changed('text');
    await vi.advanceTimersByTimeAsync(0);
    expect(pendingCount()).toBe(2);
    // The close saves the waiting text now and tries the refused one once more.
    expect(await flushPending()).toBe(1);
    expect(accept).toHaveBeenCalledTimes(1);
    expect(refuse).toHaveBeenCalledTimes(2);
    expect(pendingCount()).toBe(1);
    await refused.discard();
    expect(pendingCount()).toBe(0);
  });

  it('stops retrying once discarded', async () => {
    const save = vi.fn(async () => false);
    const autosave = new Autosave(save);
    autosave.changed('choice');
    await vi.advanceTimersByTimeAsync(0);
    await autosave.discard();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(pendingCount()).toBe(0);
  });

  it('never writes a change of a brand that is no longer open', async () => {
    const save = vi.fn(async () => false);
    const autosave = new Autosave(save);
    autosave.changed('choice');
    await vi.advanceTimersByTimeAsync(0);
    // Another brand opened: what was left is dropped, and no retry reaches the new one.
    expect(leaveBrand()).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    autosave.changed('choice');
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('tries each refused part of a group again', async () => {
    const failing = new Set(['a']);
    const save = vi.fn(async (name: string) => !failing.has(name));
    const group = new AutosaveGroup(save);
    group.changed('a', 'choice');
    group.changed('b', 'choice');
    await group.flushAll();
    expect(pendingCount()).toBe(1);
    failing.clear();
    expect(await group.retryAll()).toBe(true);
    expect(save.mock.calls).toEqual([['a'], ['b'], ['a']]);
    expect(pendingCount()).toBe(0);
  });
});
