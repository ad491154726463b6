// The brand open in the window (one `.tribu` file), whether it may be
// written, and the one way in: `enterBrand`, given what every command that
// opens a brand answers and the `brand-switched` event. Entering a brand
// resets what belonged to the previous one and remounts the screens (App
// keys them on the session), so each view fetches its own data again; the
// screen shown and the calendar's dates stay.
import { api } from '../api';
import type { Access } from '../bindings/Access';
import type { BrandEntry } from '../bindings/BrandEntry';
import type { ErrorPayload } from '../bindings/ErrorPayload';
import type { WorkspaceInfo } from '../bindings/WorkspaceInfo';
import { emptyFilter } from '../calendar/filter';
import { describeError, toErrorPayload } from '../errors';
import { chooseLocale, setLocale, t } from '../i18n';
import { calendarState } from './calendar.svelte';
import { crisisStore } from './crisis.svelte';
import { closeEditor } from './editor.svelte';
import { kpiState } from './kpi.svelte';
import { saveBeforeLeaving } from './leaving.svelte';
import { navState } from './nav.svelte';
import { networksState } from './networks.svelte';
import { closeDialog, closeDrawer } from './panels.svelte';
import { leaveBrand } from './pending';
import { scheduleState } from './schedule.svelte';
import { toastError } from './toasts.svelte';

const WRITABLE: Access = { readOnly: false, reason: null, holder: null };

/** The window's state: opening the first brand, a brand open, or none could be (the fatal screen). */
export type BrandPhase = 'loading' | 'ready' | 'error';

class BrandState {
  /** The brand open; null until one is. */
  info = $state<WorkspaceInfo | null>(null);
  phase = $state<BrandPhase>('loading');
  /** Why no brand could be opened (the fatal screen shows it). */
  failure = $state<ErrorPayload | null>(null);
  /** Every brand the app knows, most recently opened first, as last read. */
  brands = $state<BrandEntry[]>([]);

  /** Whether the brand may be written, and if not why. Every write control reads it. */
  get access(): Access {
    return this.info?.access ?? WRITABLE;
  }

  get readOnly(): boolean {
    return this.access.readOnly;
  }

  /** Brands whose file is there: one alone cannot be deleted. */
  get usableBrands(): number {
    return this.brands.filter((brand) => !brand.missing).length;
  }

  /** Reads the list of brands again. */
  async loadBrands(): Promise<void> {
    this.brands = await api.brandsList();
  }

  /** The brand could not be opened: the fatal screen, with the way out. */
  fail(error: unknown): void {
    this.failure = toErrorPayload(error);
    this.phase = 'error';
  }
}

export const brandState = new BrandState();

/** The latest info asked to enter, and its entry while under way. */
let target: WorkspaceInfo | null = null;
let entering: Promise<void> = Promise.resolve();

/** Resolves once the brand being entered (if any) is ready. */
export function brandSettled(): Promise<void> {
  return entering;
}

/**
 * Makes `info` the open brand. An info of the session already entered only
 * refreshes what it says (a new name, the access); a new session resets
 * the window for that brand.
 */
export function enterBrand(info: WorkspaceInfo): Promise<void> {
  const known = target !== null && target.session === info.session;
  target = info;
  if (known) {
    if (brandState.info?.session === info.session) brandState.info = info;
    return entering;
  }
  entering = enter(info);
  return entering;
}

async function enter(info: WorkspaceInfo): Promise<void> {
  const previous = brandState.info;
  // Saves still pending belong to the previous brand, which is closed now
  // (opened from outside the window: a file, a notification).
  const lost = leaveBrand();
  if (lost > 0 && previous) toastError(t('brand.lostChanges', { n: lost, name: previous.brand.name }));
  setLocale(chooseLocale(info.locale, info.systemLocale, navigator.language));
  resetForBrand();
  await loadBrand();
  // Another brand came meanwhile: it finishes the work.
  if (target?.session !== info.session) return;
  brandState.info = target;
  brandState.failure = null;
  brandState.phase = 'ready';
}

/** What belonged to the brand being left: its editor, dialogs, filters and selections. */
function resetForBrand(): void {
  closeEditor();
  closeDialog();
  closeDrawer();
  // Filters name the brand's networks and themes; the KPI panel its networks and KPIs.
  calendarState.setFilter(emptyFilter());
  kpiState.networkId = null;
  kpiState.selectedKpiId = null;
  navState.charterSection = null;
}

/**
 * What the screens need before their first render: the networks and themes
 * (colours, filters), the crisis (its banner), the planning settings (the
 * audience's zone the calendar may show). A part that fails is left empty.
 */
async function loadBrand(): Promise<void> {
  const failures: unknown[] = [];
  const attempt = (load: () => Promise<void>, clear: () => void) =>
    load().catch((error) => {
      clear();
      failures.push(error);
    });
  await Promise.all([
    attempt(
      () => networksState.load(),
      () => {
        networksState.list = [];
      },
    ),
    attempt(
      () => networksState.loadThemes(),
      () => {
        networksState.themes = [];
      },
    ),
    attempt(
      () => crisisStore.load(),
      () => {
        crisisStore.current = null;
      },
    ),
    attempt(
      () => scheduleState.load(),
      () => {
        scheduleState.settings = null;
      },
    ),
  ]);
  if (failures.length > 0) toastError(t('errors.load', { message: describeError(toErrorPayload(failures[0])) }));
}

/**
 * Opens another brand with `open` (a command answering with the brand it
 * opened, or null when the user cancelled a file dialog). What is pending
 * is saved first; when some of it cannot be and the user chooses to stay,
 * nothing happens. Resolves with the brand entered, or null. A refusal of
 * `open` is the caller's to show.
 */
export async function openBrand(open: () => Promise<WorkspaceInfo | null>): Promise<WorkspaceInfo | null> {
  if (!(await saveBeforeLeaving('switch'))) return null;
  const info = await open();
  if (info) await enterBrand(info);
  return info;
}

/** The first brand, as the window starts: on failure, the fatal screen. */
export async function startBrand(): Promise<void> {
  brandState.phase = 'loading';
  target = null;
  try {
    const info = await api.workspaceInfo();
    await enterBrand(info);
  } catch (error) {
    // No brand to say which language was chosen: the system's, asked of
    // Rust (the web view may not know it).
    const system = await api.systemLocale().catch(() => null);
    setLocale(chooseLocale(null, system, navigator.language));
    brandState.fail(error);
  }
}
