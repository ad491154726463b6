import { beforeEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '@tauri-apps/api/core';
import { currentLocale, setLocale } from '../i18n';
import { networks, workspaceInfo } from '../../test/fixtures';
import { brandState, enterBrand } from './brand.svelte';
import { calendarState } from './calendar.svelte';
import { editorState, openNewPost } from './editor.svelte';
import { kpiState } from './kpi.svelte';
import { navState } from './nav.svelte';
import { networksState } from './networks.svelte';
import { openDialog, openDrawer, panels } from './panels.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);
const calls = (command: string) => invokeMock.mock.calls.filter(([name]) => name === command);

beforeEach(() => {
  setLocale('en');
  invokeMock.mockReset();
  invokeMock.mockImplementation(async (command: string) => {
    if (command === 'networks_list') return networks;
    if (command === 'crisis_state') return null;
    return [];
  });
});

describe('enterBrand', () => {
  it('resets the window for a new session and ignores one it already entered', async () => {
    await enterBrand(workspaceInfo({ session: 10 }));
    expect(brandState.info?.brand.name).toBe('Acme');
    expect(calls('networks_list')).toHaveLength(1);

    // The user works in the brand: an open post, a filter, a dialog, a KPI.
    openNewPost('2026-03-05', '09:00');
    calendarState.setFilter({ networkIds: ['net-x'], statuses: ['draft'], themes: ['spring'] });
    kpiState.selectedKpiId = 'kpi-1';
    kpiState.networkId = 'net-x';
    navState.screen = 'kpi';
    openDialog('networks');
    openDrawer('rhythm');

    // The same opening again (a command's answer after its event): nothing is reset,
    // what it says is kept (a new name).
    await enterBrand(workspaceInfo({ session: 10, brand: { id: 'brand-acme', name: 'Acme Corp', color: '#4f46e5' } }));
    expect(editorState.target?.mode).toBe('new');
    expect(panels.dialog).toBe('networks');
    expect(calls('networks_list')).toHaveLength(1);
    expect(brandState.info?.brand.name).toBe('Acme Corp');

    // Another brand: the editor, dialog and drawer close, the brand's filters go, the data is read again.
    await enterBrand(workspaceInfo({ session: 11, path: '/data/Beta.tribu', locale: 'fr', brand: { id: 'brand-beta', name: 'Beta', color: '#0a66c2' } }));
    expect(editorState.target).toBeNull();
    expect(panels.dialog).toBeNull();
    expect(panels.drawer).toBeNull();
    expect(calendarState.filter).toEqual({ networkIds: [], statuses: [], themes: [] });
    expect(kpiState.selectedKpiId).toBeNull();
    expect(kpiState.networkId).toBeNull();
    expect(calls('networks_list')).toHaveLength(2);
    expect(calls('posts_themes')).toHaveLength(2);
    expect(calls('crisis_state')).toHaveLength(2);
    expect(calls('schedule_settings_get')).toHaveLength(2);
    // The screen shown stays; the brand's language comes with it.
    expect(navState.screen).toBe('kpi');
    expect(currentLocale()).toBe('fr');
    expect(brandState.info?.path).toBe('/data/Beta.tribu');
    navState.screen = 'calendar';
  });

  it('leaves the fatal screen once a brand opens', async () => {
    brandState.fail({ code: 'storage', reason: 'workspace_damaged', message: 'malformed', path: '/data/Old.tribu' });
    expect(brandState.phase).toBe('error');
    await enterBrand(workspaceInfo({ session: 20 }));
    expect(brandState.phase).toBe('ready');
    expect(brandState.failure).toBeNull();
  });

  it('keeps the brand open when a part of its data cannot be read, and empties that part', async () => {
    networksState.list = networks;
    invokeMock.mockImplementation(async (command: string) => {
      if (command === 'networks_list') throw { code: 'storage', message: 'disk' };
      return command === 'crisis_state' ? null : [];
    });
    await enterBrand(workspaceInfo({ session: 30 }));
    expect(brandState.phase).toBe('ready');
    expect(networksState.list).toEqual([]);
  });
});
