// What the history, the Edit menu and their toasts say of an action: its
// kind worded in the window's language (`action.<kind>` in fr.json and
// en.json, so a kind without both texts fails the type check), with what
// it touched and, for some kinds, where it went.
import type { ActionKind } from './bindings/ActionKind';
import type { ActionLabel } from './bindings/ActionLabel';
import type { JournalEntry } from './bindings/JournalEntry';
import { formatTime, localDate } from './calendar/dates';
import { SECTION_NAMES, type SectionName } from './charter/sections';
import { currentLocale, isLocale, t, type MessageKey } from './i18n';
import { METRICS } from './kpi/metrics';
import { ALL_POST_STATUSES } from './posts';

/** Every kind, with the key of its text: a kind missing here or in a language fails the check. */
export const ACTION_TEXTS: { readonly [K in ActionKind]: MessageKey & `action.${K}` } = {
  post_create: 'action.post_create',
  post_edit: 'action.post_edit',
  post_status: 'action.post_status',
  post_move: 'action.post_move',
  post_delete: 'action.post_delete',
  post_unschedule: 'action.post_unschedule',
  posts_create: 'action.posts_create',
  occurrence_move: 'action.occurrence_move',
  occurrences_move: 'action.occurrences_move',
  occurrence_delete: 'action.occurrence_delete',
  occurrences_delete: 'action.occurrences_delete',
  occurrence_retitle: 'action.occurrence_retitle',
  network_create: 'action.network_create',
  network_edit: 'action.network_edit',
  network_delete: 'action.network_delete',
  key_date_create: 'action.key_date_create',
  key_date_delete: 'action.key_date_delete',
  reminder_lead: 'action.reminder_lead',
  rhythm_gap: 'action.rhythm_gap',
  rhythm_target: 'action.rhythm_target',
  audience_zone: 'action.audience_zone',
  objective_create: 'action.objective_create',
  objective_edit: 'action.objective_edit',
  objective_delete: 'action.objective_delete',
  kpi_create: 'action.kpi_create',
  kpi_edit: 'action.kpi_edit',
  kpi_delete: 'action.kpi_delete',
  observation_add: 'action.observation_add',
  observations_add: 'action.observations_add',
  observations_import: 'action.observations_import',
  observation_delete: 'action.observation_delete',
  result_set: 'action.result_set',
  results_set: 'action.results_set',
  result_clear: 'action.result_clear',
  charter_section: 'action.charter_section',
  charter_starter: 'action.charter_starter',
  crisis_start: 'action.crisis_start',
  crisis_end: 'action.crisis_end',
};

/** Kinds that change the charter (its screen's own Undo takes back only these). */
export const CHARTER_KINDS: readonly ActionKind[] = ['charter_section', 'charter_starter'];

/** A name this long is cut, so that a line of the menu stays a line. */
const MAX_NAME = 60;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A `YYYY-MM-DD` as the plain calendar day it is (no time zone shift):
 * `12 janvier`, `1er janvier`, `January 12`, with the year when it is not
 * this one.
 */
export function formatDay(day: string, today: Date = new Date()): string {
  if (!DAY.test(day)) return day;
  const [y, m, d] = day.split('-').map(Number);
  const locale = currentLocale();
  const withYear = y !== today.getFullYear();
  const key = `${locale}|${withYear}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' });
    dayFormats.set(key, format);
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (locale !== 'fr' || d !== 1) return format.format(date);
  // French writes the first of the month "1er".
  return format
    .formatToParts(date)
    .map((part) => (part.type === 'day' ? `${part.value}er` : part.value))
    .join('');
}

/** `30 min`, `2 heures`, `1 jour`; nought is "at the planned time". */
function formatLead(minutes: number): string {
  if (minutes === 0) return t('action.leadNone');
  if (minutes % 1440 === 0) return t('reminder.days', { n: minutes / 1440 });
  if (minutes % 60 === 0) return t('reminder.hours', { n: minutes / 60 });
  return t('reminder.minutes', { n: minutes });
}

function shorten(name: string): string {
  const text = name.trim();
  return text.length > MAX_NAME ? `${text.slice(0, MAX_NAME - 1).trimEnd()}…` : text;
}

function statusText(status: string | null): string {
  const known = ALL_POST_STATUSES.find((s) => s === status);
  return known ? t(`status.${known}`) : (status ?? '');
}

function sectionText(section: string | null): string {
  const known = SECTION_NAMES.find((s): s is SectionName => s === section);
  return known ? t(`charter.section.${known}`) : (section ?? '');
}

function languageText(language: string | null): string {
  return isLocale(language) ? t(`action.language.${language}`) : (language ?? '');
}

function metricText(metric: string): string {
  const known = METRICS.find((m) => m === metric);
  return known ? t(`kpi.metric.${known}`) : metric;
}

/**
 * The line the history shows for `label`: «« Soldes d’hiver » déplacée au
 * 12 janvier», «Moved “Winter sale” to January 12».
 */
export function describeAction(label: ActionLabel, today: Date = new Date()): string {
  const detail = label.detail ?? '';
  const n = label.count ?? 0;
  return t(ACTION_TEXTS[label.kind], {
    name: shorten(label.name),
    date: formatDay(detail, today),
    status: statusText(label.detail),
    section: sectionText(label.detail),
    language: languageText(label.detail),
    zone: detail,
    metric: metricText(label.name),
    duration: formatLead(n),
    n,
  });
}

/**
 * The same line inside a sentence ("Undone: moved …"): its first word in
 * lower case, unless it is a name or an acronym (KPI, «…»).
 */
export function actionInSentence(label: ActionLabel, today: Date = new Date()): string {
  const text = describeAction(label, today);
  const [first, second] = text;
  if (first && second && first !== first.toLowerCase() && second === second.toLowerCase() && /\p{L}/u.test(second)) {
    return first.toLowerCase() + text.slice(1);
  }
  return text;
}

/** `14:32` (or `2:32 PM`): when an action was done, on this computer's clock. */
export function actionTime(entry: JournalEntry): string {
  return formatTime(new Date(entry.at), currentLocale());
}

/** The local day of an action, `YYYY-MM-DD`: the history groups by it. */
export function actionDay(entry: JournalEntry): string {
  return localDate(new Date(entry.at));
}

/** `Aujourd’hui`, `Hier`, `lundi 9 mars`: a heading of the history. */
export function dayHeading(day: string, today: Date = new Date()): string {
  if (day === localDate(today)) return t('history.today');
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  if (day === localDate(yesterday)) return t('history.yesterday');
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(currentLocale(), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(y !== today.getFullYear() ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The shortcuts as the menu shows them (French keyboards say "Maj"). */
export function shortcutText(which: 'undo' | 'redo'): string {
  return t(which === 'undo' ? 'edit.undoShortcut' : 'edit.redoShortcut');
}
