// Autosave, for a post, its results and each section of the charter: typing
// waits for a pause, choices save at once, and leaving (closing the panel,
// leaving a field, another screen) saves what is pending. Saves run one after
// another so an older answer never lands after a newer one.
import { Debounce } from './debounce';

export type ChangeKind = 'text' | 'choice';

/**
 * Pause in typing before a change saves. Long enough not to save in the
 * middle of a word (each post save also redraws the calendar, each charter
 * save is one step of Undo); nothing waits on it, since leaving saves at once.
 */
export const AUTOSAVE_DELAY_MS = 500;

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
export class Autosave {
  private readonly debounce = new Debounce();
  private dirty = false;
  private lastOk = true;

  constructor(
    private readonly save: () => Promise<boolean | void>,
    private readonly delayMs = AUTOSAVE_DELAY_MS,
    private readonly queue = new SaveQueue(),
  ) {}

  changed(kind: ChangeKind): void {
    this.dirty = true;
    if (kind === 'text') this.debounce.schedule(() => void this.flush(), this.delayMs);
    else void this.flush();
  }

  /** Saves pending changes now; resolves, once every save so far is done, with whether the latest one saved. */
  flush(): Promise<boolean> {
    this.debounce.cancel();
    if (this.dirty) {
      this.dirty = false;
      this.queue.run(() => this.save()).then(
        (saved) => (this.lastOk = saved !== false),
        () => (this.lastOk = false),
      );
    }
    return this.queue.idle().then(() => this.lastOk);
  }

  /** Saves now, changed or not (the user asked for it). */
  saveNow(): Promise<boolean> {
    this.dirty = true;
    return this.flush();
  }

  /** Drops what is pending (the thing is going away); resolves once the saves under way are done. */
  discard(): Promise<void> {
    this.debounce.cancel();
    this.dirty = false;
    return this.queue.idle();
  }
}

/** Parts of one thing that save themselves each on its own, one save after another (the charter's sections). */
export class AutosaveGroup<K> {
  private readonly queue = new SaveQueue();
  private readonly parts = new Map<K, Autosave>();

  constructor(
    private readonly save: (key: K) => Promise<void>,
    private readonly delayMs = AUTOSAVE_DELAY_MS,
  ) {}

  changed(key: K, kind: ChangeKind): void {
    this.part(key).changed(kind);
  }

  /** Saves every part with pending changes; resolves when every save so far is done. */
  flushAll(): Promise<void> {
    for (const part of this.parts.values()) void part.flush();
    return this.queue.idle();
  }

  private part(key: K): Autosave {
    let part = this.parts.get(key);
    if (!part) {
      part = new Autosave(() => this.save(key), this.delayMs, this.queue);
      this.parts.set(key, part);
    }
    return part;
  }
}
