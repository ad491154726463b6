/// <reference types="svelte" />
/// <reference types="vite/client" />

/** One timed render of the calendar's events (see Calendar.svelte). */
interface TribuRender {
  /** FullCalendar view type, e.g. `dayGridMonth`. */
  view: string;
  /** Posts the backend returned for the visible range. */
  events: number;
  /** Synchronous part: building the events and FullCalendar's render. */
  script: number;
  /** From receiving the posts to the frame after FullCalendar drew them. */
  ms: number;
  /** `performance.now()` at that frame. */
  at: number;
}

/** One timed draw of a KPI panel chart (see components/kpi/Chart.svelte). */
interface TribuChartDraw {
  /** Which chart: `trend`, `networks`, `formats`, `heatmap`. */
  chart: string;
  /** From handing the chart its option to its `finished` event. */
  ms: number;
}

/** One timed load of the whole KPI panel (see lib/kpi/perf.ts). */
interface TribuPanelDraw {
  /** The dashboard command, through IPC. */
  ipc: number;
  /** From the dashboard's arrival to the DOM updated (before the charts draw). */
  dom: number;
  /** From the dashboard's arrival to the last chart's `finished` event. */
  ms: number;
  charts: number;
}

interface Window {
  __tribuPerf?: { renders: TribuRender[]; charts?: TribuChartDraw[]; kpiPanels?: TribuPanelDraw[] };
}
