import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { invoke } from '@tauri-apps/api/core';
import PostEditor from './PostEditor.svelte';
import Toasts from './Toasts.svelte';
import { setLocale } from '../lib/i18n';
import { editorState, type EditorTarget } from '../lib/stores/editor.svelte';
import { networksState } from '../lib/stores/networks.svelte';
import { dismissToast, toasts } from '../lib/stores/toasts.svelte';
import { makePost, networks } from '../test/fixtures';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

const calls = (command: string) => invokeMock.mock.calls.filter(([name]) => name === command);

function newTarget(date: string | null = null): EditorTarget {
  return { mode: 'new', key: 1, date, time: null };
}

beforeEach(() => {
  for (const toast of toasts.items) dismissToast(toast.id);
  setLocale('en');
  networksState.list = networks;
  networksState.themes = [];
  invokeMock.mockReset();
  invokeMock.mockImplementation(async (command: string, args?: unknown) => {
    const a = args as { input?: { title: string } } | undefined;
    if (command === 'post_create' || command === 'post_update') return makePost({ title: a?.input?.title ?? '' });
    if (command === 'posts_themes') return [];
    return null;
  });
});

afterEach(() => {
  vi.useRealTimers();
  editorState.target = null;
});

describe('PostEditor', () => {
  it('refuses an empty title without calling the backend', async () => {
    render(PostEditor, { props: { target: newTarget() } });
    await fireEvent.click(screen.getByTestId('post-save'));
    expect(screen.getByTestId('field-error-title')).toHaveTextContent('Title is required');
    expect(screen.getByTestId('post-title')).toHaveAttribute('aria-invalid', 'true');
    expect(invokeMock).not.toHaveBeenCalled();
  });

  it('warns over the network limit and still saves', async () => {
    render(PostEditor, { props: { target: newTarget('2025-03-10') } });
    await fireEvent.input(screen.getByTestId('post-title'), { target: { value: 'Spring launch' } });
    const network = screen.getByTestId('post-network') as HTMLSelectElement;
    expect(network.value).toBe('net-x');
    // 285 characters, emoji counted once each.
    const body = '😀'.repeat(5) + 'a'.repeat(280);
    await fireEvent.input(screen.getByTestId('post-body'), { target: { value: body } });

    const counter = screen.getByTestId('char-counter');
    expect(counter).toHaveTextContent('285 / 280');
    expect(screen.getByTestId('char-warning')).toHaveTextContent("Over X's limit by 5 characters");

    await fireEvent.click(screen.getByTestId('post-save'));
    await vi.waitFor(() => expect(calls('post_create')).toHaveLength(1));
    const [, args] = calls('post_create')[0];
    expect(args).toMatchObject({
      input: { title: 'Spring launch', body, networkId: 'net-x', date: '2025-03-10', time: '09:00', status: 'draft' },
    });
  });

  it('creates an idea without a date from an empty editor', async () => {
    render(PostEditor, { props: { target: newTarget() } });
    expect((screen.getByTestId('post-date') as HTMLInputElement).value).toBe('');
    await fireEvent.input(screen.getByTestId('post-title'), { target: { value: 'Someday' } });
    await fireEvent.click(screen.getByTestId('post-save'));
    await vi.waitFor(() => expect(calls('post_create')).toHaveLength(1));
    expect(calls('post_create')[0][1]).toMatchObject({ input: { date: null, time: null, status: 'idea' } });
  });

  it('autosaves an existing post after a pause in typing', async () => {
    vi.useFakeTimers();
    const post = makePost({ title: 'Old title' }, { y: 2025, m: 3, d: 10, h: 9 });
    render(PostEditor, { props: { target: { mode: 'edit', key: 2, post } } });

    await fireEvent.input(screen.getByTestId('post-title'), { target: { value: 'New title' } });
    await vi.advanceTimersByTimeAsync(200);
    expect(calls('post_update')).toHaveLength(0);
    await fireEvent.input(screen.getByTestId('post-title'), { target: { value: 'New title!' } });
    await vi.advanceTimersByTimeAsync(450);

    expect(calls('post_update')).toHaveLength(1);
    expect(calls('post_update')[0][1]).toMatchObject({
      id: post.id,
      input: { title: 'New title!', date: '2025-03-10', time: '09:00', zone: 'Europe/Paris' },
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.getByTestId('save-state')).toHaveTextContent('Saved');
  });

  it('saves a changed status at once', async () => {
    const post = makePost({}, { y: 2025, m: 3, d: 10 });
    render(PostEditor, { props: { target: { mode: 'edit', key: 3, post } } });
    const status = screen.getByTestId('post-status') as HTMLSelectElement;
    status.value = 'approved';
    await fireEvent.change(status);
    await vi.waitFor(() => expect(calls('post_update')).toHaveLength(1));
    expect(calls('post_update')[0][1]).toMatchObject({ input: { status: 'approved' } });
  });

  it('shows a backend validation error next to the date and keeps the input', async () => {
    invokeMock.mockImplementation(async (command: string) => {
      if (command === 'post_create') {
        throw { code: 'validation', message: 'date required', field: 'date', reason: 'required_for_status' };
      }
      return [];
    });
    render(PostEditor, { props: { target: newTarget() } });
    await fireEvent.input(screen.getByTestId('post-title'), { target: { value: 'Needs a date' } });
    const status = screen.getByTestId('post-status') as HTMLSelectElement;
    status.value = 'scheduled';
    await fireEvent.change(status);
    await fireEvent.click(screen.getByTestId('post-save'));

    const error = await screen.findByTestId('field-error-date');
    expect(error).toHaveTextContent('Required for this status');
    expect(screen.getByTestId('post-date')).toHaveAttribute('aria-invalid', 'true');
    expect((screen.getByTestId('post-title') as HTMLInputElement).value).toBe('Needs a date');
  });

  it('shows other errors as a toast and keeps what was typed', async () => {
    invokeMock.mockImplementation(async (command: string) => {
      if (command === 'post_create') throw { code: 'storage', message: 'disk full' };
      return [];
    });
    render(Toasts);
    render(PostEditor, { props: { target: newTarget() } });
    await fireEvent.input(screen.getByTestId('post-title'), { target: { value: 'Keep me' } });
    await fireEvent.click(screen.getByTestId('post-save'));
    expect(await screen.findByTestId('toast')).toHaveTextContent('disk full');
    expect((screen.getByTestId('post-title') as HTMLInputElement).value).toBe('Keep me');
  });

  it('deletes after an in-app confirmation and offers undo', async () => {
    const post = makePost({ title: 'Doomed' }, { y: 2025, m: 3, d: 10 });
    invokeMock.mockImplementation(async (command: string) => (command === 'post_delete' || command === 'post_restore' ? post : []));
    render(Toasts);
    render(PostEditor, { props: { target: { mode: 'edit', key: 4, post } } });

    await fireEvent.click(screen.getByTestId('post-delete'));
    expect(calls('post_delete')).toHaveLength(0);
    await fireEvent.click(screen.getByTestId('confirm-delete'));
    await vi.waitFor(() => expect(calls('post_delete')).toHaveLength(1));

    const undo = await screen.findByTestId('undo');
    expect(screen.getByText('Post deleted')).toBeInTheDocument();
    await fireEvent.click(undo);
    await vi.waitFor(() => expect(calls('post_restore')).toHaveLength(1));
    expect(calls('post_restore')[0][1]).toEqual({ post });
  });
});
