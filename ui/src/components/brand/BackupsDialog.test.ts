import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { invoke } from '@tauri-apps/api/core';
import type { BackupInfo } from '../../lib/bindings/BackupInfo';
import { setLocale } from '../../lib/i18n';
import { brandState, enterBrand } from '../../lib/stores/brand.svelte';
import { workspaceInfo } from '../../test/fixtures';
import BackupsDialog from './BackupsDialog.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

// 340 × 1024 bytes; 2.4 × 1 048 576 bytes (2 516 582.4, rounded down).
const daily: BackupInfo = { file: 'Acme-2026-03-04.tribu', kind: 'daily', takenAt: '2026-03-04T08:00:00Z', size: 348_160, posts: 12, brand: 'Acme' };
const manual: BackupInfo = { file: 'Acme-2026-03-05.tribu', kind: 'manual', takenAt: '2026-03-05T16:30:00Z', size: 2_516_582, posts: 1, brand: 'Acme' };
const now: BackupInfo = { file: 'Acme-2026-03-06.tribu', kind: 'manual', takenAt: '2026-03-06T10:00:00Z', size: 700, posts: 13, brand: 'Acme' };

let session = 700;
let releaseBackup: () => void = () => undefined;

beforeEach(async () => {
  setLocale('en');
  invokeMock.mockReset();
  invokeMock.mockImplementation(async (command: string) => {
    switch (command) {
      case 'backups_list':
        // The backend's order is not relied on: the dialog shows the newest first.
        return [daily, manual];
      case 'backup_now':
        await new Promise<void>((resolve) => (releaseBackup = resolve));
        return now;
      case 'backup_restore':
        return workspaceInfo({ session: 999 });
      case 'crisis_state':
        return null;
      default:
        return [];
    }
  });
  session += 1;
  await enterBrand(workspaceInfo({ session }));
});

const rows = () => screen.getAllByTestId('backup-row');

describe('BackupsDialog', () => {
  it('lists the backups newest first, with their kind in words, their posts and their size', async () => {
    render(BackupsDialog, { props: { onclose: vi.fn() } });
    await screen.findAllByTestId('backup-row');
    expect(rows().map((row) => row.getAttribute('data-file'))).toEqual([manual.file, daily.file]);
    expect(rows()[0]).toHaveTextContent('By hand');
    expect(within(rows()[0]).getByTestId('backup-posts')).toHaveTextContent('1');
    expect(within(rows()[0]).getByTestId('backup-size')).toHaveTextContent('2.4 MB');
    expect(rows()[1]).toHaveTextContent('Daily');
    expect(within(rows()[1]).getByTestId('backup-posts')).toHaveTextContent('12');
    expect(within(rows()[1]).getByTestId('backup-size')).toHaveTextContent('340 KB');
  });

  it('backs up now, busy meanwhile, and shows the new backup first', async () => {
    render(BackupsDialog, { props: { onclose: vi.fn() } });
    await screen.findAllByTestId('backup-row');
    const button = screen.getByTestId('backup-now');
    await fireEvent.click(button);
    expect(button).toBeDisabled();
    expect(button).toHaveTextContent('Backing up…');
    releaseBackup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows()[0]).toHaveAttribute('data-file', now.file);
    // 700 bytes: a kilobyte at least.
    expect(within(rows()[0]).getByTestId('backup-size')).toHaveTextContent('1 KB');
    expect(button).not.toBeDisabled();
  });

  it('restores a backup once confirmed, saying the current state is backed up first', async () => {
    render(BackupsDialog, { props: { onclose: vi.fn() } });
    await screen.findAllByTestId('backup-row');
    const restore = screen.getAllByTestId('backup-restore').find((button) => button.getAttribute('data-file') === daily.file)!;
    await fireEvent.click(restore);
    const confirm = await screen.findByTestId('confirm-dialog');
    expect(confirm).toHaveTextContent('Its current state is backed up first');
    expect(invokeMock).not.toHaveBeenCalledWith('backup_restore', expect.anything());
    await fireEvent.click(screen.getByTestId('confirm-delete'));
    await waitFor(() => expect(invokeMock).toHaveBeenCalledWith('backup_restore', { file: daily.file }));
    // The brand restored is entered anew.
    await waitFor(() => expect(brandState.info?.session).toBe(999));
  });

  it('says so when there is no backup yet', async () => {
    invokeMock.mockImplementation(async () => []);
    render(BackupsDialog, { props: { onclose: vi.fn() } });
    expect(await screen.findByTestId('backups-empty')).toHaveTextContent('No backup yet');
  });
});
