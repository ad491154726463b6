import en from './en.json';
import fr from './fr.json';

export type Locale = 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['fr', 'en'];

type Dictionary = Record<string, string>;
const dictionaries: Record<Locale, Dictionary> = { en, fr };

// One reactive cell: every `t()` call made while rendering reads it, so a
// language switch re-renders exactly the text that depends on it.
const state = $state<{ locale: Locale }>({ locale: 'fr' });

export function currentLocale(): Locale {
  return state.locale;
}

export function setLocale(locale: Locale): void {
  state.locale = locale;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

export function hasKey(key: string): boolean {
  return key in dictionaries[state.locale];
}

/**
 * Looks `key` up in the current language and fills `{name}` placeholders.
 * When `params.n` (or `params.count`) is 1 and a `key_one` entry exists, that
 * singular form is used. An unknown key is returned as is so a missing string
 * is visible rather than blank.
 */
export function t(key: string, params: Record<string, string | number> = {}): string {
  const dict = dictionaries[state.locale];
  const n = params.n ?? params.count;
  const singular = n === 1 ? dict[`${key}_one`] : undefined;
  const template = singular ?? dict[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/**
 * The language to start in: the one the user saved, else French when the
 * operating system (or, failing that, the webview) speaks French, else English.
 */
export function chooseLocale(
  saved: string | null | undefined,
  systemLocale: string | null | undefined,
  navigatorLanguage?: string | null,
): Locale {
  if (isLocale(saved)) return saved;
  const hint = systemLocale || navigatorLanguage || '';
  return hint.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
