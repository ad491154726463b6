import { afterEach, describe, expect, it } from 'vitest';
import type { ActionKind } from './bindings/ActionKind';
import type { ActionLabel } from './bindings/ActionLabel';
import { ACTION_TEXTS, actionInSentence, dayHeading, describeAction, formatDay } from './history';
import { setLocale, type Locale } from './i18n';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

const NBSP = '\u00a0';
/** A day to word dates against: 2026 is "this year". */
const TODAY = new Date(2026, 2, 9, 12, 0);

/** What the core gives each kind (crates/tribu-core/src/store/journal/label.rs). */
const SAMPLES: Record<ActionKind, ActionLabel> = {
  post_create: label('post_create', 'Soldes d’hiver'),
  post_edit: label('post_edit', 'Soldes d’hiver'),
  post_status: label('post_status', 'Soldes d’hiver', 'approved'),
  post_move: label('post_move', 'Soldes d’hiver', '2026-01-12'),
  post_delete: label('post_delete', 'Soldes d’hiver'),
  post_unschedule: label('post_unschedule', 'Soldes d’hiver'),
  posts_create: label('posts_create', '', null, 12),
  occurrence_move: label('occurrence_move', 'Atelier', '2026-03-20'),
  occurrences_move: label('occurrences_move', 'Atelier', '2026-03-20'),
  occurrence_delete: label('occurrence_delete', 'Atelier', '2026-03-13'),
  occurrences_delete: label('occurrences_delete', 'Atelier', '2026-03-13'),
  occurrence_retitle: label('occurrence_retitle', 'Atelier', '2026-03-13'),
  network_create: label('network_create', 'Mastodon'),
  network_edit: label('network_edit', 'Mastodon'),
  network_delete: label('network_delete', 'Mastodon'),
  key_date_create: label('key_date_create', 'Fête des mères'),
  key_date_delete: label('key_date_delete', 'Fête des mères'),
  reminder_lead: label('reminder_lead', '', null, 120),
  rhythm_gap: label('rhythm_gap', '', null, 10),
  rhythm_target: label('rhythm_target', 'Instagram'),
  audience_zone: label('audience_zone', '', 'America/Montreal'),
  objective_create: label('objective_create', 'Notoriété'),
  objective_edit: label('objective_edit', 'Notoriété'),
  objective_delete: label('objective_delete', 'Notoriété'),
  kpi_create: label('kpi_create', 'Abonnés Instagram'),
  kpi_edit: label('kpi_edit', 'Abonnés Instagram'),
  kpi_delete: label('kpi_delete', 'Abonnés Instagram'),
  observation_add: label('observation_add', 'followers', '2026-03-02'),
  observations_add: label('observations_add', '', null, 3),
  observations_import: label('observations_import', '', null, 100),
  observation_delete: label('observation_delete', 'followers', '2026-03-02'),
  result_set: label('result_set', 'Soldes d’hiver'),
  results_set: label('results_set', '', null, 4),
  result_clear: label('result_clear', 'Soldes d’hiver'),
  charter_section: label('charter_section', '', 'banned_terms'),
  charter_starter: label('charter_starter', '', 'fr'),
  crisis_start: label('crisis_start', 'Rappel produit', null, 5),
  crisis_end: label('crisis_end', '', null, 5),
};

function label(kind: ActionKind, name: string, detail: string | null = null, count: number | null = null): ActionLabel {
  return { kind, name, detail, count };
}

afterEach(() => setLocale('en'));

describe('action labels', () => {
  it.each(['fr', 'en'] as Locale[])('words every kind in %s, every placeholder filled', (locale) => {
    setLocale(locale);
    const dict: Record<string, string> = locale === 'fr' ? fr : en;
    for (const kind of Object.keys(SAMPLES) as ActionKind[]) {
      expect(dict[ACTION_TEXTS[kind]], kind).toBeTruthy();
      for (const count of [0, 1, 2]) {
        const text = describeAction({ ...SAMPLES[kind], count: SAMPLES[kind].count === null ? null : count }, TODAY);
        expect(text, kind).not.toMatch(/[{}]/);
        expect(text, kind).not.toContain('action.');
        expect(text.trim(), kind).not.toBe('');
      }
    }
  });

  it('says where a post went, as the plain day it is, in each language', () => {
    setLocale('fr');
    expect(describeAction(SAMPLES.post_move, TODAY)).toBe(`«${NBSP}Soldes d’hiver${NBSP}» déplacée au 12 janvier`);
    setLocale('en');
    expect(describeAction(SAMPLES.post_move, TODAY)).toBe('Moved “Soldes d’hiver” to January 12');
  });

  it('writes the first of the month "1er" in French, and the year when it is not this one', () => {
    setLocale('fr');
    expect(formatDay('2026-05-01', TODAY)).toBe('1er mai');
    expect(formatDay('2027-01-12', TODAY)).toBe('12 janvier 2027');
    setLocale('en');
    expect(formatDay('2026-05-01', TODAY)).toBe('May 1');
    expect(formatDay('2025-12-31', TODAY)).toBe('December 31, 2025');
  });

  it('counts with the language’s plural rules: French says "0 valeur"', () => {
    setLocale('fr');
    const imported = (n: number) => describeAction({ ...SAMPLES.observations_import, count: n }, TODAY);
    expect(imported(0)).toBe('0 valeur importée d’un fichier CSV');
    expect(imported(1)).toBe('1 valeur importée d’un fichier CSV');
    expect(imported(2)).toBe('2 valeurs importées d’un fichier CSV');
    setLocale('en');
    expect(imported(0)).toBe('Imported 0 values from a CSV file');
    expect(imported(1)).toBe('Imported 1 value from a CSV file');
    expect(imported(100)).toBe('Imported 100 values from a CSV file');
  });

  it('names statuses, charter sections, languages, metrics and durations with the app’s own words', () => {
    setLocale('fr');
    expect(describeAction(SAMPLES.post_status, TODAY)).toBe(`«${NBSP}Soldes d’hiver${NBSP}» passée au statut «${NBSP}Validée${NBSP}»`);
    expect(describeAction(SAMPLES.charter_section, TODAY)).toBe(`Section «${NBSP}Termes interdits${NBSP}» de la charte modifiée`);
    expect(describeAction(SAMPLES.charter_starter, TODAY)).toBe('Charte remplie avec le modèle en français');
    expect(describeAction(SAMPLES.observation_add, TODAY)).toBe(`Valeur ajoutée${NBSP}: Abonnés du 2 mars`);
    expect(describeAction(SAMPLES.observation_delete, TODAY)).toBe(`Valeur supprimée${NBSP}: Abonnés du 2 mars`);
    expect(describeAction(SAMPLES.reminder_lead, TODAY)).toBe(`Délai des rappels${NBSP}: 2 heures`);
    expect(describeAction({ ...SAMPLES.reminder_lead, count: 0 }, TODAY)).toBe(`Délai des rappels${NBSP}: à l’heure prévue`);
    expect(describeAction({ ...SAMPLES.reminder_lead, count: 45 }, TODAY)).toBe(`Délai des rappels${NBSP}: 45 min`);
    expect(describeAction(SAMPLES.audience_zone, TODAY)).toBe(`Fuseau horaire de l’audience${NBSP}: America/Montreal`);
    expect(describeAction({ ...SAMPLES.rhythm_gap, count: 1 }, TODAY)).toBe(`Plus long silence permis${NBSP}: 1 jour`);
    setLocale('en');
    expect(describeAction(SAMPLES.post_status, TODAY)).toBe('Changed the status of “Soldes d’hiver” to “Approved”');
    expect(describeAction(SAMPLES.charter_section, TODAY)).toBe('Edited the charter’s “Banned terms” section');
    expect(describeAction(SAMPLES.charter_starter, TODAY)).toBe('Filled the charter from the French template');
    expect(describeAction({ ...SAMPLES.reminder_lead, count: 1440 }, TODAY)).toBe('Reminder lead: 1 day');
    expect(describeAction(SAMPLES.crisis_start, TODAY)).toBe('Started crisis mode, 5 posts suspended');
  });

  it('cuts a very long name so that a menu line stays a line', () => {
    setLocale('en');
    const text = describeAction(label('post_delete', 'x'.repeat(150)), TODAY);
    expect(text.length).toBeLessThan(80);
    expect(text).toContain('…”');
  });

  it('shows a title as text, markup and all', () => {
    setLocale('en');
    expect(describeAction(label('post_create', '<b>{name}</b>'), TODAY)).toBe('Created “<b>{name}</b>”');
  });

  it('lowers the first word inside a sentence, not a name or an acronym', () => {
    setLocale('fr');
    expect(actionInSentence(SAMPLES.network_create, TODAY)).toBe(`réseau «${NBSP}Mastodon${NBSP}» ajouté`);
    expect(actionInSentence(SAMPLES.kpi_create, TODAY)).toBe(`KPI «${NBSP}Abonnés Instagram${NBSP}» créé`);
    expect(actionInSentence(SAMPLES.post_move, TODAY)).toBe(`«${NBSP}Soldes d’hiver${NBSP}» déplacée au 12 janvier`);
    setLocale('en');
    expect(actionInSentence(SAMPLES.post_move, TODAY)).toBe('moved “Soldes d’hiver” to January 12');
  });

  it('heads the history’s days: today, yesterday, then the day', () => {
    setLocale('fr');
    expect(dayHeading('2026-03-09', TODAY)).toBe('Aujourd’hui');
    expect(dayHeading('2026-03-08', TODAY)).toBe('Hier');
    expect(dayHeading('2026-03-02', TODAY)).toBe('lundi 2 mars');
    setLocale('en');
    expect(dayHeading('2025-12-31', TODAY)).toBe('Wednesday, December 31, 2025');
  });
});
