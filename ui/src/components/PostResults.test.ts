import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { invoke } from '@tauri-apps/api/core';
import PostResults from './PostResults.svelte';
import PostEditor from './PostEditor.svelte';
import type { PostResult } from '../lib/bindings/PostResult';
import type { PostResultInput } from '../lib/bindings/PostResultInput';
import { setLocale } from '../lib/i18n';
import { editorState } from '../lib/stores/editor.svelte';
import { networksState } from '../lib/stores/networks.svelte';
import { makePost, networks } from '../test/fixtures';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);
const calls = (command: string) => invokeMock.mock.calls.filter(([name]) => name === command);

function resultOf(input: PostResultInput): PostResult {
  const parts = [input.reactions, input.comments, input.shares, input.saves].filter((n): n is number => n !== null);
  const engagements = parts.length ? parts.reduce((a, b) => a + b, 0) : null;
  const flags: PostResult['flags'] = [];
  if (engagements !== null && input.reach !== null && engagements > input.reach) flags.push('engagements_above_reach');
  return {
    postId: 'post-1',
    ...input,
    engagements,
    engagementRate: engagements !== null && input.reach ? (engagements / input.reach) * 100 : null,
    flags,
    updatedAt: '2026-11-22T10:00:00Z',
  };
}

let stored: PostResult | null;

beforeEach(() => {
  setLocale('en');
  networksState.list = networks;
  stored = null;
  invokeMock.mockReset();
  invokeMock.mockImplementation(async (command: string, args?: unknown) => {
    const a = args as { input?: PostResultInput } | undefined;
    if (command === 'post_result_get') return stored;
    if (command === 'post_result_set') {
      const input = a!.input!;
      if (input.shares !== null && input.shares < 0) throw { code: 'validation', message: 'negative', field: 'shares', reason: 'negative' };
      return (stored = resultOf(input));
    }
    if (command === 'post_result_clear') return (stored = null);
    if (command === 'post_update') return makePost({ id: 'post-1', status: (args as { input: { status: 'published' } }).input.status });
    return null;
  });
});

afterEach(() => {
  editorState.target = null;
});

describe('PostResults', () => {
  it('shows the stored figures, the engagement rate and what looks wrong', async () => {
    stored = resultOf({ reach: 100, impressions: 250, reactions: 90, comments: 20, shares: 5, saves: null, clicks: 3 });
    render(PostResults, { props: { postId: 'post-1' } });
    await waitFor(() => expect(screen.getByTestId('post-result-reach')).toHaveValue('100'));
    expect(screen.getByTestId('post-result-saves')).toHaveValue('');
    expect(screen.getByTestId('post-results-engagements')).toHaveTextContent('115');
    expect(screen.getByTestId('post-results-rate')).toHaveTextContent('115%');
    expect(screen.getByTestId('post-result-flag')).toHaveTextContent('More interactions than people reached');
  });

  it('saves what is typed, an empty field as not measured', async () => {
    render(PostResults, { props: { postId: 'post-1' } });
    await waitFor(() => expect(calls('post_result_get')).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('post-result-reach')).not.toBeDisabled());
    await fireEvent.input(screen.getByTestId('post-result-reach'), { target: { value: '2 000' } });
    await fireEvent.input(screen.getByTestId('post-result-reactions'), { target: { value: '80' } });
    await fireEvent.change(screen.getByTestId('post-result-reactions'));
    await waitFor(() => expect(calls('post_result_set')).toHaveLength(1));
    expect(calls('post_result_set')[0][1]).toEqual({
      postId: 'post-1',
      input: { reach: 2000, impressions: null, reactions: 80, comments: null, shares: null, saves: null, clicks: null },
    });
    await waitFor(() => expect(screen.getByTestId('post-results-rate')).toHaveTextContent('4%'));
    expect(screen.getByTestId('post-results-state')).toHaveTextContent('Saved');
    expect(screen.queryByTestId('post-result-flag')).not.toBeInTheDocument();
  });

  it('puts a refused count next to its field', async () => {
    render(PostResults, { props: { postId: 'post-1' } });
    await waitFor(() => expect(screen.getByTestId('post-result-shares')).not.toBeDisabled());
    await fireEvent.input(screen.getByTestId('post-result-shares'), { target: { value: '-3' } });
    await fireEvent.change(screen.getByTestId('post-result-shares'));
    expect(await screen.findByTestId('field-error-result-shares')).toHaveTextContent('This cannot be below zero');
    expect(screen.getByTestId('post-result-shares')).toHaveAttribute('aria-invalid', 'true');
  });

  it('clears the results when asked', async () => {
    stored = resultOf({ reach: 100, impressions: null, reactions: 5, comments: null, shares: null, saves: null, clicks: null });
    render(PostResults, { props: { postId: 'post-1' } });
    await fireEvent.click(await screen.findByTestId('post-results-clear'));
    await waitFor(() => expect(calls('post_result_clear')).toHaveLength(1));
    expect(screen.getByTestId('post-result-reach')).toHaveValue('');
    expect(screen.getByTestId('post-results-rate')).toHaveTextContent('—');
  });
});

describe('the editor', () => {
  it('shows the results only for a published post', async () => {
    const post = makePost({ id: 'post-1', status: 'scheduled' }, { y: 2026, m: 11, d: 20 });
    render(PostEditor, { props: { target: { mode: 'edit', key: 1, post } } });
    expect(screen.queryByTestId('post-results')).not.toBeInTheDocument();
    await fireEvent.change(screen.getByTestId('post-status'), { target: { value: 'published' } });
    expect(await screen.findByTestId('post-results')).toBeInTheDocument();
    await waitFor(() => expect(calls('post_result_get')[0][1]).toEqual({ postId: 'post-1' }));
  });
});
