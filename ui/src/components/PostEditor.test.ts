import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { invoke } from '@tauri-apps/api/core';
import PostEditor from './PostEditor.svelte';
import { AUTOSAVE_DELAY_MS } from '../lib/autosave';
import Toasts from './Toasts.svelte';
import { setLocale } from '../lib/i18n';
import { editorState, type EditorTarget } from '../lib/stores/editor.svelte';
import { panels } from '../lib/stores/panels.svelte';
import { networksState } from '../lib/stores/networks.svelte';
import { scheduleState } from '../lib/stores/schedule.svelte';
import { dismissToast, toasts } from '../lib/stores/toasts.svelte';
import type { PostInput } from '../lib/bindings/PostInput';
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
    // Only the key-date picker's read: nothing was sent.
    expect(invokeMock.mock.calls.filter(([name]) => name !== 'key_dates_list_range')).toEqual([]);
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
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
    expect(calls('post_update')).toHaveLength(0);
    // Typing again starts the pause over.
    await fireEvent.input(screen.getByTestId('post-title'), { target: { value: 'New title!' } });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
    expect(calls('post_update')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(100);

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
    expect(await screen.findByTestId('toast')).toHaveTextContent('Not saved: The workspace could not be read or written');
    expect((screen.getByTestId('post-title') as HTMLInputElement).value).toBe('Keep me');
  });

  it('deletes after an in-app confirmation and offers to undo that deletion, and only it', async () => {
    const post = makePost({ title: 'Doomed' }, { y: 2025, m: 3, d: 10 });
    const deletion = { id: 41, label: { kind: 'post_delete', name: 'Doomed', detail: null, count: null }, at: '2026-03-09T10:00:00Z', undoable: true, undone: false };
    invokeMock.mockImplementation(async (command: string) => {
      if (command === 'post_delete') return post;
      if (command === 'journal_state') return { undo: deletion, redo: null };
      if (command === 'journal_undo') return deletion;
      return [];
    });
    render(Toasts);
    render(PostEditor, { props: { target: { mode: 'edit', key: 4, post } } });

    await fireEvent.click(screen.getByTestId('post-delete'));
    expect(calls('post_delete')).toHaveLength(0);
    await fireEvent.click(screen.getByTestId('confirm-delete'));
    await vi.waitFor(() => expect(calls('post_delete')).toHaveLength(1));

    const undo = await screen.findByTestId('undo');
    expect(screen.getByText('Post deleted')).toBeInTheDocument();
    await fireEvent.click(undo);
    // The deletion read right after it, and nothing done since.
    await vi.waitFor(() => expect(calls('journal_undo')).toEqual([['journal_undo', { expected: 41 }]]));
    expect(await screen.findByText('Post restored')).toBeInTheDocument();
  });

  it('says where to go when something else was done since the deletion', async () => {
    const post = makePost({ title: 'Doomed' }, { y: 2025, m: 3, d: 10 });
    const deletion = { id: 41, label: { kind: 'post_delete', name: 'Doomed', detail: null, count: null }, at: '2026-03-09T10:00:00Z', undoable: true, undone: false };
    invokeMock.mockImplementation(async (command: string) => {
      if (command === 'post_delete') return post;
      if (command === 'journal_state') return { undo: deletion, redo: null };
      if (command === 'journal_undo') throw { code: 'conflict', reason: 'not_latest', message: 'another action came after' };
      return [];
    });
    render(Toasts);
    render(PostEditor, { props: { target: { mode: 'edit', key: 5, post } } });
    await fireEvent.click(screen.getByTestId('post-delete'));
    await fireEvent.click(screen.getByTestId('confirm-delete'));
    await fireEvent.click(await screen.findByTestId('undo'));
    expect(await screen.findByText('Something else was done since this deletion: to undo it, use the History.')).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('toast-history'));
    expect(panels.drawer).toBe('history');
  });
});

describe('PostEditor draft checks', () => {
  function reportWith(warnings: unknown[], keywordsUsed: string[] = []) {
    return { warnings, keywordsUsed, length: 10, hashtags: 0 };
  }

  it('checks the body after a pause in typing and shows every warning as text', async () => {
    vi.useFakeTimers();
    invokeMock.mockImplementation(async (command: string) => {
      if (command === 'draft_check') {
        return reportWith(
          [
            { kind: 'banned_term', term: '<b>cheap</b>', occurrences: 2 },
            { kind: 'over_limit', length: 300, limit: 280 },
            { kind: 'too_many_hashtags', count: 12, max: 10 },
            { kind: 'address_mismatch', expected: 'vous', found: ['tu', 'ton'] },
          ],
          ['tips', 'community'],
        );
      }
      return [];
    });
    render(PostEditor, { props: { target: newTarget() } });
    const list = screen.getByTestId('draft-warnings');
    expect(list.children).toHaveLength(0);

    await fireEvent.input(screen.getByTestId('post-body'), { target: { value: 'Some <b>cheap</b> text' } });
    await vi.advanceTimersByTimeAsync(200);
    expect(calls('draft_check')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(150);
    expect(calls('draft_check')).toHaveLength(1);
    expect(calls('draft_check')[0][1]).toEqual({ text: 'Some <b>cheap</b> text', networkId: 'net-x' });
    await vi.advanceTimersByTimeAsync(0);

    const items = screen.getAllByTestId('draft-warning').map((item) => item.textContent);
    expect(items).toEqual([
      'Banned term “<b>cheap</b>” used 2 times',
      "300 characters: over the network's limit of 280",
      'Too many hashtags: 12/10',
      'Form of address: the editorial line says “vous”, found “tu”, “ton”',
    ]);
    // Shown literally, never as markup.
    expect(list.querySelector('b')).toBeNull();
    expect(screen.getByTestId('draft-keywords')).toHaveTextContent('Keywords used: tips, community');
  });

  it('checks again when the network changes, and shows nothing without warnings', async () => {
    invokeMock.mockImplementation(async (command: string, args?: unknown) => {
      if (command === 'draft_check') {
        const { networkId } = args as { networkId: string };
        return networkId === 'net-x' ? reportWith([{ kind: 'over_limit', length: 300, limit: 280 }]) : reportWith([]);
      }
      return [];
    });
    const post = makePost({ body: 'a'.repeat(300) }, { y: 2025, m: 3, d: 10 });
    render(PostEditor, { props: { target: { mode: 'edit', key: 9, post } } });
    expect(await screen.findByTestId('draft-warning')).toHaveTextContent('over the network');

    const network = screen.getByTestId('post-network') as HTMLSelectElement;
    network.value = 'net-li';
    await fireEvent.change(network);
    await vi.waitFor(() => expect(calls('draft_check').at(-1)?.[1]).toMatchObject({ networkId: 'net-li' }));
    await vi.waitFor(() => expect(screen.getByTestId('draft-warnings').children).toHaveLength(0));
    expect(screen.getByTestId('draft-warnings')).toHaveTextContent('');
    expect(screen.queryByTestId('draft-keywords')).not.toBeInTheDocument();
  });

  it('never blocks saving', async () => {
    invokeMock.mockImplementation(async (command: string, args?: unknown) => {
      if (command === 'draft_check') return reportWith([{ kind: 'banned_term', term: 'cheap', occurrences: 1 }]);
      if (command === 'post_create') return makePost({ title: (args as { input: { title: string } }).input.title });
      return [];
    });
    render(PostEditor, { props: { target: newTarget() } });
    await fireEvent.input(screen.getByTestId('post-title'), { target: { value: 'Sale' } });
    await fireEvent.input(screen.getByTestId('post-body'), { target: { value: 'cheap' } });
    expect(await screen.findByText('Banned term “cheap” used once', {}, { timeout: 2000 })).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('post-save'));
    await vi.waitFor(() => expect(calls('post_create')).toHaveLength(1));
  });
});

describe('PostEditor scheduling', () => {
  const select = async (testId: string, value: string) => {
    const el = screen.getByTestId(testId) as HTMLSelectElement;
    el.value = value;
    await fireEvent.change(el);
  };

  afterEach(() => {
    scheduleState.settings = null;
  });

  it('sends the stored rule and reminder back unchanged with every update', async () => {
    vi.useFakeTimers();
    // A rule as the backend writes it when it splits a series: kept as is.
    const rule = 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20270630T215959Z';
    const post = makePost({ rrule: rule, reminderMinutes: 60 }, { y: 2027, m: 3, d: 1, h: 9 });
    render(PostEditor, { props: { target: { mode: 'edit', key: 20, post, occurrenceDate: '2027-03-08' } } });
    expect(screen.getByTestId('post-series-note')).toHaveTextContent('Recurring post');
    expect((screen.getByTestId('post-recurrence') as HTMLSelectElement).value).toBe('weekly');
    expect(screen.getByTestId('post-recurrence-summary')).toHaveTextContent('Every week on Monday, until June 30, 2027');

    await fireEvent.input(screen.getByTestId('post-title'), { target: { value: 'Renamed' } });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(calls('post_update')).toHaveLength(1);
    expect(calls('post_update')[0][1]).toMatchObject({ input: { title: 'Renamed', rrule: rule, reminderMinutes: 60 } });
  });

  it('builds a weekly rule on two days with a count, and shows it in words', async () => {
    render(PostEditor, { props: { target: newTarget('2027-03-29') } });
    await fireEvent.input(screen.getByTestId('post-title'), { target: { value: 'Tips' } });
    await select('post-recurrence', 'weekly');
    // The post's own weekday is ticked.
    expect(screen.getByTestId('post-recurrence-day-MO')).toBeChecked();
    await fireEvent.click(screen.getByTestId('post-recurrence-day-TH'));
    await select('post-recurrence-end', 'count');
    expect((screen.getByTestId('post-recurrence-count') as HTMLInputElement).value).toBe('10');
    expect(screen.getByTestId('post-recurrence-summary')).toHaveTextContent('Every week on Monday and Thursday, 10 times');

    await fireEvent.click(screen.getByTestId('post-save'));
    await vi.waitFor(() => expect(calls('post_create')).toHaveLength(1));
    expect(calls('post_create')[0][1]).toMatchObject({
      input: { date: '2027-03-29', rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TH;COUNT=10' },
    });
  });

  it('reads an existing rule into the controls and edits it', async () => {
    const post = makePost({ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,FR;UNTIL=20271231' }, { y: 2027, m: 3, d: 2, h: 9 });
    render(PostEditor, { props: { target: { mode: 'edit', key: 21, post } } });
    expect((screen.getByTestId('post-recurrence-interval') as HTMLInputElement).value).toBe('2');
    expect(screen.getByTestId('post-recurrence-day-TU')).toBeChecked();
    expect(screen.getByTestId('post-recurrence-day-FR')).toBeChecked();
    expect(screen.getByTestId('post-recurrence-day-MO')).not.toBeChecked();
    expect((screen.getByTestId('post-recurrence-until') as HTMLInputElement).value).toBe('2027-12-31');

    await select('post-recurrence-end', 'never');
    await vi.waitFor(() => expect(calls('post_update')).toHaveLength(1));
    expect(calls('post_update')[0][1]).toMatchObject({ input: { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,FR' } });

    await select('post-recurrence', 'none');
    await vi.waitFor(() => expect(calls('post_update')).toHaveLength(2));
    expect((calls('post_update')[1][1] as { input: PostInput }).input.rrule).toBeUndefined();
  });

  it('keeps a rule the controls cannot show, and offers no repetition for an idea', async () => {
    const post = makePost({ rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1' }, { y: 2027, m: 3, d: 31, h: 9 });
    const { unmount } = render(PostEditor, { props: { target: { mode: 'edit', key: 22, post } } });
    expect((screen.getByTestId('post-recurrence') as HTMLSelectElement).value).toBe('custom');
    expect(screen.getByTestId('post-recurrence-summary')).toHaveTextContent('FREQ=MONTHLY;BYMONTHDAY=-1');
    await fireEvent.click(screen.getByTestId('post-clear-date'));
    expect(screen.getByTestId('post-recurrence')).toBeDisabled();
    await vi.waitFor(() => expect(calls('post_update')).toHaveLength(1));
    expect(calls('post_update')[0][1]).toMatchObject({ input: { date: null } });
    expect((calls('post_update')[0][1] as { input: PostInput }).input.rrule).toBeUndefined();
    unmount();

    render(PostEditor, { props: { target: newTarget() } });
    expect(screen.getByTestId('post-recurrence')).toBeDisabled();
    expect(screen.getByText('Give the post a date to make it repeat.')).toBeInTheDocument();
  });

  it('shows the backend\'s refusal of a rule next to the control', async () => {
    invokeMock.mockImplementation(async (command: string) => {
      if (command === 'post_update') {
        throw { code: 'validation', field: 'rrule', reason: 'no_occurrence', message: 'this rule gives no date' };
      }
      return [];
    });
    const post = makePost({}, { y: 2027, m: 3, d: 29, h: 9 });
    render(PostEditor, { props: { target: { mode: 'edit', key: 23, post } } });
    await select('post-recurrence', 'yearly');
    const error = await screen.findByTestId('field-error-rrule');
    expect(error).toHaveTextContent("This rule gives no date from the post's date on");
    expect(screen.getByTestId('post-recurrence')).toHaveAttribute('aria-invalid', 'true');
  });

  it('overrides the reminder, or leaves it to the workspace default', async () => {
    scheduleState.settings = { reminderLeadMinutes: 45, audienceZone: 'America/Montreal', systemZone: 'UTC', maxGapDays: 7 };
    const post = makePost({}, { y: 2027, m: 3, d: 29, h: 9 });
    render(PostEditor, { props: { target: { mode: 'edit', key: 24, post } } });
    const reminder = screen.getByTestId('post-reminder') as HTMLSelectElement;
    expect(reminder.value).toBe('default');
    expect(reminder.selectedOptions[0]).toHaveTextContent('Workspace default (45 min before)');
    expect([...reminder.options].map((o) => o.textContent)).toContain('1 hour before');

    await select('post-reminder', '60');
    await vi.waitFor(() => expect(calls('post_update')).toHaveLength(1));
    expect(calls('post_update')[0][1]).toMatchObject({ input: { reminderMinutes: 60 } });

    await select('post-reminder', 'custom');
    await fireEvent.input(screen.getByTestId('post-reminder-minutes'), { target: { value: '20000' } });
    await fireEvent.click(screen.getByTestId('post-save'));
    expect(await screen.findByTestId('field-error-reminderMinutes')).toHaveTextContent('from 0 to 10080');

    await select('post-reminder', 'default');
    await vi.waitFor(() => expect(calls('post_update').length).toBeGreaterThanOrEqual(2));
    const last = calls('post_update').at(-1)?.[1] as { input: PostInput };
    expect(last.input.reminderMinutes).toBeUndefined();
  });

  it('plans new posts on the audience\'s clocks', async () => {
    scheduleState.settings = { reminderLeadMinutes: 30, audienceZone: 'America/Montreal', systemZone: 'UTC', maxGapDays: 7 };
    render(PostEditor, { props: { target: newTarget('2027-03-29') } });
    expect((screen.getByTestId('post-zone') as HTMLSelectElement).value).toBe('America/Montreal');
  });

  it('shows a suspended post\'s status read-only', async () => {
    const post = makePost({ status: 'suspended', suspendedFrom: 'scheduled' }, { y: 2027, m: 3, d: 29, h: 9 });
    render(PostEditor, { props: { target: { mode: 'edit', key: 25, post } } });
    const status = screen.getByTestId('post-status') as HTMLSelectElement;
    expect(status).toBeDisabled();
    expect(status.value).toBe('suspended');
    expect(screen.getByTestId('post-suspended-hint')).toHaveTextContent('Suspended by crisis mode: it goes back to “Scheduled”');
  });

  it('deletes the occurrence it was opened from, or the following ones too', async () => {
    invokeMock.mockImplementation(async () => null);
    const post = makePost({ rrule: 'FREQ=WEEKLY;BYDAY=MO' }, { y: 2027, m: 3, d: 1, h: 9 });
    render(PostEditor, { props: { target: { mode: 'edit', key: 26, post, occurrenceDate: '2027-03-15' } } });
    await fireEvent.click(screen.getByTestId('post-delete'));
    expect(screen.getByTestId('occurrence-scope-series')).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('occurrence-scope-following'));
    await vi.waitFor(() => expect(calls('occurrence_delete')).toHaveLength(1));
    expect(calls('occurrence_delete')[0][1]).toEqual({ postId: post.id, occurrenceDate: '2027-03-15', scope: 'this_and_following' });
    expect(calls('post_delete')).toHaveLength(0);
  });

  it('moves the occurrence it was opened from, not the series, when its own date changes', async () => {
    invokeMock.mockImplementation(async () => null);
    const post = makePost({ rrule: 'FREQ=WEEKLY;BYDAY=MO' }, { y: 2027, m: 3, d: 1, h: 9 });
    const target: EditorTarget = { mode: 'edit', key: 27, post, occurrenceDate: '2027-03-15', occurrenceAt: { date: '2027-03-15', time: '09:00' } };
    editorState.target = target;
    render(PostEditor, { props: { target } });
    expect(screen.getByTestId('occurrence-date')).toHaveValue('2027-03-15');
    // A date widget fires input, then change once the date is picked.
    await fireEvent.input(screen.getByTestId('occurrence-date'), { target: { value: '2027-03-17' } });
    await fireEvent.change(screen.getByTestId('occurrence-date'));
    await fireEvent.click(await screen.findByTestId('occurrence-scope-this'));
    await vi.waitFor(() => expect(calls('occurrence_move')).toHaveLength(1));
    expect(calls('occurrence_move')[0][1]).toEqual({
      postId: post.id,
      occurrenceDate: '2027-03-15',
      date: '2027-03-17',
      time: '09:00',
      scope: 'this_one',
    });
    // The series itself is not rewritten, and the editor closes.
    expect(calls('post_update')).toHaveLength(0);
    await vi.waitFor(() => expect(editorState.target).toBeNull());
  });

  it('puts the occurrence\'s date back when the move is cancelled', async () => {
    invokeMock.mockImplementation(async () => null);
    const post = makePost({ rrule: 'FREQ=WEEKLY;BYDAY=MO' }, { y: 2027, m: 3, d: 1, h: 9 });
    render(PostEditor, { props: { target: { mode: 'edit', key: 28, post, occurrenceDate: '2027-03-15', occurrenceAt: { date: '2027-03-15', time: '09:00' } } } });
    await fireEvent.input(screen.getByTestId('occurrence-time'), { target: { value: '11:30' } });
    await fireEvent.change(screen.getByTestId('occurrence-time'));
    await fireEvent.keyDown(await screen.findByTestId('occurrence-scope-dialog'), { key: 'Escape' });
    await vi.waitFor(() => expect(screen.getByTestId('occurrence-time')).toHaveValue('09:00'));
    expect(calls('occurrence_move')).toHaveLength(0);
  });

  it('plans a post on a key date of the coming year', async () => {
    invokeMock.mockImplementation(async (command: string) => {
      if (command === 'key_dates_list_range') {
        return [{ id: 'fr-14-juillet', date: '2027-07-14', label: 'Fête nationale', kind: 'public_holiday' }];
      }
      return [];
    });
    render(PostEditor, { props: { target: newTarget() } });
    const picker = screen.getByTestId('post-key-date') as HTMLSelectElement;
    await vi.waitFor(() => expect(picker.options).toHaveLength(2));
    expect(calls('key_dates_list_range')[0][1]).toMatchObject({ includeHolidays: true });
    expect(picker.options[1]).toHaveTextContent('Fête nationale');
    await select('post-key-date', '2027-07-14');
    expect((screen.getByTestId('post-date') as HTMLInputElement).value).toBe('2027-07-14');
    expect((screen.getByTestId('post-time') as HTMLInputElement).value).toBe('09:00');
    expect(picker.value).toBe('');
  });
});
