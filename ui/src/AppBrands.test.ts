import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import App from './App.svelte';
import type { BackupInfo } from './lib/bindings/BackupInfo';
import { emptyCharter } from './lib/charter/sections';
import { setLocale } from './lib/i18n';
import { calendarState } from './lib/stores/calendar.svelte';
import { editorState } from './lib/stores/editor.svelte';
import { navState } from './lib/stores/nav.svelte';
import { makePost, networks, workspaceInfo } from './test/fixtures';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));
const invokeMock = vi.mocked(invoke);

/** The window's event handlers, by event name, as the app registered them. */
let handlers: Record<string, (event: { payload: unknown }) => void>;
/** Answers by command; anything else answers an empty list. */
let answers: Record<string, unknown>;

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
  handlers = {};
  vi.mocked(listen).mockImplementation(async (name, handler) => {
    handlers[name] = handler as (event: { payload: unknown }) => void;
    return () => undefined;
  });
  answers = {
    workspace_info: workspaceInfo(),
    networks_list: networks,
    crisis_state: null,
    charter_get: emptyCharter(),
    schedule_settings_get: { reminderLeadMinutes: 30, audienceZone: 'Europe/Paris', systemZone: 'Europe/Paris', maxGapDays: 7 },
  };
  invokeMock.mockReset();
  invokeMock.mockImplementation(async (command: string) => {
    const answer = answers[command];
    if (answer instanceof Error || (typeof answer === 'object' && answer !== null && 'code' in answer && 'message' in answer)) throw answer;
    return command in answers ? answer : [];
  });
});

afterEach(() => {
  navState.screen = 'calendar';
  editorState.target = null;
});

describe('the fatal screen', () => {
  const damaged: BackupInfo = { file: 'Acme-3.tribu', kind: 'pre_restore', takenAt: '2026-03-06T10:00:00Z', size: 4096, posts: 0, brand: null };
  const good: BackupInfo = { file: 'Acme-2.tribu', kind: 'daily', takenAt: '2026-03-05T08:00:00Z', size: 348_160, posts: 42, brand: 'Acme' };
  const older: BackupInfo = { file: 'Acme-1.tribu', kind: 'daily', takenAt: '2026-03-04T08:00:00Z', size: 340_000, posts: 40, brand: 'Acme' };

  beforeEach(() => {
    // No brand to say which language: the system's, French here (the web
    // view's own says English).
    setLocale('en');
    answers.system_locale = 'fr-FR';
    answers.workspace_info = { code: 'storage', reason: 'workspace_damaged', path: '/data/Acme.tribu', message: 'database disk image is malformed' };
    answers.backups_list = [older, damaged, good];
    answers.brands_list = [
      { path: '/data/Acme.tribu', name: 'Acme', color: '#4f46e5', current: true, missing: false, openedAt: null },
      { path: '/data/Beta.tribu', name: 'Beta', color: '#0a66c2', current: false, missing: false, openedAt: null },
    ];
  });

  it('offers the backups of the file, the last good one pointed out, and the other brands', async () => {
    render(App);
    const fatal = await screen.findByTestId('workspace-error');
    expect(fatal).toHaveTextContent('Le fichier de cette marque est endommagé');
    expect(screen.getByTestId('workspace-error-path')).toHaveTextContent('/data/Acme.tribu');
    const rows = await screen.findAllByTestId('backup-row');
    expect(rows.map((row) => row.getAttribute('data-file'))).toEqual(['Acme-3.tribu', 'Acme-2.tribu', 'Acme-1.tribu']);
    // The newest one could not be read: the last good one is the one before.
    expect(within(rows[1]).getByTestId('backup-last-good')).toHaveTextContent('Dernière sauvegarde valide');
    expect(within(rows[0]).queryByTestId('backup-last-good')).toBeNull();
    // The brand that failed is not offered again.
    const others = await screen.findAllByTestId('workspace-item');
    expect(others.map((item) => item.getAttribute('data-path'))).toEqual(['/data/Beta.tribu']);
    expect(screen.getByTestId('workspace-open')).toBeInTheDocument();
    expect(screen.getByTestId('workspace-new')).toBeInTheDocument();
  });

  it('restores a backup and leaves the fatal screen for the brand', async () => {
    answers.backup_restore = workspaceInfo({ session: 2 });
    const { container } = render(App);
    const rows = await screen.findAllByTestId('backup-row');
    await fireEvent.click(within(rows[1]).getByTestId('backup-restore'));
    await fireEvent.click(await screen.findByTestId('confirm-delete'));
    await waitFor(() => expect(invokeMock).toHaveBeenCalledWith('backup_restore', { file: 'Acme-2.tribu' }));
    await waitFor(() => expect(screen.queryByTestId('workspace-error')).not.toBeInTheDocument());
    await waitFor(() => expect(container.querySelector('.fc')).not.toBeNull());
    expect(screen.getByTestId('workspace-switcher')).toHaveTextContent('Acme');
  });

  it('says so when the file has no backup, and opens another brand', async () => {
    answers.backups_list = [];
    answers.brand_switch = workspaceInfo({ path: '/data/Beta.tribu', brand: { id: 'b', name: 'Beta', color: '#0a66c2' }, session: 3 });
    render(App);
    expect(await screen.findByTestId('backups-empty')).toHaveTextContent('Aucune sauvegarde de ce fichier n’a été trouvée.');
    const [beta] = await screen.findAllByTestId('workspace-item');
    await fireEvent.click(beta);
    await waitFor(() => expect(screen.getByTestId('workspace-switcher')).toHaveTextContent('Beta'));
  });
});

describe('events from outside the window', () => {
  it('enters a brand opened from outside, once, and keeps the screen shown', async () => {
    render(App);
    await screen.findByTestId('workspace-switcher');
    await fireEvent.click(screen.getByTestId('nav-charter'));
    expect(await screen.findByTestId('charter-screen')).toBeInTheDocument();
    const before = invokeMock.mock.calls.filter(([name]) => name === 'networks_list').length;
    const other = workspaceInfo({ path: '/data/Beta.tribu', brand: { id: 'b', name: 'Beta', color: '#0a66c2' }, session: 7 });
    handlers['brand-switched']({ payload: other });
    handlers['brand-switched']({ payload: other });
    await waitFor(() => expect(screen.getByTestId('workspace-switcher')).toHaveTextContent('Beta'));
    expect(invokeMock.mock.calls.filter(([name]) => name === 'networks_list').length).toBe(before + 1);
    expect(screen.getByTestId('charter-screen')).toBeInTheDocument();
  });

  it('opens the post of a clicked notification on its date in the calendar', async () => {
    const post = makePost({ id: 'post-notice', title: 'Spring sale' }, { y: 2027, m: 4, d: 12 });
    answers.post_get = post;
    const { container } = render(App);
    await waitFor(() => expect(container.querySelector('.fc')).not.toBeNull());
    await fireEvent.click(screen.getByTestId('nav-charter'));
    expect(await screen.findByTestId('charter-screen')).toBeInTheDocument();
    // A notice of the open brand: no switch, the post opens.
    handlers['open-requested']({ payload: { path: '/data/Acme.tribu', postId: 'post-notice' } });
    await waitFor(() => expect(navState.screen).toBe('calendar'));
    await waitFor(() => expect(calendarState.title).toBe('April 2027'));
    expect(await screen.findByTestId('post-editor')).toBeInTheDocument();
    expect(screen.getByTestId('post-title')).toHaveValue('Spring sale');
    expect(invokeMock).toHaveBeenCalledWith('post_get', { id: 'post-notice' });
    expect(invokeMock.mock.calls.some(([name]) => name === 'brand_switch')).toBe(false);
  });

  it('opens another brand asked for from outside, then its post', async () => {
    const post = makePost({ id: 'post-beta', title: 'Beta launch' }, { y: 2027, m: 5, d: 3 });
    answers.post_get = post;
    answers.brand_switch = workspaceInfo({ path: '/data/Beta.tribu', session: 7, brand: { id: 'b', name: 'Beta', color: '#0f766e' } });
    render(App);
    await screen.findByTestId('workspace-switcher');
    handlers['open-requested']({ payload: { path: '/data/Beta.tribu', postId: 'post-beta' } });
    await waitFor(() => expect(invokeMock).toHaveBeenCalledWith('brand_switch', { path: '/data/Beta.tribu' }));
    await waitFor(() => expect(screen.getByTestId('workspace-switcher')).toHaveTextContent('Beta'));
    await waitFor(() => expect(calendarState.title).toBe('May 2027'));
    expect(screen.getByTestId('post-title')).toHaveValue('Beta launch');
  });

  it('calls window_close_ready when nothing is pending', async () => {
    render(App);
    await screen.findByTestId('workspace-switcher');
    handlers['close-requested']({ payload: null });
    await waitFor(() => expect(invokeMock).toHaveBeenCalledWith('window_close_ready', undefined));
  });
});
