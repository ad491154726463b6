import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { invoke } from '@tauri-apps/api/core';
import type { JournalEntry } from '../../lib/bindings/JournalEntry';
import type { UndoState } from '../../lib/bindings/UndoState';
import { setLocale } from '../../lib/i18n';
import { brandState, enterBrand } from '../../lib/stores/brand.svelte';
import { applyChanges } from '../../lib/stores/changes';
import { panels } from '../../lib/stores/panels.svelte';
import { dismissToast, toasts } from '../../lib/stores/toasts.svelte';
import { workspaceInfo } from '../../test/fixtures';
import Toasts from '../Toasts.svelte';
import EditMenu from './EditMenu.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);
const calls = (command: string) => invokeMock.mock.calls.filter(([name]) => name === command);

function entry(id: number, label: JournalEntry['label'], extra: Partial<JournalEntry> = {}): JournalEntry {
  return { id, label, at: '2026-03-09T10:15:00Z', undoable: true, undone: false, ...extra };
}

const moved = entry(7, { kind: 'post_move', name: 'Soldes d’hiver', detail: '2026-01-12', count: null });
const created = entry(6, { kind: 'network_create', name: 'Mastodon', detail: null, count: null }, { undone: true });

let state: UndoState;
/** What journal_undo answers: the entry, or a refusal. */
let undoAnswer: () => JournalEntry;

beforeEach(async () => {
  setLocale('en');
  for (const toast of toasts.items) dismissToast(toast.id);
  panels.drawer = null;
  panels.dialog = null;
  state = { undo: null, redo: null };
  undoAnswer = () => moved;
  invokeMock.mockReset();
  invokeMock.mockImplementation(async (command: string) => {
    switch (command) {
      case 'journal_state':
        return state;
      case 'journal_undo':
        return undoAnswer();
      case 'journal_redo':
        return created;
      case 'crisis_state':
        return null;
      default:
        return [];
    }
  });
  await enterBrand(workspaceInfo({ session: Math.floor(Math.random() * 1e6) }));
});

async function openMenu(): Promise<void> {
  await fireEvent.click(screen.getByTestId('edit-menu'));
  await screen.findByTestId('edit-menu-panel');
}

describe('Edit menu', () => {
  it('disables Undo and Redo when there is nothing, and says so', async () => {
    render(EditMenu);
    await openMenu();
    expect(screen.getByTestId('undo')).toBeDisabled();
    expect(screen.getByTestId('undo')).toHaveTextContent('Nothing to undo');
    expect(screen.getByTestId('redo')).toBeDisabled();
    expect(screen.getByTestId('redo')).toHaveTextContent('Nothing to redo');
    expect(screen.getByTestId('history-open')).toBeEnabled();
    // The shortcuts are shown beside the entries.
    expect(screen.getByTestId('undo')).toHaveTextContent('Ctrl+Z');
    expect(screen.getByTestId('redo')).toHaveTextContent('Ctrl+Shift+Z');
  });

  it('names what Undo and Redo would do, and follows the history as it changes', async () => {
    render(EditMenu);
    await openMenu();
    state = { undo: moved, redo: created };
    applyChanges({ topics: ['journal'] });
    await waitFor(() => expect(screen.getByTestId('undo')).toBeEnabled());
    expect(screen.getByTestId('undo-what')).toHaveTextContent('Moved “Soldes d’hiver” to January 12');
    expect(screen.getByTestId('undo')).toHaveAccessibleName('Undo: Moved “Soldes d’hiver” to January 12');
    expect(screen.getByTestId('redo-what')).toHaveTextContent('Added the network “Mastodon”');

    setLocale('fr');
    await waitFor(() => expect(screen.getByTestId('undo-what')).toHaveTextContent('« Soldes d’hiver » déplacée au 12 janvier'));
    expect(screen.getByTestId('undo')).toHaveTextContent('Annuler');
    expect(screen.getByTestId('redo')).toHaveTextContent('Ctrl+Maj+Z');
  });

  it('undoes from the menu and says what was undone, with a way to redo it', async () => {
    state = { undo: moved, redo: null };
    render(Toasts);
    render(EditMenu);
    await openMenu();
    await waitFor(() => expect(screen.getByTestId('undo')).toBeEnabled());
    await fireEvent.click(screen.getByTestId('undo'));
    await waitFor(() => expect(calls('journal_undo')).toEqual([['journal_undo', { expected: null }]]));
    expect(screen.queryByTestId('edit-menu-panel')).toBeNull();
    expect(await screen.findByText('Undone: moved “Soldes d’hiver” to January 12')).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('toast-redo'));
    await waitFor(() => expect(calls('journal_redo')).toHaveLength(1));
    expect(await screen.findByText('Redone: added the network “Mastodon”')).toBeInTheDocument();
  });

  it('shows a refusal’s reason in a toast', async () => {
    state = { undo: moved, redo: null };
    undoAnswer = () => {
      throw { code: 'conflict', reason: 'changed_since', message: 'row changed since' };
    };
    render(Toasts);
    render(EditMenu);
    await openMenu();
    await waitFor(() => expect(screen.getByTestId('undo')).toBeEnabled());
    await fireEvent.click(screen.getByTestId('undo'));
    const toast = await screen.findByRole('alert');
    expect(toast).toHaveTextContent('Could not undo: What this action changed has been changed since');
  });

  it('opens the history beside the screen', async () => {
    render(EditMenu);
    await openMenu();
    await fireEvent.click(screen.getByTestId('history-open'));
    expect(panels.drawer).toBe('history');
  });

  it('moves with the arrows over the entries that can be used, and Escape closes it', async () => {
    state = { undo: moved, redo: null };
    render(EditMenu);
    await fireEvent.keyDown(screen.getByTestId('edit-menu'), { key: 'ArrowDown' });
    await screen.findByTestId('edit-menu-panel');
    await waitFor(() => expect(screen.getByTestId('undo')).toBeEnabled());
    screen.getByTestId('undo').focus();
    await fireEvent.keyDown(screen.getByTestId('undo'), { key: 'ArrowDown' });
    // Redo has nothing: the focus goes on to the history.
    expect(document.activeElement).toBe(screen.getByTestId('history-open'));
    await fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByTestId('edit-menu-panel')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('edit-menu'));
  });

  it('keeps its entries off while the brand is open read-only', async () => {
    await enterBrand(workspaceInfo({ session: 42, access: { readOnly: true, reason: 'locked', holder: null } }));
    expect(brandState.readOnly).toBe(true);
    state = { undo: moved, redo: created };
    render(EditMenu);
    await openMenu();
    await waitFor(() => expect(screen.getByTestId('undo-what')).toHaveTextContent('Moved'));
    expect(screen.getByTestId('undo')).toBeDisabled();
    expect(screen.getByTestId('redo')).toBeDisabled();
    expect(screen.getByText('This brand is open read-only')).toBeInTheDocument();
  });
});

describe('the window’s shortcuts', () => {
  function field(html: string): HTMLElement {
    const holder = document.createElement('div');
    holder.innerHTML = html;
    document.body.append(holder);
    return holder.firstElementChild as HTMLElement;
  }

  it('Ctrl+Z undoes and Ctrl+Shift+Z or Ctrl+Y redoes, outside text fields', async () => {
    render(EditMenu);
    const button = field('<button type="button">A button</button>');
    await fireEvent.keyDown(button, { key: 'z', code: 'KeyZ', ctrlKey: true });
    await waitFor(() => expect(calls('journal_undo')).toHaveLength(1));
    await fireEvent.keyDown(document.body, { key: 'Z', code: 'KeyZ', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(calls('journal_redo')).toHaveLength(1));
    await fireEvent.keyDown(document.body, { key: 'y', code: 'KeyY', ctrlKey: true });
    await waitFor(() => expect(calls('journal_redo')).toHaveLength(2));
    button.parentElement!.remove();
  });

  it('leaves Ctrl+Z to inputs, text areas, selects and editable text', async () => {
    render(EditMenu);
    const fields = [
      field('<input type="text" />'),
      field('<input type="search" />'),
      field('<textarea></textarea>'),
      field('<select><option>a</option></select>'),
      field('<div contenteditable="true"><span>typed</span></div>').querySelector('span')!,
    ];
    for (const target of fields) {
      await fireEvent.keyDown(target, { key: 'z', code: 'KeyZ', ctrlKey: true });
      await fireEvent.keyDown(target, { key: 'y', code: 'KeyY', ctrlKey: true });
    }
    // A checkbox has no typing to undo: the window's Undo applies.
    await fireEvent.keyDown(field('<input type="checkbox" />'), { key: 'z', code: 'KeyZ', ctrlKey: true });
    await waitFor(() => expect(calls('journal_undo')).toHaveLength(1));
    expect(calls('journal_redo')).toHaveLength(0);
  });

  it('waits while a dialog asks something, and ignores other letters', async () => {
    render(EditMenu);
    const dialog = field('<div role="dialog" aria-modal="true"><button>OK</button></div>');
    await fireEvent.keyDown(dialog.querySelector('button')!, { key: 'z', code: 'KeyZ', ctrlKey: true });
    dialog.parentElement!.remove();
    await fireEvent.keyDown(document.body, { key: 'x', code: 'KeyX', ctrlKey: true });
    await fireEvent.keyDown(document.body, { key: 'z', code: 'KeyZ' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls('journal_undo')).toHaveLength(0);
    // An AZERTY or a Cyrillic layout: the key's place says Z.
    await fireEvent.keyDown(document.body, { key: 'я', code: 'KeyZ', ctrlKey: true });
    await waitFor(() => expect(calls('journal_undo')).toHaveLength(1));
  });
});
