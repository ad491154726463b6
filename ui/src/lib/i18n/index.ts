// Public face of the translations; the reactive state lives in a `.svelte.ts`
// module because runes are only compiled there.
export { t, setLocale, currentLocale, chooseLocale, isLocale, LOCALES } from './locale.svelte';
export type { Locale, MessageKey, MessageParams } from './locale.svelte';
