import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { invoke } from '@tauri-apps/api/core';
import type { RhythmReport } from '../lib/bindings/RhythmReport';
import { setLocale } from '../lib/i18n';
import { rhythmSettingsChanged } from '../lib/rhythm';
import { calendarState } from '../lib/stores/calendar.svelte';
import { networksState } from '../lib/stores/networks.svelte';
import { panels } from '../lib/stores/panels.svelte';
import { networks } from '../test/fixtures';
import RhythmPanel from './RhythmPanel.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

let report: RhythmReport;

beforeEach(() => {
  setLocale('en');
  networksState.list = networks;
  calendarState.api = null;
  calendarState.anchor = new Date(2026, 2, 1);
  panels.dialog = null;
  report = {
    weeks: [
      { networkId: 'net-x', weekStart: '2026-03-09', count: 1, target: 3, state: 'under' },
      { networkId: 'net-x', weekStart: '2026-03-16', count: 6, target: 3, state: 'over' },
      { networkId: 'net-x', weekStart: '2026-03-02', count: 3, target: 3, state: 'on' },
      { networkId: 'net-blog', weekStart: '2026-03-02', count: 1, target: 1, state: 'on' },
    ],
    gaps: [{ networkId: 'net-li', from: '2026-03-03', to: '2026-03-14', days: 12 }],
  };
  invokeMock.mockReset();
  invokeMock.mockImplementation(async (command: string) => (command === 'rhythm_report' ? report : null));
});

describe('RhythmPanel', () => {
  it('asks for the month shown and lists, per network, the weeks off target and the silences', async () => {
    render(RhythmPanel);
    await waitFor(() => expect(screen.getAllByTestId('rhythm-network')).toHaveLength(2));
    expect(invokeMock).toHaveBeenCalledWith('rhythm_report', { start: '2026-03-01', end: '2026-03-31' });
    const [x, linkedin] = screen.getAllByTestId('rhythm-network');
    expect(x).toHaveTextContent('X');
    const items = within(x).getAllByTestId('rhythm-item');
    expect(items.map((li) => li.dataset.kind)).toEqual(['under', 'over']);
    expect(items[0]).toHaveTextContent('Under target week of March 9: 1 of 3');
    expect(items[1]).toHaveTextContent('Over target week of March 16: 6 of 3');
    expect(linkedin).toHaveTextContent('LinkedIn');
    expect(within(linkedin).getByTestId('rhythm-item')).toHaveTextContent('nothing for 12 days, 3 → March 14');
    expect(screen.getByTestId('rhythm-on-target')).toHaveTextContent('On target: Blog');
    expect(screen.queryByTestId('rhythm-empty')).not.toBeInTheDocument();
  });

  it('covers whole weeks when asked, and reloads when the targets change', async () => {
    render(RhythmPanel);
    await waitFor(() => expect(invokeMock).toHaveBeenCalledTimes(1));
    await fireEvent.click(screen.getByTestId('rhythm-range-8'));
    await waitFor(() => expect(invokeMock).toHaveBeenLastCalledWith('rhythm_report', { start: '2026-02-23', end: '2026-04-19' }));
    const calls = invokeMock.mock.calls.length;
    rhythmSettingsChanged();
    await waitFor(() => expect(invokeMock.mock.calls.length).toBe(calls + 1));
  });

  it('tells where to set a target when no network has one', async () => {
    report = { weeks: [], gaps: [] };
    render(RhythmPanel);
    const empty = await screen.findByTestId('rhythm-empty');
    expect(empty).toHaveTextContent('No network has a target rhythm yet.');
    expect(empty).toHaveTextContent('in its guideline in the charter, or in the planning settings');
    await fireEvent.click(screen.getByTestId('rhythm-open-settings'));
    expect(panels.dialog).toBe('planning');
  });

  it('says when every network keeps its rhythm', async () => {
    report = { weeks: [report.weeks[2]], gaps: [] };
    setLocale('fr');
    render(RhythmPanel);
    expect(await screen.findByTestId('rhythm-all-good')).toHaveTextContent('Chaque réseau garde son rythme');
  });
});
