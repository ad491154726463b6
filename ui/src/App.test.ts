import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { invoke } from '@tauri-apps/api/core';
import App from './App.svelte';
import { emptyCharter } from './lib/charter/sections';
import { navState } from './lib/stores/nav.svelte';
import { networks, workspaceInfo } from './test/fixtures';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

describe('App', () => {
  it('shows why the workspace cannot be opened in the user\'s language, with the file apart', async () => {
    // No brand to say which language: the system's (French), not the web view's (English).
    vi.mocked(invoke).mockImplementation(async (command: string) => {
      if (command === 'system_locale') return 'fr-FR';
      throw {
        code: 'io',
        reason: 'workspace_unopenable',
        path: '/data/tribu.sqlite',
        message: '/data/tribu.sqlite: Permission denied',
      };
    });
    render(App);
    const error = await screen.findByTestId('workspace-error');
    expect(error).toHaveTextContent('Ce fichier d’espace de travail ne peut pas être ouvert');
    expect(screen.getByTestId('workspace-error-path')).toHaveTextContent('/data/tribu.sqlite');
    expect(error).not.toHaveTextContent('Permission denied');
  });
});

describe('App navigation', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    navState.screen = 'calendar';
  });

  it('switches between the calendar and the charter, recreating the calendar on the way back', async () => {
    // FullCalendar watches its size; jsdom has no layout to watch.
    vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
    vi.mocked(invoke).mockReset();
    vi.mocked(invoke).mockImplementation(async (command: string) => {
      if (command === 'workspace_info') return workspaceInfo();
      if (command === 'networks_list') return networks;
      if (command === 'charter_get') return emptyCharter();
      if (command === 'crisis_state') return null;
      if (command === 'rhythm_report') return { weeks: [], gaps: [] };
      return [];
    });
    const { container } = render(App);
    await waitFor(() => expect(container.querySelector('.fc')).not.toBeNull());
    expect(screen.getByTestId('nav-calendar')).toHaveAttribute('aria-pressed', 'true');

    await fireEvent.click(screen.getByTestId('nav-charter'));
    expect(await screen.findByTestId('charter-screen')).toBeInTheDocument();
    expect(container.querySelector('.fc')).toBeNull();
    expect(screen.queryByTestId('new-post')).not.toBeInTheDocument();
    expect(await screen.findByTestId('charter-template-en')).toBeInTheDocument();

    await fireEvent.click(screen.getByTestId('nav-calendar'));
    await waitFor(() => expect(container.querySelector('.fc')).not.toBeNull());
    expect(screen.queryByTestId('charter-screen')).not.toBeInTheDocument();
    expect(screen.getByTestId('new-post')).toBeInTheDocument();
  });
});

describe('App in a crisis', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    navState.screen = 'calendar';
  });

  it('shows the running crisis from startup, on every screen', async () => {
    vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
    const startedAt = new Date();
    startedAt.setHours(9, 5, 0, 0);
    vi.mocked(invoke).mockReset();
    vi.mocked(invoke).mockImplementation(async (command: string) => {
      if (command === 'workspace_info') return workspaceInfo();
      if (command === 'networks_list') return networks;
      if (command === 'charter_get') return emptyCharter();
      if (command === 'rhythm_report') return { weeks: [], gaps: [] };
      if (command === 'crisis_state') {
        return { id: 'c1', startedAt: startedAt.toISOString(), endedAt: null, note: '', suspendedPosts: 4, checklist: [], log: [] };
      }
      return [];
    });
    render(App);
    const banner = await screen.findByTestId('crisis-banner');
    expect(banner).toHaveTextContent('Crisis mode since 9:05 AM — 4 posts suspended');
    expect(screen.getByTestId('crisis-toggle')).toHaveAttribute('aria-checked', 'true');
    await fireEvent.click(screen.getByTestId('nav-charter'));
    expect(await screen.findByTestId('charter-screen')).toBeInTheDocument();
    expect(screen.getByTestId('crisis-banner')).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('nav-calendar'));
    await waitFor(() => expect(screen.queryByTestId('charter-screen')).not.toBeInTheDocument());
    expect(screen.getByTestId('crisis-banner')).toBeInTheDocument();
  });
});
