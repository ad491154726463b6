import { afterEach, describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';
import { chooseLocale, setLocale, t } from './index';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('French and English have exactly the same keys', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('every string uses the same placeholders in both languages', () => {
    const frDict = fr as Record<string, string>;
    for (const [key, value] of Object.entries(en as Record<string, string>)) {
      expect(placeholders(frDict[key]), key).toEqual(placeholders(value));
    }
  });

  it('has no empty string', () => {
    for (const dict of [en, fr] as Record<string, string>[]) {
      for (const [key, value] of Object.entries(dict)) expect(value.trim(), key).not.toBe('');
    }
  });
});

describe('t', () => {
  afterEach(() => setLocale('en'));

  it('fills placeholders and follows the current language', () => {
    setLocale('en');
    expect(t('counter.count', { count: 12, limit: 280 })).toBe('12 / 280');
    expect(t('counter.over', { network: 'X', n: 5 })).toBe("Over X's limit by 5 characters");
    setLocale('fr');
    expect(t('counter.over', { network: 'X', n: 5 })).toBe('Dépasse la limite de X de 5 caractères');
  });

  it('uses the singular form for one', () => {
    setLocale('en');
    expect(t('counter.over', { network: 'X', n: 1 })).toBe("Over X's limit by 1 character");
  });

  it('returns an unknown key as is', () => {
    expect(t('no.such.key')).toBe('no.such.key');
  });
});

describe('chooseLocale', () => {
  it('keeps a saved choice', () => {
    expect(chooseLocale('en', 'fr-FR', 'fr')).toBe('en');
    expect(chooseLocale('fr', 'en-US', 'en')).toBe('fr');
  });

  it('falls back to the system locale, then the webview language', () => {
    expect(chooseLocale(null, 'fr-CA', 'en-US')).toBe('fr');
    expect(chooseLocale(null, 'de-DE', 'fr-FR')).toBe('en');
    expect(chooseLocale(null, null, 'fr-BE')).toBe('fr');
    expect(chooseLocale(null, null, 'en-GB')).toBe('en');
    expect(chooseLocale('klingon', null, undefined)).toBe('en');
  });
});
