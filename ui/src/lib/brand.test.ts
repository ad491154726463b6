import { afterEach, describe, expect, it } from 'vitest';
import type { BackupInfo } from './bindings/BackupInfo';
import { formatSize, initialOf, lastGoodBackup, newestFirst } from './brand';
import { setLocale } from './i18n';

const backup = (file: string, takenAt: string, brand: string | null = 'Acme'): BackupInfo => ({
  file,
  kind: 'daily',
  takenAt,
  size: 1,
  posts: 0,
  brand,
});

afterEach(() => setLocale('en'));

describe('formatSize', () => {
  // By hand: 1 KB = 1 024 bytes, 1 MB = 1 048 576 bytes, 1 GB = 1 073 741 824 bytes.
  it.each([
    ['en', 0, '0 KB'],
    ['en', 1, '1 KB'],
    ['en', 348_160, '340 KB'],
    ['en', 1_048_575, '1,024 KB'],
    ['en', 1_048_576, '1.0 MB'],
    ['en', 2_516_582, '2.4 MB'],
    ['en', 3_221_225_472, '3.0 GB'],
    ['fr', 348_160, '340 ko'],
    ['fr', 2_516_582, '2,4 Mo'],
  ] as const)('%s: %d bytes is %s', (locale, bytes, expected) => {
    setLocale(locale);
    // French groups thousands with a narrow no-break space.
    expect(formatSize(bytes, locale).replace(/\u202f|\u00a0/g, ' ')).toBe(expected);
  });
});

describe('lastGoodBackup', () => {
  it('is the newest backup whose contents could be read', () => {
    const damaged = backup('c', '2026-03-06T08:00:00Z', null);
    const good = backup('b', '2026-03-05T08:00:00Z');
    const older = backup('a', '2026-03-04T08:00:00Z');
    expect(newestFirst([older, damaged, good]).map((b) => b.file)).toEqual(['c', 'b', 'a']);
    expect(lastGoodBackup([older, damaged, good])?.file).toBe('b');
    expect(lastGoodBackup([damaged])?.file).toBe('c');
    expect(lastGoodBackup([])).toBeNull();
  });
});

describe('initialOf', () => {
  it('takes the first letter, capitalised, emoji and accents included', () => {
    expect(initialOf('  acme')).toBe('A');
    expect(initialOf('éclat')).toBe('É');
    expect(initialOf('🌿 Verde')).toBe('🌿');
    expect(initialOf('')).toBe('?');
  });
});
