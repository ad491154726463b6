// The only module that talks to the Rust side. Every command is wrapped in a
// typed function, and every rejection is normalised to an ErrorPayload so the
// components handle one error shape.
import { invoke } from '@tauri-apps/api/core';
import type { Charter } from './bindings/Charter';
import type { CharterSection } from './bindings/CharterSection';
import type { CrisisState } from './bindings/CrisisState';
import type { CsvMapping } from './bindings/CsvMapping';
import type { CsvPreview } from './bindings/CsvPreview';
import type { Dashboard } from './bindings/Dashboard';
import type { DashboardQuery } from './bindings/DashboardQuery';
import type { DraftReport } from './bindings/DraftReport';
import type { DraftWarningCount } from './bindings/DraftWarningCount';
import type { Frequency } from './bindings/Frequency';
import type { ImportReport } from './bindings/ImportReport';
import type { KeyDate } from './bindings/KeyDate';
import type { KeyDateInput } from './bindings/KeyDateInput';
import type { Kpi } from './bindings/Kpi';
import type { KpiInput } from './bindings/KpiInput';
import type { KpiObjective } from './bindings/KpiObjective';
import type { KpiObjectiveInput } from './bindings/KpiObjectiveInput';
import type { Network } from './bindings/Network';
import type { NetworkInput } from './bindings/NetworkInput';
import type { Observation } from './bindings/Observation';
import type { ObservationFilter } from './bindings/ObservationFilter';
import type { ObservationInput } from './bindings/ObservationInput';
import type { Occurrence } from './bindings/Occurrence';
import type { OccurrenceScope } from './bindings/OccurrenceScope';
import type { OccurrenceSummary } from './bindings/OccurrenceSummary';
import type { Post } from './bindings/Post';
import type { PostFilter } from './bindings/PostFilter';
import type { PostInput } from './bindings/PostInput';
import type { PostResult } from './bindings/PostResult';
import type { PostResultInput } from './bindings/PostResultInput';
import type { PostSummary } from './bindings/PostSummary';
import type { RhythmReport } from './bindings/RhythmReport';
import type { RhythmTarget } from './bindings/RhythmTarget';
import type { ScheduleSettings } from './bindings/ScheduleSettings';
import type { WorkspaceInfo } from './bindings/WorkspaceInfo';
import type { Locale } from './i18n';
import { toErrorPayload } from './errors';

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toErrorPayload(error);
  }
}

export const api = {
  workspaceInfo: () => call<WorkspaceInfo>('workspace_info'),
  setLocale: (locale: Locale) => call<void>('settings_set_locale', { locale }),

  networksList: () => call<Network[]>('networks_list'),
  networkCreate: (input: NetworkInput) => call<Network>('network_create', { input }),
  networkUpdate: (id: string, input: NetworkInput) => call<Network>('network_update', { id, input }),
  networkDelete: (id: string) => call<void>('network_delete', { id }),

  /**
   * Posts planned in [start, end); both are RFC 3339 instants. Summaries only:
   * the editor loads the whole post with postGet when it opens.
   */
  postsListRange: (start: string, end: string, filter: PostFilter) =>
    call<PostSummary[]>('posts_list_range', { start, end, filter }),
  /** Posts with no date (ideas). */
  postsBacklog: (filter: PostFilter) => call<PostSummary[]>('posts_backlog', { filter }),
  postsThemes: () => call<string[]>('posts_themes'),
  postGet: (id: string) => call<Post>('post_get', { id }),
  postCreate: (input: PostInput) => call<Post>('post_create', { input }),
  postUpdate: (id: string, input: PostInput) => call<Post>('post_update', { id, input }),
  /** Resolves with the deleted post so it can be restored (undo). */
  postDelete: (id: string) => call<Post>('post_delete', { id }),
  postRestore: (post: Post) => call<Post>('post_restore', { post }),
  /**
   * Moves a post to `date` (`YYYY-MM-DD`). With `time` null it keeps its local
   * time of day; `zone` is used only for an idea that has none yet.
   */
  postMove: (id: string, date: string, time: string | null, zone: string) =>
    call<Post>('post_move', { id, date, time, zone }),
  postUnschedule: (id: string) => call<Post>('post_unschedule', { id }),

  /**
   * Key dates between two days, both included; with `includeHolidays`, the
   * French public holidays too, labelled in `locale`.
   */
  keyDatesListRange: (start: string, end: string, includeHolidays: boolean, locale: Locale) =>
    call<KeyDate[]>('key_dates_list_range', { start, end, includeHolidays, locale }),
  keyDateCreate: (input: KeyDateInput) => call<KeyDate>('key_date_create', { input }),
  keyDateDelete: (id: string) => call<void>('key_date_delete', { id }),

  /** The whole charter; sections never written come back empty. */
  charterGet: () => call<Charter>('charter_get'),
  /** Replaces one whole section (lists in the user's order); resolves with the whole charter. */
  charterSaveSection: (section: CharterSection) => call<Charter>('charter_save_section', { section }),
  /** Undoes the last saved section change; rejects with code `conflict` when there is none. */
  charterUndo: () => call<Charter>('charter_undo'),
  /**
   * Typesets the charter, with the calendar from `calendarFirst` to
   * `calendarLast` (`YYYY-MM-DD`, both included) as an appendix when given.
   * Writes it into the exports folder, or where the user picks in the
   * system's dialog when `saveAs` gives that dialog's title; resolves with the
   * path, or null when the dialog is cancelled.
   */
  charterExportPdf: (calendarFirst: string | null, calendarLast: string | null, saveAs: string | null) =>
    call<string | null>('charter_export_pdf', { calendarFirst, calendarLast, saveAs }),
  /** Opens a file Tribu exported, or its folder, with the system's default application. */
  exportOpen: (path: string) => call<void>('export_open', { path }),
  exportOpenFolder: (path: string) => call<void>('export_open_folder', { path }),
  /** Posts planned in [start, end) whose text raises charter warnings, with how many. */
  postsDraftWarnings: (start: string, end: string) =>
    call<DraftWarningCount[]>('posts_draft_warnings', { start, end }),
  /** Checks a draft against the charter and the network's rules; advisory only. */
  draftCheck: (text: string, networkId: string) => call<DraftReport>('draft_check', { text, networkId }),

  // Scheduling
  scheduleSettingsGet: () => call<ScheduleSettings>('schedule_settings_get'),
  /** Minutes before each post its reminder is shown (0 to 10,080). */
  setReminderLead: (minutes: number) => call<ScheduleSettings>('settings_set_reminder_lead', { minutes }),
  /** The audience's IANA zone: new posts are planned in it. */
  setAudienceZone: (zone: string) => call<ScheduleSettings>('settings_set_audience_zone', { zone }),
  /** Days without a post on a network after which the rhythm flags a gap (1 to 365). */
  setMaxGapDays: (days: number) => call<ScheduleSettings>('settings_set_max_gap_days', { days }),
  /** Occurrences of recurring posts in [start, end) (RFC 3339). Recurring posts are not in postsListRange. */
  postsRecurringRange: (start: string, end: string, filter: PostFilter) =>
    call<OccurrenceSummary[]>('posts_recurring_range', { start, end, filter }),
  /**
   * Moves one occurrence (`this_one`), or it and the ones after it
   * (`this_and_following`), to `date`; `time` null keeps the time of day.
   */
  occurrenceMove: (postId: string, occurrenceDate: string, date: string, time: string | null, scope: OccurrenceScope) =>
    call<Occurrence>('occurrence_move', { postId, occurrenceDate, date, time, scope }),
  occurrenceDelete: (postId: string, occurrenceDate: string, scope: OccurrenceScope) =>
    call<void>('occurrence_delete', { postId, occurrenceDate, scope }),
  /** Ids of the posts in [start, end) whose time passed while not published. */
  postsOverdue: (start: string, end: string) => call<string[]>('posts_overdue', { start, end }),
  /** Weeks under or over target and gaps, from `start` to `end` (`YYYY-MM-DD`, both included). */
  rhythmReport: (start: string, end: string) => call<RhythmReport>('rhythm_report', { start, end }),
  rhythmTargets: () => call<RhythmTarget[]>('rhythm_targets'),
  /** A network's target when the charter gives none; null clears it. */
  rhythmTargetSet: (networkId: string, frequency: Frequency | null) =>
    call<RhythmTarget[]>('rhythm_target_set', { networkId, frequency }),

  // Crisis mode
  crisisState: () => call<CrisisState | null>('crisis_state'),
  /** Suspends every planned post and reminder; the checklist comes from the charter's crisis plan. */
  crisisStart: (note: string) => call<CrisisState>('crisis_start', { note }),
  /** Restores every suspended post to the status it had. */
  crisisEnd: () => call<CrisisState>('crisis_end'),
  crisisTick: (stepId: string, done: boolean) => call<CrisisState>('crisis_tick', { stepId, done }),
  crisisLogAdd: (text: string) => call<CrisisState>('crisis_log_add', { text }),
  crisisHistory: () => call<CrisisState[]>('crisis_history'),

  // KPI panel
  /** Everything the panel shows for a period (cards, trends, bars, heatmap, top/flop, regularity), in one call. */
  kpiDashboard: (query: DashboardQuery) => call<Dashboard>('kpi_dashboard', { query }),
  /** Objectives with their KPIs, in order. */
  kpiObjectives: () => call<KpiObjective[]>('kpi_objectives'),
  kpiObjectiveCreate: (input: KpiObjectiveInput) => call<KpiObjective>('kpi_objective_create', { input }),
  kpiObjectiveUpdate: (id: string, input: KpiObjectiveInput) => call<KpiObjective>('kpi_objective_update', { id, input }),
  /** Deletes an objective and its KPIs (observations stay). */
  kpiObjectiveDelete: (id: string) => call<void>('kpi_objective_delete', { id }),
  kpiCreate: (input: KpiInput) => call<Kpi>('kpi_create', { input }),
  kpiUpdate: (id: string, input: KpiInput) => call<Kpi>('kpi_update', { id, input }),
  kpiDelete: (id: string) => call<void>('kpi_delete', { id }),
  /** One value typed by hand; replaces the value of the same day, network and metric. */
  observationAdd: (input: ObservationInput) => call<Observation>('observation_add', { input }),
  observationDelete: (id: string) => call<void>('observation_delete', { id }),
  observationsList: (filter: ObservationFilter) => call<Observation[]>('observations_list', { filter }),
  /** A first guess of which column holds what, from the file's header. */
  csvGuessMapping: (text: string) => call<CsvMapping>('csv_guess_mapping', { text }),
  /** Every line with what it would import or why it cannot; writes nothing. */
  csvPreview: (text: string, mapping: CsvMapping) => call<CsvPreview>('csv_preview', { text, mapping }),
  /** Writes the observations of the lines the user confirmed, all or none. */
  csvImport: (observations: ObservationInput[]) => call<ImportReport>('csv_import', { observations }),
  postResultGet: (postId: string) => call<PostResult | null>('post_result_get', { postId }),
  postResultSet: (postId: string, input: PostResultInput) => call<PostResult>('post_result_set', { postId, input }),
  postResultClear: (postId: string) => call<void>('post_result_clear', { postId }),
  /**
   * Typesets the KPI report of the dashboard `query` as PDF: into the exports
   * folder, or where the user picks when `saveAs` gives the dialog's title;
   * resolves with the path, or null when the dialog is cancelled.
   */
  kpiExportPdf: (query: DashboardQuery, saveAs: string | null) =>
    call<string | null>('kpi_export_pdf', { query, saveAs }),
};
