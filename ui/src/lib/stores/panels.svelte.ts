// Which dialog is open over the window and which side panel sits beside the
// screen. One of each at a time: opening another replaces it.

export type DialogName =
  | 'keyDates'
  | 'networks'
  | 'planning'
  | 'crisisStart'
  | 'crisisEnd'
  | 'crisisHistory'
  // The brand's own: the brand switcher's actions.
  | 'brandNew'
  | 'brandRename'
  | 'brandDuplicate'
  | 'brandDelete'
  | 'backups';
export type DrawerName = 'checklist' | 'rhythm' | 'history';

export const panels = $state<{ dialog: DialogName | null; drawer: DrawerName | null }>({
  dialog: null,
  drawer: null,
});

export function openDialog(name: DialogName): void {
  panels.dialog = name;
}

export function closeDialog(): void {
  panels.dialog = null;
}

export function openDrawer(name: DrawerName): void {
  panels.drawer = name;
}

export function toggleDrawer(name: DrawerName): void {
  panels.drawer = panels.drawer === name ? null : name;
}

export function closeDrawer(): void {
  panels.drawer = null;
}
