// Generated from the `commands!` declarations in src-tauri/src/commands/
// by `make bindings`. Do not edit: a test fails when this file differs
// from what the declarations generate.
import { call } from '../ipc';
import type { BackupInfo } from './BackupInfo';
import type { BrandDefaults } from './BrandDefaults';
import type { BrandEntry } from './BrandEntry';
import type { Charter } from './Charter';
import type { CharterLanguage } from './CharterLanguage';
import type { CharterSection } from './CharterSection';
import type { CrisisState } from './CrisisState';
import type { CsvFileInfo } from './CsvFileInfo';
import type { CsvMapping } from './CsvMapping';
import type { CsvPreviewPage } from './CsvPreviewPage';
import type { Dashboard } from './Dashboard';
import type { DashboardQuery } from './DashboardQuery';
import type { DraftReport } from './DraftReport';
import type { DraftWarningCount } from './DraftWarningCount';
import type { Frequency } from './Frequency';
import type { ImportReport } from './ImportReport';
import type { JournalEntry } from './JournalEntry';
import type { KeyDate } from './KeyDate';
import type { KeyDateInput } from './KeyDateInput';
import type { Kpi } from './Kpi';
import type { KpiInput } from './KpiInput';
import type { KpiObjective } from './KpiObjective';
import type { KpiObjectiveInput } from './KpiObjectiveInput';
import type { Network } from './Network';
import type { NetworkInput } from './NetworkInput';
import type { NewBrand } from './NewBrand';
import type { Observation } from './Observation';
import type { ObservationFilter } from './ObservationFilter';
import type { ObservationInput } from './ObservationInput';
import type { Occurrence } from './Occurrence';
import type { OccurrenceScope } from './OccurrenceScope';
import type { OccurrenceSummary } from './OccurrenceSummary';
import type { Post } from './Post';
import type { PostFilter } from './PostFilter';
import type { PostInput } from './PostInput';
import type { PostResult } from './PostResult';
import type { PostResultInput } from './PostResultInput';
import type { PostSummary } from './PostSummary';
import type { RhythmReport } from './RhythmReport';
import type { RhythmTarget } from './RhythmTarget';
import type { ScheduleSettings } from './ScheduleSettings';
import type { UndoState } from './UndoState';
import type { WorkspaceInfo } from './WorkspaceInfo';

export const commands = {
  /**
   * The backups of the open brand, or of the file that could not be
   * opened, newest first. With the brand open, only its own backups
   * (another brand's file of the same name keeps its own).
   */
  backupsList: () => call<Array<BackupInfo>>('backups_list'),
  /** "Back up now". */
  backupNow: () => call<BackupInfo>('backup_now'),
  /** Restores a backup of the list, after backing up the current state. */
  backupRestore: (file: string) => call<WorkspaceInfo>('backup_restore', { file }),
  /** Every brand the app knows, the most recently opened first. */
  brandsList: () => call<Array<BrandEntry>>('brands_list'),
  /** What the new brand dialog starts from. */
  brandDefaults: () => call<BrandDefaults>('brand_defaults'),
  /** Creates a brand and opens it. */
  brandCreate: (input: NewBrand) => call<WorkspaceInfo>('brand_create', { input }),
  /** Opens the brand of `path` in place of the open one. */
  brandSwitch: (path: string) => call<WorkspaceInfo>('brand_switch', { path }),
  /**
   * Opens any `.tribu` file chosen in the system's dialog; `None` when
   * the dialog is cancelled.
   */
  brandOpenFile: () => call<WorkspaceInfo | null>('brand_open_file'),
  /** Renames the open brand. */
  brandRename: (name: string) => call<WorkspaceInfo>('brand_rename', { name }),
  /**
   * Copies the open brand, everything in it, into a new brand named
   * `name`; the open brand stays open.
   */
  brandDuplicate: (name: string) => call<BrandEntry>('brand_duplicate', { name }),
  /**
   * Sends a brand's file to the system's trash. The open brand can be
   * deleted when another one exists: that one opens first.
   */
  brandDelete: (path: string) => call<WorkspaceInfo>('brand_delete', { path }),
  /** The whole charter; sections never written come back empty. */
  charterGet: () => call<Charter>('charter_get'),
  /**
   * Replaces one whole section (lists in the user's order); resolves
   * with the whole charter.
   */
  charterSaveSection: (section: CharterSection) => call<Charter>('charter_save_section', { section }),
  /**
   * Fills the charter from the French or English starter, written for
   * the brand and each of its networks, as one action to undo. Resolves
   * with the whole charter.
   */
  charterApplyStarter: (language: CharterLanguage) => call<Charter>('charter_apply_starter', { language }),
  /**
   * Checks a draft against the charter and the network's rules; advisory
   * only.
   */
  draftCheck: (text: string, networkId: string) => call<DraftReport>('draft_check', { text, networkId }),
  /**
   * Typesets the charter, with the calendar from `calendarFirst` to
   * `calendarLast` (`YYYY-MM-DD`, both included) as an appendix when
   * given. Writes it into the exports folder (replacing an export of the
   * same day), or where the user picks in the system's dialog when
   * `saveAs` gives that dialog's title; resolves with the path, or null
   * when the dialog is cancelled.
   */
  charterExportPdf: (calendarFirst: string | null, calendarLast: string | null, saveAs: string | null) => call<string | null>('charter_export_pdf', { calendarFirst, calendarLast, saveAs }),
  /**
   * Posts planned in [start, end) whose text raises charter warnings,
   * with how many, for the calendar's badges.
   */
  postsDraftWarnings: (start: string, end: string) => call<Array<DraftWarningCount>>('posts_draft_warnings', { start, end }),
  crisisState: () => call<CrisisState | null>('crisis_state'),
  /**
   * Suspends every planned post and reminder; the checklist comes from
   * the charter's crisis plan.
   */
  crisisStart: (note: string) => call<CrisisState>('crisis_start', { note }),
  /** Restores every suspended post to the status it had. */
  crisisEnd: () => call<CrisisState>('crisis_end'),
  crisisTick: (stepId: string, done: boolean) => call<CrisisState>('crisis_tick', { stepId, done }),
  crisisLogAdd: (text: string) => call<CrisisState>('crisis_log_add', { text }),
  crisisHistory: () => call<Array<CrisisState>>('crisis_history'),
  /** Opens a PDF file Tribu exported with the system's default application. */
  exportOpen: (path: string) => call<null>('export_open', { path }),
  /** Opens the folder that holds a file Tribu exported. */
  exportOpenFolder: (path: string) => call<null>('export_open_folder', { path }),
  /** What Undo and Redo would do now, for the Edit menu. */
  journalState: () => call<UndoState>('journal_state'),
  /**
   * The latest `limit` actions (at most 500), newest first, undone ones
   * included.
   */
  journalList: (limit: number) => call<Array<JournalEntry>>('journal_list', { limit }),
  /**
   * Takes back the latest action in effect; with `expected`, only if it
   * is that one (reason `not_latest` otherwise). Rejects with
   * `nothing_to_undo`, or `changed_since` when what it changed has
   * changed since (nothing is then undone). Resolves with the action.
   */
  journalUndo: (expected: number | null) => call<JournalEntry>('journal_undo', { expected }),
  /** Does again the last action undone (`nothing_to_redo` when none). */
  journalRedo: () => call<JournalEntry>('journal_redo'),
  /**
   * Takes back every action from the latest down to `id` included, all
   * or none; resolves with them, latest first.
   */
  journalUndoTo: (id: number) => call<Array<JournalEntry>>('journal_undo_to', { id }),
  /**
   * Key dates between two days, both included; with `includeHolidays`,
   * the French public holidays too, labelled in `locale`.
   */
  keyDatesListRange: (start: string, end: string, includeHolidays: boolean, locale: string) => call<Array<KeyDate>>('key_dates_list_range', { start, end, includeHolidays, locale }),
  keyDateCreate: (input: KeyDateInput) => call<KeyDate>('key_date_create', { input }),
  keyDateDelete: (id: string) => call<null>('key_date_delete', { id }),
  /**
   * Everything the panel shows for a period (cards, trends, bars,
   * heatmap, top and flop, regularity), in one call.
   */
  kpiDashboard: (query: DashboardQuery) => call<Dashboard>('kpi_dashboard', { query }),
  /**
   * Typesets the dashboard of `query` as the KPI report, in the charter's
   * language and under its brand: into the exports folder (replacing an
   * export of the same day), or where the user picks when `saveAs` gives
   * the dialog's title; resolves with the path, or null when the dialog
   * is cancelled.
   */
  kpiExportPdf: (query: DashboardQuery, saveAs: string | null) => call<string | null>('kpi_export_pdf', { query, saveAs }),
  /** Objectives with their KPIs, in order. */
  kpiObjectives: () => call<Array<KpiObjective>>('kpi_objectives'),
  kpiObjectiveCreate: (input: KpiObjectiveInput) => call<KpiObjective>('kpi_objective_create', { input }),
  kpiObjectiveUpdate: (id: string, input: KpiObjectiveInput) => call<KpiObjective>('kpi_objective_update', { id, input }),
  /** Deletes an objective and its KPIs (observations stay). */
  kpiObjectiveDelete: (id: string) => call<null>('kpi_objective_delete', { id }),
  kpiCreate: (input: KpiInput) => call<Kpi>('kpi_create', { input }),
  kpiUpdate: (id: string, input: KpiInput) => call<Kpi>('kpi_update', { id, input }),
  kpiDelete: (id: string) => call<null>('kpi_delete', { id }),
  /**
   * One value typed by hand; replaces the value of the same day, network
   * and metric.
   */
  observationAdd: (input: ObservationInput) => call<Observation>('observation_add', { input }),
  observationDelete: (id: string) => call<null>('observation_delete', { id }),
  observationsList: (filter: ObservationFilter) => call<Array<Observation>>('observations_list', { filter }),
  /**
   * Opens the system's dialog (titled `title`) to choose a CSV file,
   * which Rust reads and keeps (20 MB at most); resolves with what the
   * dialog needs of it, or null when the dialog is cancelled.
   */
  csvOpenFile: (title: string) => call<CsvFileInfo | null>('csv_open_file', { title }),
  /**
   * Reads and keeps the CSV file at `path` (a file dropped on the
   * dialog): a `.csv`, `.tsv` or `.txt` file of 20 MB at most.
   */
  csvOpenPath: (path: string) => call<CsvFileInfo>('csv_open_path', { path }),
  /** Forgets the file of `token` (the dialog is closed). */
  csvClose: (token: string) => call<null>('csv_close', { token }),
  /** A first guess of which column holds what, from the file's header. */
  csvGuessMapping: (token: string) => call<CsvMapping>('csv_guess_mapping', { token }),
  /**
   * Page `page` (0-based; 50 lines) of the file's lines, or of its lines
   * with an error or a warning, with what each would import or why it
   * cannot, and the totals of the whole file; writes nothing. A mapping
   * naming a column the header does not have is refused.
   */
  csvPreview: (token: string, mapping: CsvMapping, page: number, onlyProblems: boolean) => call<CsvPreviewPage>('csv_preview', { token, mapping, page, onlyProblems }),
  /**
   * Imports the valid lines of the whole file read with `mapping`, all
   * in one transaction, or nothing; the brand is backed up first.
   */
  csvImport: (token: string, mapping: CsvMapping) => call<ImportReport>('csv_import', { token, mapping }),
  postResultGet: (postId: string) => call<PostResult | null>('post_result_get', { postId }),
  postResultSet: (postId: string, input: PostResultInput) => call<PostResult>('post_result_set', { postId, input }),
  postResultClear: (postId: string) => call<null>('post_result_clear', { postId }),
  networksList: () => call<Array<Network>>('networks_list'),
  networkCreate: (input: NetworkInput) => call<Network>('network_create', { input }),
  networkUpdate: (id: string, input: NetworkInput) => call<Network>('network_update', { id, input }),
  /** Refused while posts, KPIs or values use the network. */
  networkDelete: (id: string) => call<null>('network_delete', { id }),
  /**
   * Posts planned in [start, end); both are RFC 3339 instants. Summaries
   * only: the editor loads the whole post with postGet when it opens.
   * Recurring posts are not among them (postsRecurringRange).
   */
  postsListRange: (start: string, end: string, filter: PostFilter) => call<Array<PostSummary>>('posts_list_range', { start, end, filter }),
  /** Posts with no date (ideas). */
  postsBacklog: (filter: PostFilter) => call<Array<PostSummary>>('posts_backlog', { filter }),
  postsThemes: () => call<Array<string>>('posts_themes'),
  postGet: (id: string) => call<Post>('post_get', { id }),
  postCreate: (input: PostInput) => call<Post>('post_create', { input }),
  postUpdate: (id: string, input: PostInput) => call<Post>('post_update', { id, input }),
  /**
   * Deletes a post with its results and exceptions (journalUndo brings
   * all of it back); resolves with the post as it was.
   */
  postDelete: (id: string) => call<Post>('post_delete', { id }),
  /**
   * Moves a post to `date` (`YYYY-MM-DD`), the day it was dropped on.
   * With `time` null (the month view) it keeps its local time of day;
   * `zone` is used only for an idea that has none yet.
   */
  postMove: (id: string, date: string, time: string | null, zone: string) => call<Post>('post_move', { id, date, time, zone }),
  postUnschedule: (id: string) => call<Post>('post_unschedule', { id }),
  scheduleSettingsGet: () => call<ScheduleSettings>('schedule_settings_get'),
  /** Minutes before each post its reminder is shown (0 to 10,080). */
  settingsSetReminderLead: (minutes: number) => call<ScheduleSettings>('settings_set_reminder_lead', { minutes }),
  /** The audience's IANA zone: new posts are planned in it. */
  settingsSetAudienceZone: (zone: string) => call<ScheduleSettings>('settings_set_audience_zone', { zone }),
  /**
   * Days without a post on a network after which the rhythm flags a gap
   * (1 to 365).
   */
  settingsSetMaxGapDays: (days: number) => call<ScheduleSettings>('settings_set_max_gap_days', { days }),
  /** Occurrences of recurring posts in [start, end) (RFC 3339). */
  postsRecurringRange: (start: string, end: string, filter: PostFilter) => call<Array<OccurrenceSummary>>('posts_recurring_range', { start, end, filter }),
  /**
   * Moves one occurrence (`this_one`), or it and the ones after it
   * (`this_and_following`), to `date`; `time` null keeps the time of day.
   */
  occurrenceMove: (postId: string, occurrenceDate: string, date: string, time: string | null, scope: OccurrenceScope) => call<Occurrence>('occurrence_move', { postId, occurrenceDate, date, time, scope }),
  occurrenceDelete: (postId: string, occurrenceDate: string, scope: OccurrenceScope) => call<null>('occurrence_delete', { postId, occurrenceDate, scope }),
  /** Ids of the posts in [start, end) whose time passed while not published. */
  postsOverdue: (start: string, end: string) => call<Array<string>>('posts_overdue', { start, end }),
  /**
   * Weeks under or over each network's target, and gaps, from `start` to
   * `end` (`YYYY-MM-DD`, both included).
   */
  rhythmReport: (start: string, end: string) => call<RhythmReport>('rhythm_report', { start, end }),
  rhythmTargets: () => call<Array<RhythmTarget>>('rhythm_targets'),
  /** A network's target when the charter gives none; null clears it. */
  rhythmTargetSet: (networkId: string, frequency: Frequency | null) => call<Array<RhythmTarget>>('rhythm_target_set', { networkId, frequency }),
  /**
   * What the window needs to start: the brand, its file, whether it may
   * be edited, the language chosen, the system's. Fails with the reason
   * the brand could not be opened (the window then shows its backups).
   */
  workspaceInfo: () => call<WorkspaceInfo>('workspace_info'),
  /**
   * The operating system's locale (`fr-FR`): the language of the window
   * when no brand could be opened to say which one was chosen.
   */
  systemLocale: () => call<string | null>('system_locale'),
  /** `fr` or `en`. */
  settingsSetLocale: (locale: string) => call<null>('settings_set_locale', { locale }),
  /**
   * The page took a close request in hand: it saves what is pending,
   * or asks the user about what could not be saved.
   */
  windowCloseHeld: () => call<null>('window_close_held'),
  /**
   * The window saved what it had pending after a close request: the
   * brand is closed (checkpointed, its lock released) and the app ends.
   */
  windowCloseReady: () => call<null>('window_close_ready'),
};
