import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { invoke } from '@tauri-apps/api/core';
import type { CrisisState } from '../../lib/bindings/CrisisState';
import { setLocale } from '../../lib/i18n';
import { crisisStore } from '../../lib/stores/crisis.svelte';
import { navState } from '../../lib/stores/nav.svelte';
import { panels } from '../../lib/stores/panels.svelte';
import { toasts } from '../../lib/stores/toasts.svelte';
import CrisisBanner from './CrisisBanner.svelte';
import CrisisChecklist from './CrisisChecklist.svelte';
import CrisisEndDialog from './CrisisEndDialog.svelte';
import CrisisHistoryDialog from './CrisisHistoryDialog.svelte';
import CrisisStartDialog from './CrisisStartDialog.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

/** Today at `h:m` local time, as the backend writes instants (UTC). */
const todayAt = (h: number, m: number) => {
  const d = new Date();
  d.setHours(h, m, 0, 0);
  return d.toISOString();
};

function crisis(overrides: Partial<CrisisState> = {}): CrisisState {
  return {
    id: 'c1',
    startedAt: todayAt(14, 32),
    endedAt: null,
    note: 'Complaints about batch 42',
    suspendedPosts: 3,
    checklist: [
      { id: 's1', position: 0, text: 'Suspend every scheduled post.', doneAt: null },
      { id: 's2', position: 1, text: 'Gather the facts.', doneAt: null },
    ],
    log: [{ at: todayAt(14, 32), kind: 'started', text: 'Complaints about batch 42' }],
    ...overrides,
  };
}

beforeEach(() => {
  setLocale('en');
  invokeMock.mockReset();
  crisisStore.current = null;
  panels.dialog = null;
  panels.drawer = null;
  toasts.items = [];
});

afterEach(() => {
  navState.screen = 'calendar';
  navState.charterSection = null;
});

describe('crisis store', () => {
  it('loads the running crisis at startup, and nothing when none runs', async () => {
    invokeMock.mockResolvedValueOnce(crisis());
    await crisisStore.load();
    expect(invokeMock).toHaveBeenCalledWith('crisis_state', undefined);
    expect(crisisStore.active).toBe(true);
    invokeMock.mockResolvedValueOnce(null);
    await crisisStore.load();
    expect(crisisStore.current).toBeNull();
    expect(crisisStore.active).toBe(false);
  });
});

describe('CrisisStartDialog', () => {
  it('says what will happen, starts with the note and shows how many posts were suspended', async () => {
    invokeMock.mockResolvedValue(crisis({ suspendedPosts: 5 }));
    const onclose = vi.fn();
    render(CrisisStartDialog, { props: { onclose } });
    expect(screen.getByTestId('crisis-start-dialog')).toHaveTextContent('Every planned post that is not published yet is suspended');
    await fireEvent.input(screen.getByTestId('crisis-start-note'), { target: { value: '  Complaints about batch 42 ' } });
    await fireEvent.click(screen.getByTestId('crisis-start-confirm'));
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(invokeMock).toHaveBeenCalledWith('crisis_start', { note: 'Complaints about batch 42' });
    expect(crisisStore.current?.suspendedPosts).toBe(5);
    expect(toasts.items.at(-1)?.message).toBe('Crisis mode on: 5 posts suspended');
    expect(panels.drawer).toBe('checklist');
  });

  it('shows a note the backend refuses next to the note', async () => {
    invokeMock.mockRejectedValue({ code: 'validation', field: 'note', reason: 'too_long', message: 'note is too long' });
    render(CrisisStartDialog, { props: { onclose: vi.fn() } });
    await fireEvent.click(screen.getByTestId('crisis-start-confirm'));
    expect(await screen.findByText('This is too long')).toHaveClass('field-error');
    expect(screen.getByTestId('crisis-start-note')).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('CrisisBanner', () => {
  it('says since when and how many posts are suspended, in both languages', async () => {
    const { rerender } = render(CrisisBanner, { props: { crisis: crisis() } });
    expect(screen.getByTestId('crisis-banner-text')).toHaveTextContent('Crisis mode since 2:32 PM — 3 posts suspended');
    expect(screen.getByTestId('crisis-open-checklist')).toHaveTextContent('0/2');
    await rerender({ crisis: crisis({ suspendedPosts: 1 }) });
    expect(screen.getByTestId('crisis-banner-text')).toHaveTextContent('— 1 post suspended');
    setLocale('fr');
    await waitFor(() => expect(screen.getByTestId('crisis-banner-text')).toHaveTextContent('Mode crise depuis 14:32 — 1 publication suspendue'));
  });

  it('opens the checklist and the end confirmation', async () => {
    render(CrisisBanner, { props: { crisis: crisis() } });
    await fireEvent.click(screen.getByTestId('crisis-open-checklist'));
    expect(panels.drawer).toBe('checklist');
    await fireEvent.click(screen.getByTestId('crisis-end'));
    expect(panels.dialog).toBe('crisisEnd');
  });
});

describe('CrisisChecklist', () => {
  it('ticks a step through the backend and shows when it was done', async () => {
    crisisStore.current = crisis();
    const ticked = crisis({
      checklist: [
        { id: 's1', position: 0, text: 'Suspend every scheduled post.', doneAt: todayAt(14, 40) },
        { id: 's2', position: 1, text: 'Gather the facts.', doneAt: null },
      ],
      log: [...crisis().log, { at: todayAt(14, 40), kind: 'step_done', text: 'Suspend every scheduled post.' }],
    });
    invokeMock.mockResolvedValue(ticked);
    const view = render(CrisisChecklist, { props: { crisis: crisisStore.current! } });
    const [first] = screen.getAllByTestId('crisis-step-check');
    await fireEvent.click(first);
    expect(invokeMock).toHaveBeenCalledWith('crisis_tick', { stepId: 's1', done: true });
    await view.rerender({ crisis: crisisStore.current! });
    const step = screen.getAllByTestId('crisis-step')[0];
    expect(within(step).getByTestId('crisis-step-done-at')).toHaveTextContent('done at 2:40 PM');
    expect(screen.getByTestId('crisis-progress')).toHaveTextContent('1 of 2 done');
    // The log, oldest first, with times.
    const entries = within(screen.getByTestId('crisis-log')).getAllByRole('listitem');
    expect(entries.map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '2:32 PM Crisis mode turned on: Complaints about batch 42',
      '2:40 PM Done: Suspend every scheduled post.',
    ]);
  });

  it('unticks a step', async () => {
    crisisStore.current = crisis({
      checklist: [{ id: 's1', position: 0, text: 'Suspend', doneAt: todayAt(14, 40) }],
    });
    invokeMock.mockResolvedValue(crisis({ checklist: [{ id: 's1', position: 0, text: 'Suspend', doneAt: null }] }));
    render(CrisisChecklist, { props: { crisis: crisisStore.current } });
    await fireEvent.click(screen.getByTestId('crisis-step-check'));
    expect(invokeMock).toHaveBeenCalledWith('crisis_tick', { stepId: 's1', done: false });
  });

  it('adds a note to the log, and refuses an empty one', async () => {
    crisisStore.current = crisis();
    invokeMock.mockResolvedValue(
      crisis({ log: [...crisis().log, { at: todayAt(15, 5), kind: 'note', text: 'Statement <b>published</b>' }] }),
    );
    const view = render(CrisisChecklist, { props: { crisis: crisisStore.current } });
    await fireEvent.click(screen.getByTestId('crisis-note-add'));
    expect(screen.getByTestId('crisis-note-error')).toHaveTextContent('This field is required');
    expect(invokeMock).not.toHaveBeenCalled();
    await fireEvent.input(screen.getByTestId('crisis-note-input'), { target: { value: 'Statement <b>published</b>' } });
    await fireEvent.click(screen.getByTestId('crisis-note-add'));
    expect(invokeMock).toHaveBeenCalledWith('crisis_log_add', { text: 'Statement <b>published</b>' });
    await view.rerender({ crisis: crisisStore.current! });
    // User text stays text.
    expect(screen.getByText('Statement <b>published</b>')).toBeInTheDocument();
    expect(screen.getByTestId('crisis-log').querySelector('b')).toBeNull();
    expect(screen.getByTestId('crisis-note-input')).toHaveValue('');
  });

  it('says so when the crisis plan has no rapid-response steps, and points to it', async () => {
    crisisStore.current = crisis({ checklist: [] });
    panels.drawer = 'checklist';
    render(CrisisChecklist, { props: { crisis: crisisStore.current } });
    expect(screen.getByTestId('crisis-no-steps')).toHaveTextContent('Your crisis plan has no rapid-response steps');
    await fireEvent.click(screen.getByTestId('crisis-open-plan'));
    expect(navState.screen).toBe('charter');
    expect(navState.charterSection).toBe('crisis');
    expect(panels.drawer).toBeNull();
  });
});

describe('CrisisEndDialog', () => {
  it('ends the crisis and says how many posts came back', async () => {
    crisisStore.current = crisis();
    panels.drawer = 'checklist';
    const ended = crisis({ endedAt: todayAt(16, 5), log: [...crisis().log, { at: todayAt(16, 5), kind: 'ended', text: '3' }] });
    invokeMock.mockResolvedValue(ended);
    const onclose = vi.fn();
    render(CrisisEndDialog, { props: { onclose } });
    expect(screen.getByTestId('crisis-end-dialog')).toHaveTextContent('The 3 suspended posts get their own status back');
    expect(screen.getByTestId('crisis-end-open-steps')).toHaveTextContent('2 checklist steps are not ticked.');
    await fireEvent.click(screen.getByTestId('crisis-end-confirm'));
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(invokeMock).toHaveBeenCalledWith('crisis_end', undefined);
    expect(crisisStore.current).toBeNull();
    expect(panels.drawer).toBeNull();
    expect(toasts.items.at(-1)?.message).toBe('Crisis over: 3 posts restored');
  });

  it('keeps the crisis on and says why when ending fails', async () => {
    crisisStore.current = crisis();
    invokeMock.mockRejectedValue({ code: 'storage', message: 'disk full' });
    render(CrisisEndDialog, { props: { onclose: vi.fn() } });
    await fireEvent.click(screen.getByTestId('crisis-end-confirm'));
    expect(await screen.findByRole('alert')).toHaveTextContent('The crisis could not be ended: The workspace could not be read or written');
    expect(crisisStore.current).not.toBeNull();
  });
});

describe('CrisisHistoryDialog', () => {
  it('lists past crises with duration, note, tick times and log', async () => {
    const past = crisis({
      endedAt: todayAt(16, 5),
      checklist: [
        { id: 's1', position: 0, text: 'Suspend every scheduled post.', doneAt: todayAt(14, 40) },
        { id: 's2', position: 1, text: 'Gather the facts.', doneAt: null },
      ],
      log: [
        { at: todayAt(14, 32), kind: 'started', text: 'Complaints about batch 42' },
        { at: todayAt(14, 40), kind: 'step_done', text: 'Suspend every scheduled post.' },
        { at: todayAt(15, 0), kind: 'note', text: 'Called the plant' },
        { at: todayAt(16, 5), kind: 'ended', text: '2' },
      ],
    });
    invokeMock.mockResolvedValue([past]);
    render(CrisisHistoryDialog, { props: { onclose: vi.fn() } });
    const item = await screen.findByTestId('crisis-history-item');
    expect(item).toHaveTextContent('2:32 PM → 4:05 PM');
    expect(item).toHaveTextContent('1 h 33 min');
    expect(item).toHaveTextContent('Complaints about batch 42');
    const steps = within(item).getAllByTestId('crisis-history-step');
    expect(steps[0]).toHaveTextContent('done at 2:40 PM');
    expect(steps[1]).toHaveTextContent('not done');
    const log = within(item).getByTestId('crisis-history-log');
    expect(log).toHaveTextContent('3:00 PM Called the plant');
    expect(log).toHaveTextContent('4:05 PM Crisis over, 2 posts restored');
  });

  it('says when there was no crisis', async () => {
    invokeMock.mockResolvedValue([]);
    render(CrisisHistoryDialog, { props: { onclose: vi.fn() } });
    expect(await screen.findByTestId('crisis-history-empty')).toHaveTextContent('No crisis so far.');
  });
});
