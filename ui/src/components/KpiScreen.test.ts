import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { invoke } from '@tauri-apps/api/core';
import KpiScreen from './KpiScreen.svelte';
import type { CsvFileInfo } from '../lib/bindings/CsvFileInfo';
import type { CsvLine } from '../lib/bindings/CsvLine';
import type { CsvPreviewPage } from '../lib/bindings/CsvPreviewPage';
import type { Dashboard } from '../lib/bindings/Dashboard';
import type { KpiObjective } from '../lib/bindings/KpiObjective';
import type { ObservationInput } from '../lib/bindings/ObservationInput';
import { todayLocal } from '../lib/calendar/dates';
import { setLocale } from '../lib/i18n';
import { kpiState } from '../lib/stores/kpi.svelte';
import { networksState } from '../lib/stores/networks.svelte';
import { dismissToast, toasts } from '../lib/stores/toasts.svelte';
import { networks } from '../test/fixtures';
import { makeCard, makeDashboard, makeObjective } from '../test/kpiFixtures';
import { applyChanges } from '../lib/stores/changes';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
// jsdom has no canvas: the charts get a stand-in that records its options.
const charts = vi.hoisted(() => ({ options: [] as unknown[] }));
vi.mock('../lib/kpi/echarts', () => ({
  createChart: () => ({
    setOption: (option: unknown) => charts.options.push(option),
    on: () => undefined,
    off: () => undefined,
    resize: () => undefined,
    dispose: () => undefined,
  }),
}));

const invokeMock = vi.mocked(invoke);
const calls = (command: string) => invokeMock.mock.calls.filter(([name]) => name === command);

let dashboard: Dashboard;
let objectives: KpiObjective[];
let handlers: Record<string, (args: Record<string, unknown>) => unknown>;

beforeEach(() => {
  for (const toast of toasts.items) dismissToast(toast.id);
  setLocale('en');
  networksState.list = networks;
  kpiState.section = 'dashboard';
  kpiState.period = 'this_month';
  kpiState.networkId = null;
  kpiState.selectedKpiId = null;
  dashboard = makeDashboard();
  objectives = [makeObjective()];
  handlers = {};
  charts.options = [];
  invokeMock.mockReset();
  invokeMock.mockImplementation(async (command: string, args?: unknown) => {
    const handler = handlers[command];
    if (handler) return handler((args ?? {}) as Record<string, unknown>);
    if (command === 'kpi_dashboard') return structuredClone(dashboard);
    if (command === 'kpi_objectives') return structuredClone(objectives);
    if (command === 'observations_list') return [];
    return null;
  });
});

afterEach(() => {
  vi.useRealTimers();
});

async function cards() {
  await screen.findByTestId('kpi-cards');
  return screen.getAllByTestId('kpi-card');
}

describe('KPI cards', () => {
  it('show value, target, progress and whether each KPI is on track', async () => {
    dashboard = makeDashboard({
      cards: [
        makeCard(),
        makeCard({ kpiId: 'kpi-2', name: 'Engagement rate', metric: 'engagement_rate', aggregation: 'rate', networkId: null, current: 3.456, toDate: 3.456, target: 5, progress: -12.5, onTrack: false }),
        makeCard({ kpiId: 'kpi-3', name: 'Response time', metric: 'response_time_minutes', aggregation: 'mean', direction: 'down', current: null, toDate: null, progress: null, projection: null, growth: null, onTrack: null, target: 30, source: 'none', sparkline: [] }),
      ],
    });
    render(KpiScreen);
    const [followers, rate, response] = await cards();

    expect(followers).toHaveAttribute('data-kpi-id', 'kpi-1');
    expect(followers).toHaveAttribute('data-progress', '20');
    expect(within(followers).getByTestId('kpi-card-current')).toHaveTextContent('600');
    expect(followers).toHaveTextContent('target 1,000');
    expect(within(followers).getByTestId('kpi-card-progress')).toHaveTextContent('20%');
    expect(within(followers).getByTestId('kpi-card-status')).toHaveTextContent('On track');
    expect(within(followers).getByTestId('kpi-card-network')).toHaveTextContent('X');
    expect(within(followers).getByTestId('kpi-card-projection')).toHaveTextContent('1,100');
    expect(within(followers).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '20');

    expect(within(rate).getByTestId('kpi-card-current')).toHaveTextContent('3.46%');
    expect(within(rate).getByTestId('kpi-card-network')).toHaveTextContent('All networks');
    expect(within(rate).getByTestId('kpi-card-status')).toHaveTextContent('Off track');
    // A negative progress is written as is, the bar stays empty.
    expect(within(rate).getByTestId('kpi-card-progress')).toHaveTextContent('-13%');
    expect(within(rate).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');

    expect(within(response).getByTestId('kpi-card-status')).toHaveTextContent('Not enough data');
    expect(within(response).getByTestId('kpi-card-current')).toHaveTextContent('—');
    expect(within(response).getByTestId('kpi-card-progress')).toHaveTextContent('—');
    expect(document.body.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('draw the selected KPI trend, and switch it on click', async () => {
    dashboard = makeDashboard({ cards: [makeCard(), makeCard({ kpiId: 'kpi-2', name: 'Reach' })] });
    render(KpiScreen);
    const all = await cards();
    expect(screen.getByTestId('kpi-trend')).toHaveAttribute('data-kpi-id', 'kpi-1');
    await fireEvent.click(all[1]);
    expect(screen.getByTestId('kpi-trend')).toHaveAttribute('data-kpi-id', 'kpi-2');
    expect(all[1]).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(charts.options.length).toBeGreaterThan(0));
  });

  it('asks for this month on every network by default', async () => {
    render(KpiScreen);
    await cards();
    const query = calls('kpi_dashboard')[0][1] as { query: Record<string, unknown> };
    const today = todayLocal();
    expect(query.query).toEqual({
      start: `${today.slice(0, 8)}01`,
      end: today,
      networkId: null,
      frequencies: null,
      minReach: null,
      minSample: null,
      granularity: null,
    });
  });
});

describe('empty states', () => {
  it('start with an objective when there is none', async () => {
    objectives = [];
    dashboard = makeDashboard({ cards: [] });
    render(KpiScreen);
    const empty = await screen.findByTestId('kpi-empty-objectives');
    expect(empty).toHaveTextContent('Create an objective and its KPIs');
    expect(screen.getByTestId('kpi-empty-results')).toHaveTextContent('Mark posts as published and enter their results');
    await fireEvent.click(screen.getByTestId('kpi-empty-create-objective'));
    expect(await screen.findByTestId('kpi-objective-dialog')).toBeInTheDocument();
  });

  it('ask for values when no KPI has any', async () => {
    dashboard = makeDashboard({ cards: [makeCard({ source: 'none', current: null, toDate: null, progress: null, onTrack: null })] });
    render(KpiScreen);
    expect(await screen.findByTestId('kpi-empty-observations')).toHaveTextContent('Add a value or import a CSV');
  });
});

describe('objectives and KPIs', () => {
  it('show a validation error next to its field', async () => {
    handlers.kpi_create = () => {
      throw { code: 'validation', message: 'a rising KPI needs a target above its baseline', field: 'target', reason: 'target_not_above_baseline' };
    };
    kpiState.section = 'objectives';
    render(KpiScreen);
    await fireEvent.click(await screen.findByTestId('kpi-add-kpi'));
    await fireEvent.input(screen.getByTestId('kpi-form-target'), { target: { value: '400' } });
    await fireEvent.input(screen.getByTestId('kpi-form-baseline'), { target: { value: '500' } });
    await fireEvent.click(screen.getByTestId('kpi-form-save'));
    expect(await screen.findByTestId('field-error-target')).toHaveTextContent('the target must be above the baseline');
    expect(screen.getByTestId('kpi-form-target')).toHaveAttribute('aria-invalid', 'true');
  });

  it('create a KPI with the metric’s usual direction', async () => {
    kpiState.section = 'objectives';
    render(KpiScreen);
    await fireEvent.click(await screen.findByTestId('kpi-add-kpi'));
    await fireEvent.change(screen.getByTestId('kpi-form-metric'), { target: { value: 'response_time_minutes' } });
    expect(screen.getByTestId('kpi-form-direction-down')).toBeChecked();
    await fireEvent.change(screen.getByTestId('kpi-form-network'), { target: { value: 'net-li' } });
    await fireEvent.input(screen.getByTestId('kpi-form-target'), { target: { value: '30' } });
    await fireEvent.input(screen.getByTestId('kpi-form-baseline'), { target: { value: '1 234,5' } });
    await fireEvent.click(screen.getByTestId('kpi-form-save'));
    await waitFor(() => expect(calls('kpi_create')).toHaveLength(1));
    expect(calls('kpi_create')[0][1]).toEqual({
      input: expect.objectContaining({
        objectiveId: 'obj-1',
        name: 'Response time (minutes) · LinkedIn',
        metric: 'response_time_minutes',
        networkId: 'net-li',
        target: 30,
        baseline: 1234.5,
        direction: 'down',
      }),
    });
  });
});

describe('adding a value', () => {
  it('sends the value and reloads the card', async () => {
    render(KpiScreen);
    const [card] = await cards();
    expect(within(card).getByTestId('kpi-card-current')).toHaveTextContent('600');
    handlers.observation_add = (args) => {
      const input = args.input as ObservationInput;
      dashboard = makeDashboard({ cards: [makeCard({ current: input.value, toDate: input.value, progress: 40 })] });
      return { id: 'obs-1', createdAt: '2026-11-22T10:00:00Z', ...input };
    };
    await fireEvent.click(screen.getByTestId('kpi-add-observation'));
    const dialog = await screen.findByTestId('kpi-observation-dialog');
    // The selected KPI's network and metric come preselected.
    expect(within(dialog).getByTestId('kpi-observation-network')).toHaveValue('net-x');
    expect(within(dialog).getByTestId('kpi-observation-metric')).toHaveValue('followers');
    expect(within(dialog).getByTestId('kpi-observation-day')).toHaveValue(todayLocal());
    await fireEvent.input(within(dialog).getByTestId('kpi-observation-value'), { target: { value: '700' } });
    const before = calls('kpi_dashboard').length;
    await fireEvent.click(within(dialog).getByTestId('kpi-observation-save'));

    await waitFor(() => expect(calls('observation_add')).toHaveLength(1));
    // What the Rust side announces once the value is committed.
    applyChanges({ topics: ['kpis'] });
    expect(calls('observation_add')[0][1]).toEqual({
      input: { day: todayLocal(), networkId: 'net-x', metric: 'followers', value: 700, source: 'manual' },
    });
    await waitFor(() => expect(calls('kpi_dashboard').length).toBe(before + 1));
    await waitFor(() => expect(screen.getByTestId('kpi-card-current')).toHaveTextContent('700'));
    expect(screen.getByTestId('kpi-card')).toHaveAttribute('data-progress', '40');
    expect(screen.queryByTestId('kpi-observation-dialog')).not.toBeInTheDocument();
  });

  it('refuses what is not a number without calling the backend', async () => {
    render(KpiScreen);
    await cards();
    await fireEvent.click(screen.getByTestId('kpi-add-observation'));
    await fireEvent.input(screen.getByTestId('kpi-observation-value'), { target: { value: 'lots' } });
    await fireEvent.click(screen.getByTestId('kpi-observation-save'));
    expect(screen.getByTestId('field-error-value')).toHaveTextContent('Enter a number');
    expect(calls('observation_add')).toHaveLength(0);
  });
});

describe('CSV import', () => {
  const good = (day: string, value: number): ObservationInput => ({ day, networkId: 'net-x', metric: 'followers', value, source: 'csv' });
  const okLine = (line: number, day: string, value: number): CsvLine => ({
    line,
    cells: [day.split('-').reverse().join('/'), 'X', String(value)],
    observations: [good(day, value)],
    errors: [],
    warnings: [],
  });
  const badLine = (line: number): CsvLine => ({
    line,
    cells: ['02/11/2026', 'X', 'abc'],
    observations: [],
    errors: [{ line, column: 'followers', reason: 'invalid_number', message: `line ${line}: "abc" is not a number` }],
    warnings: [],
  });
  const file: CsvFileInfo = { token: 'csv-1', name: 'stats.csv', header: ['date', 'network', 'followers'], lines: 3 };
  let lines: CsvLine[];

  /** What Rust answers: one page of `lines` (50 a page), the totals of all of them. */
  function page(args: Record<string, unknown>): CsvPreviewPage {
    const size = 50;
    const shown = args.onlyProblems ? lines.filter((l) => l.errors.length + l.warnings.length > 0) : lines;
    const pageCount = Math.max(1, Math.ceil(shown.length / size));
    const index = Math.min(Number(args.page), pageCount - 1);
    const valid = lines.filter((l) => l.errors.length === 0);
    return {
      delimiter: ';',
      header: file.header,
      warnings: [],
      totals: {
        lines: lines.length,
        validLines: valid.length,
        invalidLines: lines.length - valid.length,
        emptyLines: 0,
        problemLines: lines.length - valid.length,
        errors: lines.length - valid.length,
        warnings: 0,
        observationCount: valid.length,
      },
      page: index,
      pageSize: size,
      pageCount,
      shownLines: shown.length,
      lines: shown.slice(index * size, index * size + size),
    };
  }

  beforeEach(() => {
    lines = [okLine(2, '2026-11-01', 500), badLine(3), okLine(4, '2026-11-03', 520)];
    handlers.csv_open_file = () => structuredClone(file);
    handlers.csv_guess_mapping = () => ({
      dateColumn: 0,
      networkColumn: 1,
      networkId: null,
      layout: { kind: 'wide', columns: [{ column: 2, metric: 'followers' }] },
      dateOrder: 'day_first',
    });
    handlers.csv_preview = (args) => page(args);
    handlers.csv_import = () => ({ written: 2, replaced: 1 });
  });

  async function openWithFile() {
    render(KpiScreen);
    await cards();
    await fireEvent.click(screen.getByTestId('kpi-import-csv'));
    await fireEvent.click(await screen.findByTestId('kpi-csv-file'));
    await screen.findByTestId('kpi-csv-preview');
  }

  it('has Rust read the chosen file, previews it with its line errors, and imports the whole file by its token', async () => {
    await openWithFile();
    expect(calls('csv_open_file')[0][1]).toEqual({ title: 'Import values from a CSV file' });
    expect(calls('csv_guess_mapping')[0][1]).toEqual({ token: 'csv-1' });
    expect(calls('csv_preview')[0][1]).toMatchObject({ token: 'csv-1', page: 0, onlyProblems: false, mapping: { dateColumn: 0, networkColumn: 1 } });
    expect(screen.getByTestId('kpi-csv-file-name')).toHaveTextContent('stats.csv');
    expect(screen.getByTestId('kpi-csv-counts')).toHaveTextContent('2 valid lines');
    expect(screen.getByTestId('kpi-csv-counts')).toHaveTextContent('1 line with errors');
    // With errors in the file, the table starts on the lines to fix.
    await waitFor(() => expect(screen.getAllByTestId('kpi-csv-line')).toHaveLength(1));
    expect(calls('csv_preview').at(-1)?.[1]).toMatchObject({ page: 0, onlyProblems: true });
    const [bad] = screen.getAllByTestId('kpi-csv-line');
    expect(bad).toHaveAttribute('data-line', '3');
    expect(within(bad).getByTestId('kpi-csv-line-error')).toHaveTextContent('followers: “abc” is not a number.');
    await fireEvent.click(screen.getByTestId('kpi-csv-only-problems'));
    await waitFor(() => expect(screen.getAllByTestId('kpi-csv-line')).toHaveLength(3));
    expect(screen.queryByTestId('kpi-csv-pager')).not.toBeInTheDocument();

    const importButton = screen.getByTestId('kpi-csv-import');
    expect(importButton).toHaveTextContent('Import 2 valid lines');
    const before = calls('kpi_dashboard').length;
    await fireEvent.click(importButton);
    await waitFor(() => expect(calls('csv_import')).toHaveLength(1));
    applyChanges({ topics: ['kpis'] });
    // No cell travels back: the token and the mapping say what to import.
    expect(calls('csv_import')[0][1]).toEqual({
      token: 'csv-1',
      mapping: { dateColumn: 0, networkColumn: 1, networkId: null, layout: { kind: 'wide', columns: [{ column: 2, metric: 'followers' }] }, dateOrder: 'day_first' },
    });
    await waitFor(() => expect(toasts.items.map((t) => t.message)).toContain('2 values imported, 1 of which replaced a value already entered'));
    expect(screen.queryByTestId('kpi-csv-dialog')).not.toBeInTheDocument();
    expect(calls('csv_close')[0][1]).toEqual({ token: 'csv-1' });
    await waitFor(() => expect(calls('kpi_dashboard').length).toBe(before + 1));
  });

  it('pages through a long file, the counts staying those of the whole file', async () => {
    lines = Array.from({ length: 120 }, (_, i) => okLine(i + 2, `2026-01-${String((i % 28) + 1).padStart(2, '0')}`, 1000 + i));
    await openWithFile();
    expect(screen.getAllByTestId('kpi-csv-line')).toHaveLength(50);
    expect(screen.getByTestId('kpi-csv-counts')).toHaveAttribute('data-valid', '120');
    expect(screen.getByTestId('kpi-csv-page')).toHaveTextContent('Lines 1–50 of 120');
    expect(screen.getByTestId('kpi-csv-page-prev')).toBeDisabled();

    await fireEvent.click(screen.getByTestId('kpi-csv-page-next'));
    await waitFor(() => expect(screen.getByTestId('kpi-csv-page')).toHaveTextContent('Lines 51–100 of 120'));
    expect(calls('csv_preview').at(-1)?.[1]).toMatchObject({ page: 1, onlyProblems: false });
    expect(screen.getAllByTestId('kpi-csv-line')[0]).toHaveAttribute('data-line', '52');

    await fireEvent.click(screen.getByTestId('kpi-csv-page-next'));
    await waitFor(() => expect(screen.getByTestId('kpi-csv-page')).toHaveTextContent('Lines 101–120 of 120'));
    expect(screen.getAllByTestId('kpi-csv-line')).toHaveLength(20);
    expect(screen.getByTestId('kpi-csv-page-next')).toBeDisabled();
    await fireEvent.click(screen.getByTestId('kpi-csv-page-prev'));
    await waitFor(() => expect(screen.getByTestId('kpi-csv-page')).toHaveTextContent('Lines 51–100 of 120'));

    // A new mapping starts again from the first page; the import still
    // covers every line.
    await fireEvent.change(screen.getByTestId('kpi-csv-date-order'), { target: { value: 'month_first' } });
    await waitFor(() => expect(screen.getByTestId('kpi-csv-page')).toHaveTextContent('Lines 1–50 of 120'));
    expect(screen.getByTestId('kpi-csv-import')).toHaveTextContent('Import 120 valid lines');
  });

  it('previews again when the mapping changes', async () => {
    await openWithFile();
    const before = calls('csv_preview').length;
    await fireEvent.change(screen.getByTestId('kpi-csv-date-order'), { target: { value: 'month_first' } });
    await waitFor(() => expect(calls('csv_preview')).toHaveLength(before + 1));
    expect(calls('csv_preview')[before][1]).toMatchObject({ page: 0, mapping: { dateOrder: 'month_first' } });
  });

  it('says where the user looks that a file is too large', async () => {
    handlers.csv_open_file = () => Promise.reject({ code: 'io', reason: 'file_too_large', path: '/home/lea/huge.csv', message: 'too large' });
    render(KpiScreen);
    await cards();
    await fireEvent.click(screen.getByTestId('kpi-import-csv'));
    await fireEvent.click(await screen.findByTestId('kpi-csv-file'));
    expect(await screen.findByRole('alert')).toHaveTextContent('This file is larger than 20 MB');
    expect(calls('csv_guess_mapping')).toHaveLength(0);
    expect(screen.queryByTestId('kpi-csv-preview')).not.toBeInTheDocument();
  });

  it('does nothing when the system dialog is cancelled', async () => {
    handlers.csv_open_file = () => null;
    render(KpiScreen);
    await cards();
    await fireEvent.click(screen.getByTestId('kpi-import-csv'));
    await fireEvent.click(await screen.findByTestId('kpi-csv-file'));
    await waitFor(() => expect(calls('csv_open_file')).toHaveLength(1));
    expect(calls('csv_guess_mapping')).toHaveLength(0);
    expect(screen.getByTestId('kpi-csv-file')).not.toBeDisabled();
  });

  it('takes only the path of a dropped file, for Rust to read', async () => {
    handlers.csv_open_path = () => structuredClone(file);
    render(KpiScreen);
    await cards();
    await fireEvent.click(screen.getByTestId('kpi-import-csv'));
    const zone = (await screen.findByTestId('kpi-csv-file')).closest('.drop') as HTMLElement;
    const dataTransfer = { types: ['Files', 'text/uri-list'], files: [], getData: (type: string) => (type === 'text/uri-list' ? 'file:///home/l%C3%A9a/stats.csv\r\n' : '') };
    await fireEvent.drop(zone, { dataTransfer });
    await screen.findByTestId('kpi-csv-preview');
    expect(calls('csv_open_path')[0][1]).toEqual({ path: '/home/léa/stats.csv' });
    expect(calls('csv_open_file')).toHaveLength(0);

    // A drop that names no file says to use the button.
    await fireEvent.drop(zone, { dataTransfer: { types: ['Files'], files: [], getData: () => '' } });
    expect(await screen.findByText(/choose it with the button/)).toBeInTheDocument();
    expect(calls('csv_open_path')).toHaveLength(1);
  });

  it('imports nothing on cancel, and lets Rust forget the file', async () => {
    await openWithFile();
    await fireEvent.click(screen.getByTestId('kpi-csv-cancel'));
    expect(screen.queryByTestId('kpi-csv-dialog')).not.toBeInTheDocument();
    expect(calls('csv_import')).toHaveLength(0);
    expect(calls('csv_close')[0][1]).toEqual({ token: 'csv-1' });
  });
});

describe('report export', () => {
  it('exports the query shown and offers to open the file', async () => {
    handlers.kpi_export_pdf = () => '/data/exports/rapport-kpi.pdf';
    render(KpiScreen);
    await cards();
    await fireEvent.click(screen.getByTestId('kpi-export-pdf'));
    expect(await screen.findByTestId('kpi-export-result')).toHaveTextContent('/data/exports/rapport-kpi.pdf');
    const [, args] = calls('kpi_export_pdf')[0] as [string, { query: { start: string }; saveAs: string | null }];
    expect(args.saveAs).toBeNull();
    expect(args.query.start).toBe(`${todayLocal().slice(0, 8)}01`);
    await fireEvent.click(screen.getByTestId('kpi-export-save-as'));
    await waitFor(() => expect(calls('kpi_export_pdf')).toHaveLength(2));
    expect((calls('kpi_export_pdf')[1][1] as { saveAs: string }).saveAs).toBe('Save the KPI report as PDF');
    await fireEvent.click(screen.getByTestId('kpi-export-open-folder'));
    expect(calls('export_open_folder')[0][1]).toEqual({ path: '/data/exports/rapport-kpi.pdf' });
  });
});
