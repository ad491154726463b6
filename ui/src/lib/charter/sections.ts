// The charter is edited and saved one section at a time; this module maps a
// section's snake_case name (the backend's tag) to its part of the Charter.
import type { Charter } from '../bindings/Charter';
import type { CharterSection } from '../bindings/CharterSection';
import type { ErrorPayload } from '../bindings/ErrorPayload';

export type SectionName = CharterSection['section'];

/** In the order the screen lists them. */
export const SECTION_NAMES: readonly SectionName[] = [
  'identity',
  'keywords',
  'banned_terms',
  'objectives',
  'faq',
  'editorial_line',
  'guidelines',
  'moderation',
  'response_protocol',
  'crisis',
  'principles',
];

export function emptyCharter(): Charter {
  return {
    identity: { brand: '', mission: '', values: [], language: null },
    keywords: [],
    bannedTerms: [],
    objectives: [],
    faq: [],
    editorialLine: { tone: '', address: null, coreMessage: '', pillars: [] },
    guidelines: [],
    moderation: [],
    responseProtocol: [],
    crisis: { levels: [], scenarios: [], roles: [], escalation: [], rapidSteps: [], holdingStatements: [], review: '' },
    principles: [],
  };
}

/** True when nothing was ever written: the screen then offers the starter templates. */
export function isCharterEmpty(charter: Charter): boolean {
  return JSON.stringify(charter) === JSON.stringify(emptyCharter());
}

/** A plain copy: the editor's state is a reactive proxy, the backend wants data. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Tags are typed as one comma-separated text; the saved list has no blanks. */
function cleanTags(tags: string[]): string[] {
  return tags.map((tag) => tag.trim()).filter(Boolean);
}

/** The section `name` of `charter`, ready to save. */
export function sectionOf(charter: Charter, name: SectionName): CharterSection {
  switch (name) {
    case 'identity':
      return { section: name, data: copy(charter.identity) };
    case 'keywords':
      return { section: name, data: copy(charter.keywords) };
    case 'banned_terms':
      return { section: name, data: copy(charter.bannedTerms) };
    case 'objectives':
      return { section: name, data: copy(charter.objectives) };
    case 'faq':
      return { section: name, data: copy(charter.faq).map((entry) => ({ ...entry, tags: cleanTags(entry.tags) })) };
    case 'editorial_line':
      return { section: name, data: copy(charter.editorialLine) };
    case 'guidelines':
      return { section: name, data: copy(charter.guidelines) };
    case 'moderation':
      return { section: name, data: copy(charter.moderation) };
    case 'response_protocol':
      return { section: name, data: copy(charter.responseProtocol) };
    case 'crisis':
      return { section: name, data: copy(charter.crisis) };
    case 'principles':
      return { section: name, data: copy(charter.principles) };
  }
}

/** Where a save error belongs: the section, and the list row when the backend names one. */
export type SectionError = {
  message: string;
  /** 0-based row of the list the error is about, when the message starts with "item N: ". */
  row: number | null;
  field: string | null;
  reason: string | null;
};

export function sectionError(payload: ErrorPayload, message: string): SectionError {
  const match = /^item (\d+): /.exec(payload.message);
  return {
    message,
    row: match ? Number(match[1]) - 1 : null,
    field: payload.field ?? null,
    reason: payload.reason ?? null,
  };
}

/** Which list of the crisis plan a validation error is about, from the backend's field names. */
export function crisisListOf(error: SectionError): string | null {
  switch (error.field) {
    case 'levels':
    case 'description':
      return 'levels';
    case 'level':
      return error.reason === 'unknown_level' ? 'scenarios' : 'levels';
    case 'scenarios':
    case 'scenario':
    case 'triggers':
      return 'scenarios';
    case 'roles':
    case 'role':
    case 'person':
    case 'contact':
      return 'roles';
    case 'escalation':
    case 'who':
    case 'when':
    case 'decides':
      return 'escalation';
    case 'rapidSteps':
      return 'rapidSteps';
    case 'holdingStatements':
    case 'situation':
    case 'text':
      return 'holdingStatements';
    default:
      return null;
  }
}

/** A save error about one row of a list (0-based), shown inside that row. */
export type RowError = { row: number; message: string };

/**
 * The row error for a list of the section, if the error names a row. In the
 * crisis plan, which holds several lists, `list` picks the one it belongs to.
 */
export function rowErrorOf(error: SectionError | null, list?: string): RowError | null {
  if (!error || error.row === null) return null;
  if (list !== undefined && crisisListOf(error) !== list) return null;
  return { row: error.row, message: error.message };
}
