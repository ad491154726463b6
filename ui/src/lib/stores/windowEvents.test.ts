import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { invoke } from '@tauri-apps/api/core';
import UnsavedDialog from '../../components/UnsavedDialog.svelte';
import { Autosave } from '../autosave';
import { setLocale } from '../i18n';
import { leaving } from './leaving.svelte';
import { dropPending, pendingCount } from './pending';
import { closeWhenSaved } from './windowEvents';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);
const closed = () => invokeMock.mock.calls.filter(([name]) => name === 'window_close_ready').length;
const held = () => invokeMock.mock.calls.filter(([name]) => name === 'window_close_held').length;

beforeEach(async () => {
  setLocale('en');
  await dropPending();
  invokeMock.mockReset();
  invokeMock.mockResolvedValue(null);
});

afterEach(async () => {
  await dropPending();
});

/** A save that ends when the test says, the way it says. */
function controlledSave() {
  const answers: ((saved: boolean) => void)[] = [];
  const save = vi.fn(() => new Promise<boolean>((resolve) => answers.push(resolve)));
  return { save, answer: (saved: boolean) => answers.shift()?.(saved) };
}

describe('closing the window', () => {
  it('tells the Rust side it may close only once every save went through', async () => {
    const post = controlledSave();
    const charter = controlledSave();
    const postSave = new Autosave(post.save);
    const charterSave = new Autosave(charter.save);
    // One change under way, one waiting for the pause in typing.
    postSave.changed('choice');
    charterSave.changed('text');
    const closing = closeWhenSaved();
    // The Rust side hears at once that the page is on it.
    await vi.waitFor(() => expect(held()).toBe(1));
    await vi.waitFor(() => expect(charter.save).toHaveBeenCalledTimes(1));
    expect(post.save).toHaveBeenCalledTimes(1);
    post.answer(true);
    await Promise.resolve();
    expect(closed()).toBe(0);
    charter.answer(true);
    await closing;
    expect(closed()).toBe(1);
    expect(leaving.prompt).toBeNull();
  });

  it('asks what to do when a change cannot be saved, and closes once the retry saves it', async () => {
    const results = [false, false, true];
    const save = vi.fn(async () => results.shift() ?? true);
    const autosave = new Autosave(save);
    autosave.changed('choice');
    await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(1));

    const closing = closeWhenSaved();
    // The close tried once more (the second answer), in vain: the question shows.
    await vi.waitFor(() => expect(leaving.prompt).not.toBeNull());
    expect(save).toHaveBeenCalledTimes(2);
    expect(closed()).toBe(0);
    render(UnsavedDialog, { props: { prompt: leaving.prompt! } });
    expect(screen.getByTestId('unsaved-count')).toHaveTextContent('1 change could not be saved.');
    expect(screen.getByTestId('unsaved-discard')).toHaveTextContent('Close without them');

    await fireEvent.click(screen.getByTestId('unsaved-retry'));
    await closing;
    expect(save).toHaveBeenCalledTimes(3);
    expect(closed()).toBe(1);
    expect(pendingCount()).toBe(0);
  });

  it('closes without the changes the user gives up', async () => {
    const save = vi.fn(async () => false);
    const autosave = new Autosave(save);
    autosave.changed('choice');
    const closing = closeWhenSaved();
    await vi.waitFor(() => expect(leaving.prompt).not.toBeNull());
    render(UnsavedDialog, { props: { prompt: leaving.prompt! } });
    await fireEvent.click(screen.getByTestId('unsaved-discard'));
    await closing;
    expect(closed()).toBe(1);
    expect(pendingCount()).toBe(0);
    expect(autosave.unsaved).toBe(false);
  });

  it('stays open when the user keeps editing', async () => {
    const save = vi.fn(async () => false);
    const autosave = new Autosave(save);
    autosave.changed('choice');
    const closing = closeWhenSaved();
    await vi.waitFor(() => expect(leaving.prompt).not.toBeNull());
    render(UnsavedDialog, { props: { prompt: leaving.prompt! } });
    await fireEvent.click(screen.getByTestId('unsaved-stay'));
    await closing;
    expect(closed()).toBe(0);
    // Nothing was dropped: it is still to save.
    expect(autosave.unsaved).toBe(true);
    await autosave.discard();
  });
});
