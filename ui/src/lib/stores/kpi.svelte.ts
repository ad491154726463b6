// What the KPI panel shows: the period, the network filter, the selected
// KPI and section. Kept here rather than in the screen so that a visit to
// the calendar (to open a top post, say) comes back to the same view.
import type { DashboardQuery } from '../bindings/DashboardQuery';
import { localDate } from '../calendar/dates';
import { periodRange, type DayRange, type PeriodKind } from '../kpi/period';

export type KpiSection = 'dashboard' | 'objectives' | 'observations';

class KpiState {
  section = $state<KpiSection>('dashboard');
  period = $state<PeriodKind>('this_month');
  customStart = $state(localDate(new Date(new Date().getFullYear(), new Date().getMonth(), 1)));
  customEnd = $state(localDate(new Date()));
  networkId = $state<string | null>(null);
  selectedKpiId = $state<string | null>(null);
  /** Bumped after every change to objectives, KPIs, observations or results. */
  revision = $state(0);

  /** The days shown; null while a custom period is incomplete or reversed. */
  get range(): DayRange | null {
    const range = periodRange(this.period, new Date(), { start: this.customStart, end: this.customEnd });
    return range && range.start <= range.end ? range : null;
  }

  get query(): DashboardQuery | null {
    const range = this.range;
    if (!range) return null;
    return {
      start: range.start,
      end: range.end,
      networkId: this.networkId,
      frequencies: null,
      minReach: null,
      minSample: null,
      granularity: null,
    };
  }

  changed(): void {
    this.revision += 1;
  }
}

export const kpiState = new KpiState();
