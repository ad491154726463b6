import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { invoke } from '@tauri-apps/api/core';
import type { JournalEntry } from '../../lib/bindings/JournalEntry';
import { setLocale } from '../../lib/i18n';
import { applyChanges } from '../../lib/stores/changes';
import { journalStore } from '../../lib/stores/journal.svelte';
import { panels } from '../../lib/stores/panels.svelte';
import { dismissToast, toasts } from '../../lib/stores/toasts.svelte';
import Toasts from '../Toasts.svelte';
import HistoryPanel from './HistoryPanel.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);
const calls = (command: string) => invokeMock.mock.calls.filter(([name]) => name === command);

const now = new Date();
const at = (secondsAgo: number) => new Date(now.getTime() - secondsAgo * 1000).toISOString();

function move(id: number, name: string, day: string, extra: Partial<JournalEntry> = {}): JournalEntry {
  return { id, label: { kind: 'post_move', name, detail: day, count: null }, at: at(10 - id), undoable: true, undone: false, ...extra };
}

/** Newest first, as journal_list answers: one undone, a crisis switch among them. */
let list: JournalEntry[];

beforeEach(() => {
  setLocale('en');
  for (const toast of toasts.items) dismissToast(toast.id);
  panels.drawer = 'history';
  list = [
    move(6, 'Gamma', '2026-04-03', { undone: true }),
    move(5, 'Beta', '2026-04-02'),
    { id: 4, label: { kind: 'crisis_start', name: '', detail: null, count: 2 }, at: at(6), undoable: false, undone: false },
    move(3, 'Alpha', '2026-04-01'),
    move(2, 'Older', '2026-03-30'),
  ];
  journalStore.redo = list[0];
  invokeMock.mockReset();
  invokeMock.mockImplementation(async (command: string, args?: unknown) => {
    switch (command) {
      case 'journal_list':
        return list;
      case 'journal_state':
        return { undo: null, redo: null };
      case 'journal_undo_to': {
        const { id } = args as { id: number };
        return list.filter((e) => e.id >= id && e.undoable && !e.undone);
      }
      default:
        return null;
    }
  });
});

const items = () => screen.getAllByTestId('history-item');
const item = (id: number) => items().find((el) => el.getAttribute('data-journal-id') === String(id))!;

describe('History panel', () => {
  it('lists the latest actions newest first, undone ones and crisis switches told apart', async () => {
    render(HistoryPanel);
    await screen.findAllByTestId('history-item');
    expect(calls('journal_list')).toEqual([['journal_list', { limit: 200 }]]);
    expect(items().map((el) => el.getAttribute('data-journal-id'))).toEqual(['6', '5', '4', '3', '2']);
    expect(item(5)).toHaveTextContent('Moved “Beta” to April 2');
    expect(within(item(5)).getByRole('time')).toHaveAttribute('datetime', list[1].at);

    // Undone: marked, the next Redo said, no "Undo back to here".
    expect(item(6)).toHaveAttribute('data-state', 'undone');
    expect(item(6)).toHaveTextContent('Undone');
    expect(within(item(6)).getByTestId('history-next-redo')).toHaveTextContent('Next to redo');
    expect(within(item(6)).queryByTestId('history-undo-to')).toBeNull();
    // Crisis mode: from its own panel, never undone here.
    expect(item(4)).toHaveAttribute('data-state', 'crisis');
    expect(item(4)).toHaveTextContent('From the crisis panel');
    expect(within(item(4)).queryByTestId('history-undo-to')).toBeNull();
    // Each action in effect can be undone back to.
    for (const id of [5, 3, 2]) expect(within(item(id)).getByTestId('history-undo-to')).toBeEnabled();
    expect(screen.getByText('Today')).toBeInTheDocument();
  });

  it('asks first, naming how many actions go back, then undoes down to the one chosen', async () => {
    render(Toasts);
    render(HistoryPanel);
    await screen.findAllByTestId('history-item');
    await fireEvent.click(within(item(3)).getByTestId('history-undo-to'));

    const dialog = await screen.findByTestId('confirm-dialog');
    // Beta and Alpha: Gamma is undone already, crisis mode stays.
    expect(dialog).toHaveTextContent('The latest 2 actions will be undone, down to this one: Moved “Alpha” to April 1.');
    expect(dialog).toHaveTextContent('Crisis mode stays as it is.');
    expect(within(dialog).getByTestId('confirm-delete')).toHaveTextContent('Undo these 2 actions');
    expect(within(dialog).getByTestId('confirm-cancel')).toHaveTextContent('Keep them');
    expect(calls('journal_undo_to')).toHaveLength(0);

    await fireEvent.click(within(dialog).getByTestId('confirm-delete'));
    await waitFor(() => expect(calls('journal_undo_to')).toEqual([['journal_undo_to', { id: 3 }]]));
    expect(await screen.findByText('Undid 2 actions, back to: moved “Alpha” to April 1')).toBeInTheDocument();
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
  });

  it('undoes nothing when the question is answered no; one action is said in the singular', async () => {
    setLocale('fr');
    render(HistoryPanel);
    await screen.findAllByTestId('history-item');
    await fireEvent.click(within(item(5)).getByTestId('history-undo-to'));
    const dialog = await screen.findByTestId('confirm-dialog');
    expect(dialog).toHaveTextContent('La dernière action sera annulée : « Beta » déplacée au 2 avril.');
    expect(within(dialog).getByTestId('confirm-delete')).toHaveTextContent('Annuler cette action');
    expect(within(dialog).getByTestId('confirm-cancel')).toHaveTextContent('La garder');
    // The cancel button has the focus: Enter keeps them.
    expect(document.activeElement).toBe(within(dialog).getByTestId('confirm-cancel'));
    await fireEvent.click(within(dialog).getByTestId('confirm-cancel'));
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(calls('journal_undo_to')).toHaveLength(0);
  });

  it('reads the history again when it changes, and Escape closes the panel', async () => {
    render(HistoryPanel);
    await screen.findAllByTestId('history-item');
    list = [move(7, 'Delta', '2026-04-05'), ...list];
    applyChanges({ topics: ['journal'] });
    await waitFor(() => expect(items()).toHaveLength(6));
    expect(items()[0]).toHaveTextContent('Moved “Delta” to April 5');

    const button = within(item(7)).getByTestId('history-undo-to');
    button.focus();
    await fireEvent.keyDown(button, { key: 'Escape' });
    expect(panels.drawer).toBeNull();
  });

  it('says when nothing was done yet', async () => {
    list = [];
    render(HistoryPanel);
    expect(await screen.findByTestId('history-empty')).toHaveTextContent('Nothing has been done in this brand yet.');
  });
});
