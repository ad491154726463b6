import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { invoke } from '@tauri-apps/api/core';
import App from '../App.svelte';
import { calendarState } from '../lib/stores/calendar.svelte';
import { editorState } from '../lib/stores/editor.svelte';
import { navState } from '../lib/stores/nav.svelte';
import { makePost, networks, workspaceInfo } from '../test/fixtures';
import { makeDashboard, makeObjective } from '../test/kpiFixtures';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('../lib/kpi/echarts', () => ({
  createChart: () => ({ setOption: () => undefined, on: () => undefined, off: () => undefined, resize: () => undefined, dispose: () => undefined }),
}));

afterEach(() => {
  vi.unstubAllGlobals();
  navState.screen = 'calendar';
  editorState.target = null;
});

describe('the KPI screen in the app', () => {
  it('opens from the top bar, and a top post opens in the calendar on its date', async () => {
    vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
    const post = makePost({ id: 'post-top', title: 'Behind the scenes', status: 'published' }, { y: 2026, m: 10, d: 14 });
    const dashboard = makeDashboard({
      totals: { publishedPosts: 1, measuredPosts: 1, reach: 500, impressions: 0, engagements: 40, clicks: 0, engagementRate: 8, flaggedPosts: 0 },
      heatmap: { minSample: 3, cells: [{ weekday: 1, hour: 9, medianRate: 8, sample: 1, sufficient: false }] },
      top: [{ postId: 'post-top', title: 'Behind the scenes', networkId: 'net-x', format: 'photo', theme: '', date: '2026-10-14', engagementRate: 8, reach: 500, engagements: 40 }],
    });
    vi.mocked(invoke).mockReset();
    vi.mocked(invoke).mockImplementation(async (command: string) => {
      if (command === 'workspace_info') return workspaceInfo();
      if (command === 'networks_list') return networks;
      if (command === 'kpi_dashboard') return dashboard;
      if (command === 'kpi_objectives') return [makeObjective()];
      if (command === 'post_get') return post;
      if (command === 'post_result_get') return null;
      // No crisis under way; the scheduling settings the calendar reads.
      if (command === 'crisis_state') return null;
      if (command === 'schedule_settings_get') {
        return { reminderLeadMinutes: 30, audienceZone: 'Europe/Paris', systemZone: 'Europe/Paris', maxGapDays: 7 };
      }
      return [];
    });
    const { container } = render(App);
    await waitFor(() => expect(container.querySelector('.fc')).not.toBeNull());

    await fireEvent.click(screen.getByTestId('nav-kpi'));
    expect(await screen.findByTestId('kpi-screen')).toBeInTheDocument();
    expect(screen.getByTestId('nav-kpi')).toHaveAttribute('aria-pressed', 'true');
    expect(container.querySelector('.fc')).toBeNull();
    expect(await screen.findByTestId('kpi-heatmap')).toBeInTheDocument();

    await fireEvent.click(await screen.findByTestId('kpi-top-post'));
    await waitFor(() => expect(container.querySelector('.fc')).not.toBeNull());
    expect(navState.screen).toBe('calendar');
    // The month of the post, whatever month the calendar showed before.
    await waitFor(() => expect(calendarState.title).toBe('October 2026'));
    expect(await screen.findByTestId('post-editor')).toBeInTheDocument();
    expect(screen.getByTestId('post-title')).toHaveValue('Behind the scenes');
    // Published: its results are there to fill in.
    expect(await screen.findByTestId('post-results')).toBeInTheDocument();
  });
});
