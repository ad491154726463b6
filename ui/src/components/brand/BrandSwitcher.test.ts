import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { invoke } from '@tauri-apps/api/core';
import type { BrandEntry } from '../../lib/bindings/BrandEntry';
import { setLocale } from '../../lib/i18n';
import { brandState, enterBrand } from '../../lib/stores/brand.svelte';
import { panels } from '../../lib/stores/panels.svelte';
import { workspaceInfo } from '../../test/fixtures';
import BrandSwitcher from './BrandSwitcher.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

const beta = workspaceInfo({ path: '/data/Beta.tribu', brand: { id: 'brand-beta', name: 'Beta', color: '#0a66c2' }, session: 101 });

let brands: BrandEntry[];
let session = 100;

beforeEach(async () => {
  setLocale('en');
  panels.dialog = null;
  brands = [
    { path: '/data/Acme.tribu', name: 'Acme', color: '#4f46e5', current: true, missing: false, openedAt: '2026-03-05T08:00:00Z' },
    { path: '/data/Beta.tribu', name: 'Beta', color: '#0a66c2', current: false, missing: false, openedAt: '2026-03-01T08:00:00Z' },
    { path: '/old/Gone.tribu', name: 'Gone', color: '#888888', current: false, missing: true, openedAt: null },
  ];
  invokeMock.mockReset();
  invokeMock.mockImplementation(async (command: string) => {
    if (command === 'brands_list') return brands;
    if (command === 'brand_switch') return beta;
    if (command === 'crisis_state') return null;
    return [];
  });
  session += 10;
  await enterBrand(workspaceInfo({ session }));
});

async function openMenu() {
  await fireEvent.click(screen.getByTestId('workspace-switcher'));
  return screen.findAllByTestId('workspace-item');
}

describe('BrandSwitcher', () => {
  it('shows the open brand and lists every brand, the current one marked, a missing file greyed', async () => {
    render(BrandSwitcher);
    const trigger = screen.getByTestId('workspace-switcher');
    expect(trigger).toHaveTextContent('Acme');
    expect(trigger).toHaveTextContent('A');
    const items = await openMenu();
    expect(items.map((item) => item.getAttribute('data-path'))).toEqual(['/data/Acme.tribu', '/data/Beta.tribu', '/old/Gone.tribu']);
    expect(items[0]).toHaveAttribute('aria-checked', 'true');
    expect(items[1]).toHaveAttribute('aria-checked', 'false');
    expect(items[2]).toHaveAttribute('aria-disabled', 'true');
    expect(items[2]).toHaveTextContent('File not found');
  });

  it('offers to take a brand whose file is gone off the list, and never opens it', async () => {
    render(BrandSwitcher);
    const items = await openMenu();
    await fireEvent.click(items[2]);
    const confirm = await screen.findByTestId('confirm-dialog');
    expect(confirm).toHaveTextContent('“Gone” is no longer at /old/Gone.tribu');
    await fireEvent.click(screen.getByTestId('confirm-delete'));
    await waitFor(() => expect(invokeMock).toHaveBeenCalledWith('brand_delete', { path: '/old/Gone.tribu' }));
    expect(invokeMock).not.toHaveBeenCalledWith('brand_switch', expect.anything());
  });

  it('opens the brand chosen by its path and shows it', async () => {
    render(BrandSwitcher);
    const items = await openMenu();
    await fireEvent.click(items[1]);
    await waitFor(() => expect(invokeMock).toHaveBeenCalledWith('brand_switch', { path: '/data/Beta.tribu' }));
    await waitFor(() => expect(screen.getByTestId('workspace-switcher')).toHaveTextContent('Beta'));
    expect(brandState.info?.session).toBe(101);
    expect(screen.queryByTestId('workspace-menu')).not.toBeInTheDocument();
  });

  it('opens with the keyboard, moves with the arrows and gives the focus back on Escape', async () => {
    const user = userEvent.setup();
    render(BrandSwitcher);
    const trigger = screen.getByTestId('workspace-switcher');
    trigger.focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByTestId('workspace-menu')).toBeInTheDocument();
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    // The focus lands on the brand shown.
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByTestId('workspace-item')[0]));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getAllByTestId('workspace-item')[1]);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByTestId('workspace-new'));
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(screen.getAllByTestId('workspace-item')[0]);
    // From the first entry, up goes round to the last.
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(screen.getByTestId('backups-open'));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(screen.getAllByTestId('workspace-item')[0]);
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('workspace-menu')).not.toBeInTheDocument();
    expect(document.activeElement).toBe(trigger);
    // Enter opens it too.
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('workspace-menu')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(trigger);
  });

  it('opens the dialog of each action, and keeps the only brand from being deleted', async () => {
    brands = [brands[0]];
    render(BrandSwitcher);
    await openMenu();
    expect(screen.getByTestId('workspace-delete')).toBeDisabled();
    expect(screen.getByTestId('workspace-delete')).toHaveTextContent('The only brand cannot be deleted');
    await fireEvent.click(screen.getByTestId('backups-open'));
    expect(panels.dialog).toBe('backups');
    await openMenu();
    await fireEvent.click(screen.getByTestId('workspace-new'));
    expect(panels.dialog).toBe('brandNew');
  });
});
