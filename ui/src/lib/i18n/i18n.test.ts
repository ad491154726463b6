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

  it('has a plain form beside every plural form', () => {
    for (const dict of [en, fr] as Record<string, string>[]) {
      for (const key of Object.keys(dict).filter((k) => k.endsWith('_one'))) expect(dict, key).toHaveProperty([key.slice(0, -4)]);
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

  // Worked out by hand: French says "one" for 0 and below 2, English for 1 alone.
  it.each([
    ['fr', 'counter.countNoLimit', { count: 0 }, undefined, '0 caractère'],
    ['fr', 'counter.countNoLimit', { count: 1 }, undefined, '1 caractère'],
    ['fr', 'counter.countNoLimit', { count: 2 }, undefined, '2 caractères'],
    // A count already written out says which number it is.
    ['fr', 'reminder.hours', { n: '1,5' }, 1.5, '1,5 heure'],
    ['fr', 'reminder.hours', { n: 2 }, undefined, '2 heures'],
    ['fr', 'kpi.csv.validLines', { n: 0 }, undefined, '0 ligne valide'],
    ['en', 'counter.countNoLimit', { count: 0 }, undefined, '0 characters'],
    ['en', 'counter.countNoLimit', { count: 1 }, undefined, '1 character'],
    ['en', 'counter.countNoLimit', { count: 2 }, undefined, '2 characters'],
    ['en', 'reminder.hours', { n: '1.5' }, 1.5, '1.5 hours'],
    ['en', 'kpi.csv.validLines', { n: '1,234' }, 1234, '1,234 valid lines'],
  ] as const)('%s: %s %o gives “%5$s”', (locale, key, params, count, expected) => {
    setLocale(locale);
    expect(t(key, params, count)).toBe(expected);
  });

  it('returns an unknown key as is', () => {
    // @ts-expect-error: a key with no text fails the type check.
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
