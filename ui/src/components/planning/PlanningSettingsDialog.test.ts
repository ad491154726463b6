import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { invoke } from '@tauri-apps/api/core';
import type { RhythmTarget } from '../../lib/bindings/RhythmTarget';
import type { ScheduleSettings } from '../../lib/bindings/ScheduleSettings';
import { setLocale } from '../../lib/i18n';
import { networksState } from '../../lib/stores/networks.svelte';
import { networks } from '../../test/fixtures';
import PlanningSettingsDialog from './PlanningSettingsDialog.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

let settings: ScheduleSettings;
let targets: RhythmTarget[];
/** Rejections by command, as the backend would send them. */
let failures: Record<string, unknown>;

beforeEach(() => {
  setLocale('en');
  networksState.list = networks;
  settings = { reminderLeadMinutes: 30, audienceZone: 'Europe/Paris', systemZone: 'Europe/Paris', maxGapDays: 7 };
  targets = [{ networkId: 'net-x', frequency: { count: 1, per: 'day' }, source: 'charter' }];
  failures = {};
  invokeMock.mockReset();
  invokeMock.mockImplementation(async (command: string, raw?: unknown) => {
    const args = raw as Record<string, unknown> | undefined;
    if (failures[command]) throw failures[command];
    switch (command) {
      case 'schedule_settings_get':
        return settings;
      case 'rhythm_targets':
        return targets;
      case 'settings_set_reminder_lead':
        return (settings = { ...settings, reminderLeadMinutes: args?.minutes as number });
      case 'settings_set_max_gap_days':
        return (settings = { ...settings, maxGapDays: args?.days as number });
      case 'settings_set_audience_zone':
        return (settings = { ...settings, audienceZone: args?.zone as string });
      case 'rhythm_target_set': {
        const rest = targets.filter((t) => t.networkId !== args?.networkId);
        const frequency = args?.frequency as RhythmTarget['frequency'] | null;
        targets = frequency ? [...rest, { networkId: args?.networkId as string, frequency, source: 'setting' }] : rest;
        return targets;
      }
      default:
        return null;
    }
  });
});

const open = async () => {
  render(PlanningSettingsDialog, { props: { onclose: vi.fn() } });
  return screen.findByTestId('audience-zone');
};

describe('PlanningSettingsDialog', () => {
  it('shows the current settings and saves a preset lead time', async () => {
    await open();
    expect(screen.getByTestId('reminder-lead-30')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('audience-zone')).toHaveValue('Europe/Paris');
    expect(screen.getByTestId('max-gap-days')).toHaveValue(7);
    await fireEvent.click(screen.getByTestId('reminder-lead-1440'));
    expect(invokeMock).toHaveBeenCalledWith('settings_set_reminder_lead', { minutes: 1440 });
    await waitFor(() => expect(screen.getByTestId('reminder-lead-1440')).toHaveAttribute('aria-checked', 'true'));
    expect(screen.getByTestId('planning-save-state')).toHaveTextContent('Saved');
  });

  it('shows a lead time the backend refuses next to the field, with its bounds', async () => {
    failures.settings_set_reminder_lead = {
      code: 'validation',
      field: 'reminderLeadMinutes',
      reason: 'out_of_range',
      message: 'a reminder comes at most 10080 minutes (a week) ahead',
    };
    await open();
    await fireEvent.click(screen.getByTestId('reminder-lead-custom'));
    const input = screen.getByTestId('reminder-lead-minutes');
    await fireEvent.input(input, { target: { value: '20000' } });
    await fireEvent.change(input);
    expect(await screen.findByTestId('field-error-reminderLeadMinutes')).toHaveTextContent('From 0 to 10,080 minutes (one week)');
    expect(input).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows a gap threshold the backend refuses next to the field, and refuses what is not a whole number', async () => {
    failures.settings_set_max_gap_days = { code: 'validation', field: 'maxGapDays', reason: 'out_of_range', message: 'a gap lasts from 1 to 365 days' };
    await open();
    const gap = screen.getByTestId('max-gap-days');
    await fireEvent.input(gap, { target: { value: '0' } });
    await fireEvent.change(gap);
    expect(await screen.findByTestId('field-error-maxGapDays')).toHaveTextContent('From 1 to 365 days');
    setLocale('fr');
    await fireEvent.input(gap, { target: { value: '2.5' } });
    await fireEvent.change(gap);
    await waitFor(() => expect(screen.getByTestId('field-error-maxGapDays')).toHaveTextContent('Saisissez un nombre entier'));
    expect(invokeMock.mock.calls.filter(([name]) => name === 'settings_set_max_gap_days')).toHaveLength(1);
  });

  it('shows a zone the backend refuses next to the select', async () => {
    failures.settings_set_audience_zone = { code: 'validation', field: 'zone', reason: 'unknown_zone', message: 'unknown time zone' };
    const zone = await open();
    await fireEvent.change(zone, { target: { value: 'America/New_York' } });
    expect(await screen.findByTestId('field-error-zone')).toHaveTextContent('Unknown time zone');
  });

  it('shows charter targets read-only and sets or clears the others', async () => {
    await open();
    const rows = screen.getAllByTestId('target-row');
    const x = rows.find((row) => row.dataset.networkId === 'net-x')!;
    expect(within(x).getByTestId('target-charter')).toHaveTextContent('1 per day');
    expect(x).toHaveTextContent('from the charter');
    expect(within(x).queryByTestId('target-count')).toBeNull();

    const linkedin = rows.find((row) => row.dataset.networkId === 'net-li')!;
    const count = within(linkedin).getByTestId('target-count');
    await fireEvent.input(count, { target: { value: '3' } });
    await fireEvent.change(count);
    expect(invokeMock).toHaveBeenCalledWith('rhythm_target_set', { networkId: 'net-li', frequency: { count: 3, per: 'week' } });
    // The rhythm's views reload on the `changed` event that follows (stores/changes.test.ts).

    await fireEvent.click(await within(linkedin).findByTestId('target-clear'));
    expect(invokeMock).toHaveBeenLastCalledWith('rhythm_target_set', { networkId: 'net-li', frequency: null });
  });

  it('shows a target the backend refuses in its row', async () => {
    failures.rhythm_target_set = { code: 'validation', field: 'frequency', reason: 'out_of_range', message: 'a target counts from 1 to 1,000 posts' };
    await open();
    const blog = screen.getAllByTestId('target-row').find((row) => row.dataset.networkId === 'net-blog')!;
    const count = within(blog).getByTestId('target-count');
    await fireEvent.input(count, { target: { value: '5000' } });
    await fireEvent.change(count);
    expect(await within(blog).findByTestId('field-error-target')).toHaveTextContent('From 1 to 1,000 posts');
  });
});
