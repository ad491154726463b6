import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, waitFor } from '@testing-library/svelte';
import { invoke } from '@tauri-apps/api/core';
import Calendar from '../../components/Calendar.svelte';
import type { RhythmReport } from '../bindings/RhythmReport';
import { setLocale } from '../i18n';
import { mondayOf, rhythmSettingsChanged } from '../rhythm';
import { calendarState } from '../stores/calendar.svelte';
import { networksState } from '../stores/networks.svelte';
import { networks } from '../../test/fixtures';
import { addDays, localDate } from './dates';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

let report: RhythmReport;
let secondMonday: string;

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', class { observe() {} unobserve() {} disconnect() {} });
  setLocale('en');
  networksState.list = networks;
  calendarState.view = 'month';
  calendarState.anchor = null;
  const now = new Date();
  secondMonday = addDays(mondayOf(localDate(new Date(now.getFullYear(), now.getMonth(), 1))), 7);
  report = {
    weeks: [
      { networkId: 'net-x', weekStart: secondMonday, count: 1, target: 3, state: 'under' },
      { networkId: 'net-li', weekStart: secondMonday, count: 2, target: 2, state: 'on' },
    ],
    gaps: [],
  };
  invokeMock.mockReset();
  invokeMock.mockImplementation(async (command: string) => {
    if (command === 'rhythm_report') return report;
    return [];
  });
});

describe('week marks', () => {
  it('marks the week rows under or over target, with the networks in the tooltip, and follows changes', async () => {
    const { container } = render(Calendar, { props: { backlogEl: null } });
    const mark = await waitFor(() => {
      const found = container.querySelector<HTMLElement>(`.tribu-week[data-week="${secondMonday}"] [data-testid="week-mark"]`);
      expect(found).not.toBeNull();
      return found!;
    });
    expect(mark.dataset.rhythm).toBe('under');
    expect(mark.title).toBe('Under target\nX: 1 of 3');
    expect(container.querySelectorAll('[data-testid="week-mark"]')).toHaveLength(1);
    // The report asked is the visible range, first to last day.
    const call = invokeMock.mock.calls.find(([name]) => name === 'rhythm_report');
    expect(call?.[1]).toMatchObject({ start: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

    report = {
      weeks: [
        { networkId: 'net-x', weekStart: secondMonday, count: 5, target: 3, state: 'over' },
        { networkId: 'net-li', weekStart: secondMonday, count: 0, target: 2, state: 'under' },
      ],
      gaps: [],
    };
    rhythmSettingsChanged();
    await waitFor(() => expect(container.querySelector('[data-testid="week-mark"]')?.getAttribute('data-rhythm')).toBe('mixed'));
    expect(container.querySelector<HTMLElement>('[data-testid="week-mark"]')?.title).toBe(
      'Under target\nLinkedIn: 0 of 2\nOver target\nX: 5 of 3',
    );
  });
});
