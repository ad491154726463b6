import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, Autosave, AutosaveGroup } from './autosave';

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
