// Which screen fills the window. The calendar is unmounted while the charter
// or the KPI panel is shown (and recreated on the way back), so it keeps no stale instance.
import type { SectionName } from '../charter/sections';
import { closeEditor } from './editor.svelte';

export type Screen = 'calendar' | 'charter' | 'kpi';

export const navState = $state<{ screen: Screen; charterSection: SectionName | null }>({
  screen: 'calendar',
  // A section another screen asked the charter to show; the charter takes it and clears it.
  charterSection: null,
});

export function showScreen(screen: Screen): void {
  if (screen === navState.screen) return;
  // The post panel belongs to the calendar; closing it flushes its pending save.
  if (screen !== 'calendar') closeEditor();
  navState.screen = screen;
}

/** Opens the charter on one section (the crisis plan, the network guidelines). */
export function showCharterSection(section: SectionName): void {
  navState.charterSection = section;
  showScreen('charter');
}
