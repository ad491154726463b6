// The running crisis, if any: loaded at startup (a crisis survives a
// restart), changed only through these methods, which call the backend and
// keep what it answers. Starting and ending change posts' statuses: the
// calendar reloads on the `changed` event that follows (stores/changes.ts).
import { api } from '../api';
import type { CrisisState } from '../bindings/CrisisState';

class CrisisStore {
  /** The running crisis; null when none runs. */
  current = $state<CrisisState | null>(null);
  active = $derived(this.current !== null);

  async load(): Promise<void> {
    this.current = await api.crisisState();
  }

  async start(note: string): Promise<CrisisState> {
    const crisis = await api.crisisStart(note.trim());
    this.current = crisis;
    return crisis;
  }

  /** Ends the crisis; resolves with it as it closed (its log says how many posts came back). */
  async end(): Promise<CrisisState> {
    const crisis = await api.crisisEnd();
    this.current = null;
    return crisis;
  }

  async tick(stepId: string, done: boolean): Promise<void> {
    this.current = await api.crisisTick(stepId, done);
  }

  async addNote(text: string): Promise<void> {
    this.current = await api.crisisLogAdd(text.trim());
  }
}

export const crisisStore = new CrisisStore();
