// The arrow keys of the top bar's menus (brand, Edit, settings): one place
// for how focus moves between a menu's entries, as desktop menus do.

/**
 * Moves the focus among `entries` for ArrowDown, ArrowUp (both wrapping;
 * from outside the menu, down goes to the first entry and up to the last),
 * Home and End; returns whether `event` was one of them (it is then
 * prevented, so the page does not scroll).
 */
export function moveMenuFocus(event: KeyboardEvent, entries: HTMLElement[]): boolean {
  if (entries.length === 0) return false;
  const index = entries.indexOf(document.activeElement as HTMLElement);
  let next: number;
  if (event.key === 'ArrowDown') next = (index + 1) % entries.length;
  else if (event.key === 'ArrowUp') next = index < 0 ? entries.length - 1 : (index - 1 + entries.length) % entries.length;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = entries.length - 1;
  else return false;
  event.preventDefault();
  entries[next]?.focus();
  return true;
}
