import en from './en.json';
import fr from './fr.json';

export type Locale = 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['fr', 'en'];

/** Every key of either language: each dictionary must hold all of them. */
type AnyKey = keyof typeof fr | keyof typeof en;

/**
 * A text `t()` knows. Plural forms (`key_one`) are picked by `t()`, never
 * asked for by name.
 */
export type MessageKey = Exclude<keyof typeof fr & keyof typeof en, `${string}_one`>;

/** What fills a text's `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

// A key in one language and not in the other fails the type check here,
// which names it.
const dictionaries: Record<Locale, Readonly<Record<AnyKey, string>>> = { en, fr };

const pluralRules: Record<Locale, Intl.PluralRules> = {
  en: new Intl.PluralRules('en'),
  fr: new Intl.PluralRules('fr'),
};

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

/**
 * Looks `key` up in the current language and fills `{name}` placeholders.
 * The plural form follows the language's rules for `count`, by default
 * `params.n` (or `params.count`) when it is a number: `key_one` where the
 * language says "one" (French: 0, 1 and 1.5; English: 1 alone), else `key`.
 * Pass `count` when `n` is already written out (`1 234`). An unknown key is
 * returned as is so a missing string is visible rather than blank.
 */
export function t(key: MessageKey, params: MessageParams = {}, count: number | null = countOf(params)): string {
  const dict: Readonly<Record<string, string>> = dictionaries[state.locale];
  const plural = count === null ? undefined : dict[`${key}_${pluralRules[state.locale].select(count)}`];
  const template = plural ?? dict[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

function countOf(params: MessageParams): number | null {
  const n = params.n ?? params.count;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
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
