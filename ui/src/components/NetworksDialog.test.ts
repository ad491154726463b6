import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { invoke } from '@tauri-apps/api/core';
import { setLocale } from '../lib/i18n';
import { navState } from '../lib/stores/nav.svelte';
import { networksState } from '../lib/stores/networks.svelte';
import { dismissToast, toasts } from '../lib/stores/toasts.svelte';
import { networks } from '../test/fixtures';
import NetworksDialog from './NetworksDialog.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

const mastodon = { id: 'net-masto', name: 'Mastodon', kind: 'custom', color: '#6364ff', charLimit: 500, builtin: false } as const;

beforeEach(() => {
  setLocale('en');
  for (const toast of toasts.items) dismissToast(toast.id);
  networksState.list = [...networks, mastodon];
  navState.screen = 'calendar';
  navState.charterSection = null;
  invokeMock.mockReset();
  invokeMock.mockImplementation(async (command: string) => {
    if (command === 'network_delete') throw { code: 'conflict', reason: 'network_in_charter', message: "the charter's guidelines name this network" };
    return null;
  });
});

describe('NetworksDialog', () => {
  it('says in the network’s row why the charter keeps it, with the way to the charter', async () => {
    const onclose = vi.fn();
    render(NetworksDialog, { props: { onclose } });
    await fireEvent.click(screen.getByRole('button', { name: 'Delete Mastodon' }));
    const refusal = await screen.findByTestId('network-delete-error');
    expect(refusal).toHaveAttribute('data-network-id', 'net-masto');
    expect(within(refusal).getByRole('alert')).toHaveTextContent(
      'Could not delete: The charter names this network in its guidelines or its moderation. Take it out of the charter before deleting it',
    );
    // Inside the dialog, not in a toast behind it.
    expect(toasts.items).toHaveLength(0);
    await fireEvent.click(within(refusal).getByTestId('network-open-charter'));
    expect(onclose).toHaveBeenCalled();
    expect(navState.screen).toBe('charter');
    expect(navState.charterSection).toBe('guidelines');
  });
});
