// Hand-built KPI panel data for the component tests.
import type { Dashboard } from '../lib/bindings/Dashboard';
import type { KpiCard } from '../lib/bindings/KpiCard';
import type { KpiObjective } from '../lib/bindings/KpiObjective';

export function makeCard(overrides: Partial<KpiCard> = {}): KpiCard {
  return {
    kpiId: 'kpi-1',
    objectiveId: 'obj-1',
    objectiveTitle: 'Awareness',
    name: 'Followers on X',
    metric: 'followers',
    aggregation: 'last',
    networkId: 'net-x',
    direction: 'up',
    source: 'observations',
    current: 600,
    toDate: 600,
    base: 500,
    target: 1000,
    progress: 20,
    growth: 5,
    projection: 1100,
    onTrack: true,
    startDate: '2026-11-01',
    deadline: '2027-02-01',
    sparkline: [
      { date: '2026-11-01', value: 500 },
      { date: '2026-11-08', value: null },
      { date: '2026-11-15', value: 600 },
    ],
    ...overrides,
  };
}

export function makeDashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  const cards = overrides.cards ?? [makeCard()];
  return {
    start: '2026-11-01',
    end: '2026-11-22',
    networkId: null,
    granularity: 'day',
    cards,
    trends: cards.map((c) => ({ kpiId: c.kpiId, target: c.target, deadline: c.deadline, points: c.sparkline, fit: null })),
    networks: [],
    heatmap: { minSample: 3, cells: [] },
    formats: [],
    themes: [],
    top: [],
    flop: [],
    regularity: [],
    totals: {
      publishedPosts: 0,
      measuredPosts: 0,
      reach: 0,
      impressions: 0,
      engagements: 0,
      clicks: 0,
      engagementRate: null,
      flaggedPosts: 0,
    },
    minReach: 100,
    formulas: [
      { key: 'engagement_rate', fr: 'Taux d’engagement = …', en: 'Engagement rate = (reactions + comments + shares + saves) / reach × 100' },
      { key: 'period_rate', fr: 'Taux sur plusieurs publications = …', en: 'Rate over several posts = …' },
      { key: 'progress', fr: 'Progression = …', en: 'Progress = …' },
      { key: 'projection', fr: 'Projection = …', en: 'Projection = …' },
    ],
    ...overrides,
  };
}

export function makeObjective(overrides: Partial<KpiObjective> = {}): KpiObjective {
  return {
    id: 'obj-1',
    kind: 'awareness',
    title: 'Awareness',
    notes: '',
    position: 0,
    createdAt: '2026-11-01T00:00:00Z',
    kpis: [
      {
        id: 'kpi-1',
        objectiveId: 'obj-1',
        name: 'Followers on X',
        metric: 'followers',
        networkId: 'net-x',
        target: 1000,
        baseline: 500,
        startDate: '2026-11-01',
        deadline: '2027-02-01',
        direction: 'up',
        position: 0,
      },
    ],
    ...overrides,
  };
}
