// Benchmark hooks of the KPI panel, read by tests/bench/kpi-charts.mjs:
// `window.__tribuPerf.charts` gets `{ chart, ms }` per chart draw (from
// setOption to the chart's `finished` event) and `kpiPanels` gets one entry
// per load of the panel (from the dashboard's arrival to the last chart's
// `finished`), with the IPC time and the DOM update apart.

function perf() {
  return (window.__tribuPerf ??= { renders: [] });
}

export function recordChart(chart: string, ms: number): void {
  (perf().charts ??= []).push({ chart, ms });
}

let panel: { ipc: number; arrived: number; dom: number; pending: number; charts: number } | null = null;

/** The dashboard arrived after `ipc` ms; the charts it feeds are about to draw. */
export function panelArrived(ipc: number): void {
  panel = { ipc, arrived: performance.now(), dom: 0, pending: 0, charts: 0 };
  // A panel with no chart to draw is done once painted.
  requestAnimationFrame(() => requestAnimationFrame(() => settle()));
}

/** The panel's DOM is up to date with the dashboard (charts not drawn yet). */
export function panelUpdated(): void {
  if (panel) panel.dom = performance.now() - panel.arrived;
}

/** A chart started drawing; returns the function to call when it finished. */
export function chartStarted(): () => void {
  const current = panel;
  if (!current) return () => undefined;
  current.pending += 1;
  current.charts += 1;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    current.pending -= 1;
    if (current === panel) settle();
  };
}

function settle(): void {
  const current = panel;
  if (!current || current.pending > 0) return;
  panel = null;
  (perf().kpiPanels ??= []).push({
    ipc: current.ipc,
    dom: current.dom,
    ms: performance.now() - current.arrived,
    charts: current.charts,
  });
}
