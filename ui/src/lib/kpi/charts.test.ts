import { beforeEach, describe, expect, it } from 'vitest';
import type { Heatmap } from '../bindings/Heatmap';
import { setLocale } from '../i18n';
import { makeCard } from '../../test/kpiFixtures';
import { heatmapOption, networksOption, niceCeil, trendOption } from './charts';
import { tooltipNode } from './tooltip';

type Series = { type: string; data: unknown[]; markLine?: { data: { yAxis?: number; xAxis?: number }[] } };
type Formatter = (params: unknown) => HTMLElement | string;

beforeEach(() => setLocale('en'));

describe('trend chart', () => {
  it('marks the target and draws the fitted line on to the deadline', () => {
    const card = makeCard();
    const option = trendOption(
      {
        kpiId: card.kpiId,
        target: 1000,
        deadline: '2027-02-01',
        points: [
          { date: '2026-11-01', value: 500 },
          { date: '2026-11-02', value: null },
          { date: '2026-11-03', value: 520 },
        ],
        fit: { origin: '2026-11-01', intercept: 500, slopePerDay: 10 },
      },
      card,
    );
    const [values, fit] = option.series as Series[];
    expect(values.data).toEqual([
      [new Date(2026, 10, 1).getTime(), 500],
      [new Date(2026, 10, 2).getTime(), null],
      [new Date(2026, 10, 3).getTime(), 520],
    ]);
    expect(values.markLine?.data[0].yAxis).toBe(1000);
    expect(values.markLine?.data[1].xAxis).toBe(new Date(2027, 1, 1).getTime());
    // 92 days from 1 November to 1 February: 500 + 920.
    expect(fit.data).toEqual([
      [new Date(2026, 10, 1).getTime(), 500],
      [new Date(2027, 1, 1).getTime(), 1420],
    ]);
    expect((option.yAxis as { max: number }).max).toBe(1500);
  });
});

describe('heatmap', () => {
  const heatmap: Heatmap = {
    minSample: 3,
    cells: [
      { weekday: 0, hour: 9, medianRate: 4.5, sample: 5, sufficient: true },
      { weekday: 2, hour: 18, medianRate: 9, sample: 1, sufficient: false },
      { weekday: 4, hour: 12, medianRate: null, sample: 0, sufficient: false },
    ],
  };

  it('greys the slots with too few posts and leaves empty slots blank', () => {
    const option = heatmapOption(heatmap);
    const [enough, few] = option.series as Series[];
    expect(enough.data).toEqual([[9, 0, 4.5]]);
    expect(few.data).toEqual([[18, 2, 9]]);
    expect((option.visualMap as { max: number; seriesIndex: number }).max).toBe(4.5);
  });

  it('gives the sample size in the tooltip, and why a slot is grey', () => {
    const formatter = (option: ReturnType<typeof heatmapOption>) => (option.tooltip as { formatter: Formatter }).formatter;
    const node = formatter(heatmapOption(heatmap))({ value: [18, 2, 9] }) as HTMLElement;
    expect(node.textContent).toContain('Wednesday, 18h');
    expect(node.textContent).toContain('Posts1');
    expect(node.textContent).toContain('Fewer than 3 posts');
  });
});

describe('bars', () => {
  it('name networks as text in their tooltip', () => {
    const option = networksOption(
      [{ key: 'n1', posts: 4, measured: 3, reach: 1000, impressions: 0, engagements: 50, clicks: 0, engagementRate: 5 }],
      () => '<img src=x onerror=alert(1)>',
    );
    const node = (option.tooltip as { formatter: Formatter }).formatter([{ dataIndex: 0 }]) as HTMLElement;
    expect(node.querySelector('img')).toBeNull();
    expect(node.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(node.textContent).toContain('Engagement rate5%');
  });
});

describe('helpers', () => {
  it('round an axis up', () => {
    expect(niceCeil(1020)).toBe(1200);
    expect(niceCeil(420)).toBe(500);
    expect(niceCeil(0)).toBe(0);
  });

  it('build tooltips from text only', () => {
    const node = tooltipNode('<b>Title</b>', [{ label: '<i>x</i>', value: '1' }], '<script>');
    expect(node.querySelector('b, i, script')).toBeNull();
    expect(node.textContent).toBe('<b>Title</b><i>x</i>1<script>');
  });
});
