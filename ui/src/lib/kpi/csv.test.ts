import { describe, expect, it } from 'vitest';
import type { CsvPreviewPage } from '../bindings/CsvPreviewPage';
import { droppedPath, pageRange } from './csv';

const data = (uriList: string) => ({ getData: (type: string) => (type === 'text/uri-list' ? uriList : '') });

describe('droppedPath', () => {
  it('takes the path of a file the file manager dropped', () => {
    expect(droppedPath(data('file:///home/l%C3%A9a/stats%202026.csv\r\n'))).toBe('/home/léa/stats 2026.csv');
    expect(droppedPath(data('# a comment\nfile://localhost/tmp/a.csv'))).toBe('/tmp/a.csv');
  });

  it('gives nothing for a drop without a local file', () => {
    expect(droppedPath(data(''))).toBeNull();
    expect(droppedPath(data('https://example.org/a.csv'))).toBeNull();
    expect(droppedPath(data('file://server/share/a.csv'))).toBeNull();
    expect(droppedPath(null)).toBeNull();
  });
});

describe('pageRange', () => {
  const page = (index: number, count: number) =>
    ({ page: index, pageSize: 50, lines: Array.from({ length: count }, () => ({})) }) as unknown as CsvPreviewPage;

  it('numbers the lines of the page among those shown', () => {
    expect(pageRange(page(0, 50))).toEqual({ first: 1, last: 50 });
    expect(pageRange(page(2, 20))).toEqual({ first: 101, last: 120 });
    expect(pageRange(page(0, 0))).toEqual({ first: 0, last: 0 });
  });
});
