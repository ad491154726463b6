// The scheduling settings the calendar and the editor read (audience zone,
// default reminder lead), and which clock the calendar shows: the audience's
// or this computer's. That choice is the user's, kept in localStorage.
import { api } from '../api';
import type { ScheduleSettings } from '../bindings/ScheduleSettings';
import { computerZone, sameZone } from '../calendar/zones';

export type ZoneMode = 'audience' | 'computer';

const STORAGE_KEY = 'tribu.calendar.zone';

function readMode(): ZoneMode {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'audience' ? 'audience' : 'computer';
  } catch {
    return 'computer';
  }
}

function isSettings(value: unknown): value is ScheduleSettings {
  return typeof value === 'object' && value !== null && typeof (value as ScheduleSettings).audienceZone === 'string';
}

class ScheduleState {
  settings = $state<ScheduleSettings | null>(null);
  zoneMode = $state<ZoneMode>(readMode());

  /** The audience's zone: new posts are planned in it. */
  get audienceZone(): string {
    return this.settings?.audienceZone || computerZone();
  }

  /**
   * This computer's zone as the window's clock shows it. (The backend's
   * `systemZone` reads the system configuration only and can differ when the
   * app is started with its own TZ.)
   */
  get computerZone(): string {
    return computerZone();
  }

  /** True when the toggle has nothing to switch between. */
  get sameZones(): boolean {
    return sameZone(this.audienceZone, this.computerZone);
  }

  /** The zone the calendar shows its times in. */
  get displayZone(): string {
    return this.zoneMode === 'audience' ? this.audienceZone : this.computerZone;
  }

  /** Minutes before a post its reminder comes, unless the post says otherwise. */
  get reminderLead(): number {
    return this.settings?.reminderLeadMinutes ?? 30;
  }

  async load(): Promise<void> {
    const settings = await api.scheduleSettingsGet();
    if (isSettings(settings)) this.settings = settings;
  }

  setZoneMode(mode: ZoneMode): void {
    this.zoneMode = mode;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, mode);
    } catch {
      /* private mode or no storage: the choice lasts until the window closes */
    }
  }
}

export const scheduleState = new ScheduleState();
