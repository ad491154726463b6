// Autosave, for a post, its results and each section of the charter: typing
// waits for a pause, choices save at once, and leaving (closing the panel,
// leaving a field, another screen) saves what is pending. Saves run one after
// another so an older answer never lands after a newer one. A save that does
// not go through keeps its change pending: it is tried again by itself (after
// 2 s, 5 s, 15 s, then every 30 s), by the Retry button, and before the
// window closes (stores/pending.ts), never silently dropped.
import { Debounce } from './debounce';
import { currentEpoch, track, untrack, type PendingSave } from './stores/pending';

export type ChangeKind = 'text' | 'choice';

/**
 * What a save function is told when the autosave tries a refused save again
 * by itself (the failure was reported once already, so it need not toast
 * again). A save the user caused gets no argument.
 */
export type SaveAttempt = { retry: true };

/** `attempt` as the save function reads it: no argument, or an automatic retry. */
export const isRetry = (attempt: SaveAttempt | undefined): boolean => attempt?.retry === true;

/**
 * Pause in typing before a change saves. Long enough not to save in the
 * middle of a word (each post save also redraws the calendar, each charter
 * save is one step of Undo); nothing waits on it, since leaving saves at once.
 */
export const AUTOSAVE_DELAY_MS = 500;

/** Waits before each automatic retry of a refused save; the last one repeats. */
export const RETRY_DELAYS_MS: readonly number[] = [2_000, 5_000, 15_000, 30_000];

/** The wait before the retry that follows `failures` failed saves in a row (1 or more). */
export function retryDelay(failures: number): number {
  return RETRY_DELAYS_MS[Math.min(Math.max(failures, 1), RETRY_DELAYS_MS.length) - 1];
}

/** Runs saves one after another; a failed one does not stop the next. */
class SaveQueue {
  private tail: Promise<void> = Promise.resolve();

  /** Runs `save` once every save queued before it is done; settles as it does. */
  run<T>(save: () => Promise<T>): Promise<T> {
    const result = this.tail.then(save);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Resolves once every save queued so far is done. */
  idle(): Promise<void> {
    return this.tail;
  }
}

/**
 * One thing that saves itself. `save` reports its own errors and resolves
 * with `false` when it did not save (a rejection counts as not saved).
 */
export class Autosave implements PendingSave {
  private readonly debounce = new Debounce();
  private readonly retryTimer = new Debounce();
  /** Changes no save has carried yet. */
  private dirty = false;
  /** The latest save did not go through: what it carried is still to save. */
  private failed = false;
  /** Failed saves in a row (the retries' back-off). */
  private failures = 0;
  private running = 0;
  private lastOk = true;
  /** Bumped by `discard`: a save under way then no longer counts. */
  private generation = 0;
  /** The brand opening this thing belongs to. */
  private readonly epoch = currentEpoch();

  constructor(
    private readonly save: (attempt?: SaveAttempt) => Promise<boolean | void>,
    private readonly delayMs = AUTOSAVE_DELAY_MS,
    private readonly queue = new SaveQueue(),
  ) {}

  /** True while something is not saved yet: waiting, under way or refused. */
  get unsaved(): boolean {
    return this.dirty || this.failed || this.running > 0;
  }

  changed(kind: ChangeKind): void {
    this.dirty = true;
    this.follow();
    if (kind === 'text') this.debounce.schedule(() => void this.flush(), this.delayMs);
    else void this.flush();
  }

  /**
   * Saves the changes made since the last save now; resolves, once every
   * save so far is done, with whether the latest one saved. A change whose
   * save was refused waits for its retry (`retry`, or the timer's).
   */
  flush(): Promise<boolean> {
    this.debounce.cancel();
    if (this.dirty) this.start(false);
    return this.done();
  }

  /** Saves now, changed or not (the user asked for it). */
  saveNow(): Promise<boolean> {
    this.dirty = true;
    return this.flush();
  }

  /** Tries a refused save again now (the Retry button); resolves with whether it saved. */
  retry(): Promise<boolean> {
    this.debounce.cancel();
    if (this.dirty || this.failed) this.start(false);
    return this.done();
  }

  /** Saves everything left, a refused save included; resolves with whether nothing is left (stores/pending.ts). */
  settle(): Promise<boolean> {
    this.debounce.cancel();
    if (this.dirty || this.failed) this.start(true);
    return this.queue.idle().then(() => !this.unsaved);
  }

  /** Drops what is pending (the thing is going away); resolves once the saves under way are done. */
  discard(): Promise<void> {
    this.generation += 1;
    this.debounce.cancel();
    this.retryTimer.cancel();
    this.dirty = false;
    this.failed = false;
    this.failures = 0;
    untrack(this);
    return this.queue.idle();
  }

  private done(): Promise<boolean> {
    return this.queue.idle().then(() => this.lastOk);
  }

  private start(retry: boolean): void {
    this.retryTimer.cancel();
    this.dirty = false;
    this.running += 1;
    this.follow();
    const generation = this.generation;
    // The queue runs the save's own promise (no extra step before the next
    // save); what it says is read beside it, before the queue moves on.
    void this.queue.run(() => {
      const saving = this.call(retry);
      const after = (ok: boolean) => {
        this.running -= 1;
        if (generation === this.generation) this.settled(ok);
        this.follow();
      };
      saving.then(
        (saved) => after(saved !== false),
        () => after(false),
      );
      return saving;
    });
  }

  private call(retry: boolean): Promise<boolean | void> {
    // Another brand is open: this change cannot be written where it belongs.
    if (this.epoch !== currentEpoch()) return Promise.resolve(false);
    try {
      return retry ? this.save({ retry }) : this.save();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private settled(ok: boolean): void {
    this.lastOk = ok;
    if (ok) {
      this.failed = false;
      this.failures = 0;
      return;
    }
    if (this.epoch !== currentEpoch()) {
      this.failed = false;
      return;
    }
    this.failed = true;
    this.failures += 1;
    // A save still queued, or a change waiting for its pause, carries it anyway.
    if (this.running === 0 && !this.dirty) {
      this.retryTimer.schedule(() => {
        if (this.failed && !this.dirty && this.running === 0) this.start(true);
      }, retryDelay(this.failures));
    }
  }

  /** Listed among what is left to save exactly while something is. */
  private follow(): void {
    if (this.unsaved) track(this);
    else untrack(this);
  }
}

/** Parts of one thing that save themselves each on its own, one save after another (the charter's sections). */
export class AutosaveGroup<K> {
  private readonly queue = new SaveQueue();
  private readonly parts = new Map<K, Autosave>();

  constructor(
    private readonly save: (key: K, attempt?: SaveAttempt) => Promise<boolean | void>,
    private readonly delayMs = AUTOSAVE_DELAY_MS,
  ) {}

  changed(key: K, kind: ChangeKind): void {
    this.part(key).changed(kind);
  }

  /** True while a part has something not saved yet: waiting, under way or refused. */
  get unsaved(): boolean {
    return [...this.parts.values()].some((part) => part.unsaved);
  }

  /** Saves every part with pending changes; resolves when every save so far is done. */
  flushAll(): Promise<void> {
    for (const part of this.parts.values()) void part.flush();
    return this.queue.idle();
  }

  /** Tries every refused part again now; resolves with whether all of them saved. */
  async retryAll(): Promise<boolean> {
    const results = await Promise.all([...this.parts.values()].filter((part) => part.unsaved).map((part) => part.retry()));
    return results.every(Boolean);
  }

  private part(key: K): Autosave {
    let part = this.parts.get(key);
    if (!part) {
      part = new Autosave((attempt) => (attempt ? this.save(key, attempt) : this.save(key)), this.delayMs, this.queue);
      this.parts.set(key, part);
    }
    return part;
  }
}
