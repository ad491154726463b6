// The charter as the window last heard of it: bumped whenever a committed
// write touched it (a section saved here, an undo from the Edit menu, an
// import, another program), so the charter screen reads it again.
export const charterState = $state<{ revision: number }>({ revision: 0 });

export function charterChanged(): void {
  charterState.revision += 1;
}
