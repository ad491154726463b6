// Autosave of the charter, one section at a time: typing waits for a pause,
// choices and list changes (add, move, delete) save at once. Saves run one
// after another so an older answer never lands after a newer one.
import type { SectionName } from './sections';

export type ChangeKind = 'text' | 'choice';

/** Pause in typing before a section saves. */
export const AUTOSAVE_DELAY_MS = 500;

export class SectionAutosave {
  private timers = new Map<SectionName, ReturnType<typeof setTimeout>>();
  private pending = new Set<SectionName>();
  private chain: Promise<void> = Promise.resolve();

  /** `save` reports its own errors: a failed save must not stop the next ones. */
  constructor(
    private readonly save: (name: SectionName) => Promise<void>,
    private readonly delayMs = AUTOSAVE_DELAY_MS,
  ) {}

  changed(name: SectionName, kind: ChangeKind): void {
    this.pending.add(name);
    this.clearTimer(name);
    if (kind === 'text') {
      this.timers.set(name, setTimeout(() => void this.flush(name), this.delayMs));
    } else {
      void this.flush(name);
    }
  }

  /** Saves `name` now if it has changes; resolves when every save so far is done. */
  flush(name: SectionName): Promise<void> {
    this.clearTimer(name);
    if (this.pending.delete(name)) {
      this.chain = this.chain.then(() => this.save(name)).catch(() => undefined);
    }
    return this.chain;
  }

  flushAll(): Promise<void> {
    for (const name of [...this.pending]) void this.flush(name);
    return this.chain;
  }

  private clearTimer(name: SectionName): void {
    const timer = this.timers.get(name);
    if (timer) clearTimeout(timer);
    this.timers.delete(name);
  }
}
