// The choices the objective and KPI forms offer, in a useful order.
import type { Direction } from '../bindings/Direction';
import type { Metric } from '../bindings/Metric';
import type { ObjectiveKind } from '../bindings/ObjectiveKind';

export const OBJECTIVE_KINDS: readonly ObjectiveKind[] = ['awareness', 'engagement', 'loyalty', 'growth', 'traffic', 'custom'];

export const METRICS: readonly Metric[] = [
  'followers',
  'reach',
  'impressions',
  'mentions',
  'engagements',
  'engagement_rate',
  'reactions',
  'comments',
  'shares',
  'saves',
  'messages',
  'response_time_minutes',
  'clicks',
  'website_visits',
  'conversions',
];

/** The metrics each kind of objective is usually measured with (shown first). */
export const TYPICAL_METRICS: Record<ObjectiveKind, readonly Metric[]> = {
  awareness: ['followers', 'reach', 'impressions', 'mentions'],
  engagement: ['engagement_rate', 'engagements', 'reactions', 'comments', 'shares'],
  loyalty: ['engagement_rate', 'messages', 'response_time_minutes', 'comments'],
  growth: ['followers'],
  traffic: ['clicks', 'website_visits', 'conversions'],
  custom: [],
};

/** The direction a KPI on `metric` usually takes (as the core's `Metric::usual_direction`). */
export function usualDirection(metric: Metric): Direction {
  return metric === 'response_time_minutes' ? 'down' : 'up';
}
