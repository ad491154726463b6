import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { invoke } from '@tauri-apps/api/core';
import OccurrenceMoveDialog from './OccurrenceMoveDialog.svelte';
import { setLocale } from '../lib/i18n';
import type { OccurrenceMove } from '../lib/calendar/moves';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

function move(): OccurrenceMove {
  return {
    postId: 'series-1',
    occurrenceDate: '2027-04-12',
    date: '2027-04-14',
    time: null,
    title: 'Weekly <b>tip</b>',
    revert: vi.fn(),
  };
}

beforeEach(() => {
  setLocale('en');
  invokeMock.mockReset();
  invokeMock.mockResolvedValue({});
});

describe('OccurrenceMoveDialog', () => {
  it('moves only this occurrence', async () => {
    const ondone = vi.fn();
    render(OccurrenceMoveDialog, { props: { move: move(), ondone } });
    expect(screen.getByText(/Weekly <b>tip<\/b>/)).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('occurrence-scope-this'));
    await vi.waitFor(() => expect(ondone).toHaveBeenCalledWith(true));
    expect(invokeMock).toHaveBeenCalledWith('occurrence_move', {
      postId: 'series-1',
      occurrenceDate: '2027-04-12',
      date: '2027-04-14',
      time: null,
      scope: 'this_one',
    });
  });

  it('moves this occurrence and the following ones, with the time dropped on', async () => {
    const ondone = vi.fn();
    render(OccurrenceMoveDialog, { props: { move: { ...move(), time: '10:30' }, ondone } });
    await fireEvent.click(screen.getByTestId('occurrence-scope-following'));
    await vi.waitFor(() => expect(ondone).toHaveBeenCalledWith(true));
    expect(invokeMock).toHaveBeenCalledWith('occurrence_move', expect.objectContaining({ time: '10:30', scope: 'this_and_following' }));
  });

  it('cancels without a call, and reports a refused move so the drag is undone', async () => {
    const ondone = vi.fn();
    render(OccurrenceMoveDialog, { props: { move: move(), ondone } });
    await fireEvent.click(screen.getByTestId('occurrence-scope-cancel'));
    expect(ondone).toHaveBeenCalledWith(false);
    expect(invokeMock).not.toHaveBeenCalled();

    invokeMock.mockRejectedValueOnce({ code: 'not_found', message: 'occurrence not found' });
    const again = vi.fn();
    render(OccurrenceMoveDialog, { props: { move: move(), ondone: again } });
    await fireEvent.click(screen.getAllByTestId('occurrence-scope-this').at(-1) as HTMLElement);
    await vi.waitFor(() => expect(again).toHaveBeenCalledWith(false));
  });
});
