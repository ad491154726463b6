// The options of the panel's charts, built from the dashboard. Pure
// functions of their input (and the UI language), so they are tested
// without a canvas.
import type { GroupResults } from '../bindings/GroupResults';
import type { Heatmap } from '../bindings/Heatmap';
import type { KpiCard } from '../bindings/KpiCard';
import type { KpiTrend } from '../bindings/KpiTrend';
import { currentLocale, t } from '../i18n';
import { isPostFormat } from '../posts';
import type { ChartOption } from './echarts';
import { formatMetric, formatNumber, formatPercent, isFiniteNumber, parseDay, weekdayNames } from './format';
import { tooltipNode } from './tooltip';

export const COLORS = {
  value: '#4f46e5',
  second: '#0ea5a4',
  target: '#1f7a45',
  projection: '#9aa3ae',
  insufficient: '#e3e6ea',
  heat: ['#eef0ff', '#a5b4fc', '#4f46e5', '#312e81'],
};

const TEXT = { color: '#5b6370', fontSize: 11 };
const AXIS_LINE = { lineStyle: { color: '#c3c9d1' } };
const SPLIT_LINE = { lineStyle: { color: '#eef0f3' } };
const TOOLTIP = {
  backgroundColor: '#ffffff',
  borderColor: '#dde1e6',
  textStyle: { color: '#1f2328', fontSize: 12 },
  extraCssText: 'box-shadow: 0 4px 16px rgba(16,24,40,0.1); border-radius: 6px;',
  confine: true,
};
const DAY_MS = 86_400_000;

/** A round number at or above `value` (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k). */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (value <= step * power) return step * power;
  return 10 * power;
}

/** A round number at or below `value`, for axes that do not start at zero. */
export function niceFloor(value: number): number {
  if (!(value > 0)) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  return Math.floor(value / power) * power;
}

function dayTime(day: string): number | null {
  return parseDay(day)?.getTime() ?? null;
}

/** Days between two `YYYY-MM-DD` (calendar days, no DST drift). */
function daysBetween(a: string, b: string): number {
  const [ta, tb] = [dayTime(a), dayTime(b)];
  return ta === null || tb === null ? 0 : Math.round((tb - ta) / DAY_MS);
}

type AxisParams = { axisValue?: string | number; dataIndex: number; seriesName?: string; value?: unknown; color?: unknown };

const shortDate = (locale: string) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
const longDate = (locale: string) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });

/**
 * A KPI's values over the period, its target as a mark line and the fitted
 * line drawn on to the deadline (the projection).
 */
export function trendOption(trend: KpiTrend, card: KpiCard): ChartOption {
  const locale = currentLocale();
  const fmt = (v: number | null | undefined) => formatMetric(v, card.metric, locale);
  const values: [number, number | null][] = [];
  for (const point of trend.points) {
    const time = dayTime(point.date);
    if (time !== null) values.push([time, isFiniteNumber(point.value) ? point.value : null]);
  }
  const fit: [number, number][] = [];
  const first = trend.points[0]?.date;
  if (trend.fit && first) {
    const { origin, intercept, slopePerDay } = trend.fit;
    const last = trend.points[trend.points.length - 1].date;
    const end = trend.deadline > last ? trend.deadline : last;
    for (const day of [first, end]) {
      const time = dayTime(day);
      const value = intercept + slopePerDay * daysBetween(origin, day);
      if (time !== null && Number.isFinite(value)) fit.push([time, value]);
    }
  }
  const deadline = dayTime(trend.deadline);
  const known = [...values.map((v) => v[1]), ...fit.map((v) => v[1]), trend.target].filter(isFiniteNumber);
  const top = Math.max(...known);
  const bottom = Math.min(...known);
  const short = shortDate(locale);
  const long = longDate(locale);
  return {
    animation: false,
    grid: { left: 8, right: 40, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 16, itemHeight: 8, textStyle: TEXT },
    tooltip: {
      ...TOOLTIP,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = (Array.isArray(params) ? params : [params]) as AxisParams[];
        const time = Number((list[0]?.value as [number, unknown] | undefined)?.[0]);
        return tooltipNode(
          Number.isFinite(time) ? long.format(new Date(time)) : '',
          list.map((p) => ({
            label: p.seriesName ?? '',
            value: fmt((p.value as [number, number | null])[1]),
            color: typeof p.color === 'string' ? p.color : undefined,
          })),
        );
      },
    },
    xAxis: {
      type: 'time',
      axisLine: AXIS_LINE,
      axisLabel: { ...TEXT, hideOverlap: true, formatter: (value: number) => short.format(new Date(value)) },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      scale: true,
      min: bottom >= 0 && bottom < (top - bottom) * 0.6 ? 0 : niceFloor(bottom),
      max: niceCeil(top * 1.02),
      axisLabel: { ...TEXT, formatter: (value: number) => fmt(value) },
      splitLine: SPLIT_LINE,
    },
    series: [
      {
        type: 'line',
        name: t('kpi.trend.value'),
        data: values,
        showSymbol: values.length <= 40,
        symbolSize: 5,
        connectNulls: false,
        lineStyle: { width: 2, color: COLORS.value },
        itemStyle: { color: COLORS.value },
        markLine: {
          silent: true,
          symbol: 'none',
          data: [
            {
              yAxis: trend.target,
              name: t('kpi.trend.target'),
              lineStyle: { color: COLORS.target, type: 'solid', width: 1.5 },
              label: { formatter: () => t('kpi.trend.targetLabel', { value: fmt(trend.target) }), position: 'insideStartTop', color: COLORS.target, fontSize: 11 },
            },
            ...(deadline === null
              ? []
              : [
                  {
                    xAxis: deadline,
                    name: t('kpi.trend.deadline'),
                    lineStyle: { color: COLORS.projection, type: 'dotted' as const, width: 1 },
                    label: { formatter: () => t('kpi.trend.deadline'), position: 'end' as const, color: TEXT.color, fontSize: 11 },
                  },
                ]),
          ],
        },
      },
      {
        type: 'line',
        name: t('kpi.trend.projection'),
        data: fit,
        showSymbol: false,
        lineStyle: { width: 1.5, type: 'dashed', color: COLORS.projection },
        itemStyle: { color: COLORS.projection },
        tooltip: { show: false },
      },
    ],
  };
}

/** Two series on one category axis, counts on the left and rates on the right. */
function countAndRateOption(
  groups: GroupResults[],
  categoryLabel: (key: string) => string,
  count: { name: string; value: (g: GroupResults) => number },
  rateName: string,
): ChartOption {
  const locale = currentLocale();
  const labels = groups.map((g) => categoryLabel(g.key));
  const counts = groups.map(count.value);
  const rates = groups.map((g) => (isFiniteNumber(g.engagementRate) ? g.engagementRate : null));
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 8, textStyle: TEXT },
    tooltip: {
      ...TOOLTIP,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const list = (Array.isArray(params) ? params : [params]) as AxisParams[];
        const index = list[0]?.dataIndex ?? 0;
        const group = groups[index];
        if (!group) return '';
        return tooltipNode(labels[index], [
          { label: count.name, value: formatNumber(count.value(group), locale, 0), color: COLORS.value },
          { label: rateName, value: formatPercent(group.engagementRate, locale, 2), color: COLORS.second },
          { label: t('kpi.posts'), value: t('kpi.measuredOf', { measured: formatNumber(group.measured, locale), posts: formatNumber(group.posts, locale) }) },
        ]);
      },
    },
    xAxis: {
      type: 'category',
      data: labels,
      axisLine: AXIS_LINE,
      axisTick: { show: false },
      // Every name shown: slanted when there are many, cut when too long.
      axisLabel: { ...TEXT, interval: 0, rotate: labels.length > 4 ? 30 : 0, width: 84, overflow: 'truncate' },
    },
    yAxis: [
      {
        type: 'value',
        axisLabel: { ...TEXT, formatter: (v: number) => formatNumber(v, locale, 0) },
        splitLine: SPLIT_LINE,
      },
      {
        type: 'value',
        axisLabel: { ...TEXT, formatter: (v: number) => formatPercent(v, locale, 1) },
        splitLine: { show: false },
      },
    ],
    series: [
      { type: 'bar', name: count.name, data: counts, yAxisIndex: 0, itemStyle: { color: COLORS.value, borderRadius: [3, 3, 0, 0] }, barMaxWidth: 28 },
      { type: 'bar', name: rateName, data: rates, yAxisIndex: 1, itemStyle: { color: COLORS.second, borderRadius: [3, 3, 0, 0] }, barMaxWidth: 28 },
    ],
  };
}

export function networksOption(groups: GroupResults[], networkName: (id: string) => string): ChartOption {
  return countAndRateOption(groups, networkName, { name: t('kpi.reach'), value: (g) => g.reach }, t('kpi.engagementRate'));
}

export function formatsOption(groups: GroupResults[]): ChartOption {
  return countAndRateOption(
    groups,
    (key) => (isPostFormat(key) ? t(`format.${key}`) : key),
    { name: t('kpi.publishedPosts'), value: (g) => g.posts },
    t('kpi.engagementRate'),
  );
}

/**
 * The week hour by hour: the median engagement rate of each slot, with the
 * slots of too few posts in grey (they are told apart in the tooltip).
 */
export function heatmapOption(heatmap: Heatmap): ChartOption {
  const locale = currentLocale();
  const days = weekdayNames(locale, 'short');
  const longDays = weekdayNames(locale, 'long');
  const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
  const sufficient: [number, number, number][] = [];
  const insufficient: [number, number, number][] = [];
  const cells = new Map<string, (typeof heatmap.cells)[number]>();
  let max = 0;
  for (const cell of heatmap.cells) {
    if (cell.sample === 0 || !isFiniteNumber(cell.medianRate)) continue;
    cells.set(`${cell.hour}:${cell.weekday}`, cell);
    if (cell.sufficient) {
      sufficient.push([cell.hour, cell.weekday, cell.medianRate]);
      max = Math.max(max, cell.medianRate);
    } else {
      insufficient.push([cell.hour, cell.weekday, cell.medianRate]);
    }
  }
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 8, bottom: 48, containLabel: true },
    tooltip: {
      ...TOOLTIP,
      trigger: 'item',
      formatter: (params: unknown) => {
        const value = (params as { value?: [number, number, number] }).value;
        if (!value) return '';
        const cell = cells.get(`${value[0]}:${value[1]}`);
        if (!cell) return '';
        return tooltipNode(
          t('kpi.heatmap.slot', { day: longDays[cell.weekday], hour: hours[cell.hour] }),
          [
            { label: t('kpi.heatmap.median'), value: formatPercent(cell.medianRate, locale, 2) },
            { label: t('kpi.heatmap.sample'), value: formatNumber(cell.sample, locale) },
          ],
          cell.sufficient ? undefined : t('kpi.heatmap.insufficient', { n: heatmap.minSample }),
        );
      },
    },
    xAxis: {
      type: 'category',
      data: hours,
      splitArea: { show: false },
      axisLine: AXIS_LINE,
      axisTick: { show: false },
      axisLabel: { ...TEXT, interval: 1 },
    },
    yAxis: {
      type: 'category',
      data: days,
      inverse: true,
      axisLine: AXIS_LINE,
      axisTick: { show: false },
      axisLabel: TEXT,
    },
    visualMap: {
      type: 'continuous',
      seriesIndex: 0,
      min: 0,
      max: max > 0 ? max : 1,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      itemWidth: 10,
      text: [formatPercent(max, locale, 1), formatPercent(0, locale)],
      formatter: (value: unknown) => formatPercent(Number(value), locale, 1),
      textStyle: TEXT,
      inRange: { color: COLORS.heat },
    },
    series: [
      {
        type: 'heatmap',
        name: t('kpi.heatmap.median'),
        data: sufficient,
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: '#1f2328', borderWidth: 1 } },
      },
      {
        type: 'heatmap',
        name: t('kpi.heatmap.fewPosts'),
        data: insufficient,
        itemStyle: { color: COLORS.insufficient, borderColor: '#ffffff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: '#1f2328', borderWidth: 1 } },
      },
    ],
  };
}
