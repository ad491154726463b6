// Which screen fills the window. The calendar is unmounted while the charter
// or the KPI panel is shown (and recreated on the way back), so it keeps no stale instance.
import { closeEditor } from './editor.svelte';

export type Screen = 'calendar' | 'charter' | 'kpi';

export const navState = $state<{ screen: Screen }>({ screen: 'calendar' });

export function showScreen(screen: Screen): void {
  if (screen === navState.screen) return;
  // The post panel belongs to the calendar; closing it flushes its pending save.
  if (screen !== 'calendar') closeEditor();
  navState.screen = screen;
}
