// One call waiting at a time: a new one replaces the one still waiting, so a
// burst of changes (typing, a batch of events) ends in one run.
export class Debounce {
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** Runs `run` once `delayMs` has passed without another call. */
  schedule(run: () => void, delayMs: number): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = null;
      run();
    }, delayMs);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
