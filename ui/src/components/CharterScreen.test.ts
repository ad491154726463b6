import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import CharterScreen from './CharterScreen.svelte';
import { AUTOSAVE_DELAY_MS } from '../lib/autosave';
import Toasts from './Toasts.svelte';
import type { Charter } from '../lib/bindings/Charter';
import type { CharterSection } from '../lib/bindings/CharterSection';
import { emptyCharter, SECTION_NAMES } from '../lib/charter/sections';
import type { JournalEntry } from '../lib/bindings/JournalEntry';
import { setLocale } from '../lib/i18n';
import { applyChanges } from '../lib/stores/changes';
import { dropPending } from '../lib/stores/pending';
import { networksState } from '../lib/stores/networks.svelte';
import { dismissToast, toasts } from '../lib/stores/toasts.svelte';
import { networks } from '../test/fixtures';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

const calls = (command: string) => invokeMock.mock.calls.filter(([name]) => name === command);
const savedSections = () => calls('charter_save_section').map(([, args]) => (args as { section: CharterSection }).section);

const FIELD_OF: Record<CharterSection['section'], keyof Charter> = {
  identity: 'identity',
  keywords: 'keywords',
  banned_terms: 'bannedTerms',
  objectives: 'objectives',
  faq: 'faq',
  editorial_line: 'editorialLine',
  guidelines: 'guidelines',
  moderation: 'moderation',
  response_protocol: 'responseProtocol',
  crisis: 'crisis',
  principles: 'principles',
};

/** A charter action of the journal, as journal_state names it. */
function charterEntry(id: number, section: string): JournalEntry {
  return { id, label: { kind: 'charter_section', name: '', detail: section, count: null }, at: '2026-03-09T10:00:00Z', undoable: true, undone: false };
}

/**
 * A backend in memory: saves replace one section, each one an action of the
 * journal, which undo takes back (and, as the store does, announces the
 * charter and the journal changed). `other` is an action done after them
 * elsewhere (a post moved), when set.
 */
function fakeBackend(initial: Charter, other: { current: JournalEntry | null } = { current: null }) {
  let charter = structuredClone(initial);
  const history: { before: Charter; entry: JournalEntry }[] = [];
  invokeMock.mockImplementation(async (command: string, args?: unknown) => {
    switch (command) {
      case 'charter_get':
        return structuredClone(charter);
      case 'charter_save_section': {
        const { section } = args as { section: CharterSection };
        history.push({ before: structuredClone(charter), entry: charterEntry(history.length + 1, section.section) });
        charter = { ...charter, [FIELD_OF[section.section]]: structuredClone(section.data) };
        return structuredClone(charter);
      }
      case 'charter_apply_starter': {
        // The starter is written in Rust (tribu-core's charter/starter.rs,
        // tested there); here, a stand-in with a brand and one keyword.
        history.push({ before: structuredClone(charter), entry: { ...charterEntry(history.length + 1, ''), label: { kind: 'charter_starter', name: '', detail: 'fr', count: null } } });
        const { language } = args as { language: string };
        charter = {
          ...charter,
          identity: { brand: 'Acme', mission: `starter ${language}`, values: [], language: language as Charter['identity']['language'] },
          keywords: [{ term: 'acme', category: 'brand', note: '' }],
        };
        return structuredClone(charter);
      }
      case 'journal_state':
        return { undo: other.current ?? history[history.length - 1]?.entry ?? null, redo: null };
      case 'journal_undo': {
        const { expected } = args as { expected: number | null };
        const latest = other.current ?? history[history.length - 1]?.entry;
        if (!latest) throw { code: 'conflict', reason: 'nothing_to_undo', message: 'nothing to undo' };
        if (expected !== null && expected !== latest.id) throw { code: 'conflict', reason: 'not_latest', message: 'not the latest' };
        const { before, entry } = history.pop()!;
        charter = before;
        queueMicrotask(() => applyChanges({ topics: ['charter', 'journal'] }));
        return entry;
      }
      default:
        return null;
    }
  });
}

function withKeywords(...terms: string[]): Charter {
  return { ...emptyCharter(), keywords: terms.map((term) => ({ term, category: '', note: '' })) };
}

async function openSection(name: CharterSection['section']): Promise<HTMLElement> {
  await fireEvent.click(await screen.findByTestId(`charter-nav-${name}`));
  return document.querySelector<HTMLElement>(`[data-section="${name}"]`)!;
}

const values = (root: HTMLElement, testId: string) =>
  within(root).getAllByTestId(testId).map((el) => (el as HTMLInputElement).value);

beforeEach(async () => {
  // What an earlier test left unsaved is not this one's to save before an undo.
  await dropPending();
  for (const toast of toasts.items) dismissToast(toast.id);
  setLocale('en');
  networksState.list = networks;
  invokeMock.mockReset();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('CharterScreen', () => {
  it('lists the eleven sections and opens the identity first', async () => {
    fakeBackend(emptyCharter());
    render(CharterScreen);
    for (const name of SECTION_NAMES) expect(await screen.findByTestId(`charter-nav-${name}`)).toBeInTheDocument();
    expect(screen.getByTestId('charter-nav-banned_terms')).toHaveTextContent('Banned terms');
    expect(document.querySelector('[data-section="identity"]')).not.toBeNull();
    const crisis = await openSection('crisis');
    expect(within(crisis).getByText('Escalation chain')).toBeInTheDocument();
  });

  it('adds, reorders and deletes rows, saving the section in the new order each time', async () => {
    fakeBackend(withKeywords('alpha', 'beta', 'gamma'));
    render(CharterScreen);
    const section = await openSection('keywords');
    expect(values(section, 'keyword-term')).toEqual(['alpha', 'beta', 'gamma']);

    // Move "gamma" up: a structural change saves at once.
    await fireEvent.click(within(section).getAllByTestId('row-up')[2]);
    await vi.waitFor(() => expect(savedSections()).toHaveLength(1));
    expect(savedSections()[0]).toEqual({
      section: 'keywords',
      data: ['alpha', 'gamma', 'beta'].map((term) => ({ term, category: '', note: '' })),
    });
    expect(values(section, 'keyword-term')).toEqual(['alpha', 'gamma', 'beta']);
    // The keyboard stays on the moved row's button.
    expect(document.activeElement).toBe(within(section).getAllByTestId('row-up')[1]);

    await fireEvent.click(within(section).getAllByTestId('row-down')[0]);
    await vi.waitFor(() => expect(savedSections()).toHaveLength(2));
    expect((savedSections()[1].data as { term: string }[]).map((k) => k.term)).toEqual(['gamma', 'alpha', 'beta']);

    await fireEvent.click(within(section).getAllByTestId('row-delete')[1]);
    await vi.waitFor(() => expect(savedSections()).toHaveLength(3));
    expect((savedSections()[2].data as { term: string }[]).map((k) => k.term)).toEqual(['gamma', 'beta']);

    await fireEvent.click(within(section).getByTestId('row-add'));
    await vi.waitFor(() => expect(savedSections()).toHaveLength(4));
    expect((savedSections()[3].data as { term: string }[]).map((k) => k.term)).toEqual(['gamma', 'beta', '']);
    // The new row's first field takes the focus.
    expect(document.activeElement).toBe(within(section).getAllByTestId('keyword-term')[2]);
    expect(screen.getByTestId('charter-save-state')).toHaveTextContent('Saved');
  });

  it('waits for a pause in typing before saving the section', async () => {
    vi.useFakeTimers();
    fakeBackend(withKeywords('alpha'));
    render(CharterScreen);
    await vi.advanceTimersByTimeAsync(0);
    const section = await openSection('keywords');
    const term = within(section).getByTestId('keyword-term');

    await fireEvent.input(term, { target: { value: 'alph' } });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 200);
    await fireEvent.input(term, { target: { value: 'alphabet' } });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 200);
    expect(savedSections()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);

    expect(savedSections()).toHaveLength(1);
    expect(savedSections()[0]).toEqual({ section: 'keywords', data: [{ term: 'alphabet', category: '', note: '' }] });
  });

  it('shows a validation error in the row it is about and keeps what was typed', async () => {
    fakeBackend(withKeywords('alpha', 'beta'));
    invokeMock.mockImplementation(async (command: string) => {
      if (command === 'charter_get') return withKeywords('alpha', 'beta');
      if (command === 'charter_save_section') {
        throw { code: 'validation', field: 'term', reason: 'duplicate', message: 'item 2: "Alpha" is already listed' };
      }
      return null;
    });
    render(CharterScreen);
    const section = await openSection('keywords');
    const second = within(section).getAllByTestId('keyword-term')[1];
    await fireEvent.input(second, { target: { value: 'Alpha' } });

    const error = await within(section).findByTestId('row-error', {}, { timeout: 2000 });
    expect(error).toHaveTextContent('Item 2: This name is already taken');
    const rows = within(section).getAllByTestId('list-row');
    expect(rows[1]).toContainElement(error);
    expect((second as HTMLInputElement).value).toBe('Alpha');
    expect(screen.getByTestId('charter-save-state')).toHaveTextContent('Not saved');
  });

  it('routes a crisis plan error to the list it is about', async () => {
    const plan = {
      ...emptyCharter(),
      crisis: {
        ...emptyCharter().crisis,
        levels: [{ name: 'Level 1', description: '' }],
        scenarios: [
          { name: 'Outage', triggers: '', level: 'Level 1' },
          { name: 'Hack', triggers: '', level: 'Level 1' },
        ],
      },
    };
    invokeMock.mockImplementation(async (command: string) => {
      if (command === 'charter_get') return plan;
      if (command === 'charter_save_section') {
        throw { code: 'validation', field: 'level', reason: 'unknown_level', message: 'item 2: no severity level named "Level 9"' };
      }
      return null;
    });
    render(CharterScreen);
    const section = await openSection('crisis');
    const levelSelects = within(section).getAllByTestId('scenario-level') as HTMLSelectElement[];
    expect([...levelSelects[1].options].map((o) => o.value)).toEqual(['', 'Level 1']);
    levelSelects[1].value = '';
    await fireEvent.change(levelSelects[1]);

    const scenarios = within(section).getByTestId('crisis-scenarios');
    const error = await within(scenarios).findByTestId('row-error');
    expect(error).toHaveTextContent('Item 2: Pick one of the plan');
    expect(within(section).getByTestId('crisis-levels')).not.toContainElement(error);
  });

  it('saves FAQ tags typed as one text as a clean list', async () => {
    fakeBackend({ ...emptyCharter(), faq: [{ question: 'Where?', answer: 'Here.', tags: [] }] });
    render(CharterScreen);
    const section = await openSection('faq');
    await fireEvent.input(within(section).getByTestId('faq-tags'), { target: { value: 'shops, delivery , ' } });
    await vi.waitFor(() => expect(savedSections()).toHaveLength(1), { timeout: 2000 });
    expect(savedSections()[0]).toEqual({ section: 'faq', data: [{ question: 'Where?', answer: 'Here.', tags: ['shops', 'delivery'] }] });
    // The text stays as typed while the user goes on.
    expect((within(section).getByTestId('faq-tags') as HTMLInputElement).value).toBe('shops, delivery , ');
  });

  it('shows an error without a row above the section', async () => {
    invokeMock.mockImplementation(async (command: string) => {
      if (command === 'charter_get') return emptyCharter();
      if (command === 'charter_save_section') {
        throw { code: 'validation', field: 'brand', reason: 'too_long', message: 'brand is longer than 200 characters' };
      }
      return null;
    });
    render(CharterScreen);
    const section = await openSection('identity');
    await fireEvent.input(within(section).getByTestId('identity-brand'), { target: { value: 'B'.repeat(201) } });
    const error = await within(section).findByTestId('section-error', {}, { timeout: 2000 });
    expect(error).toHaveTextContent('This is too long');
    expect((within(section).getByTestId('identity-brand') as HTMLInputElement).value).toBe('B'.repeat(201));
  });

  it('Undo takes back the charter’s latest change through the journal, and the charter is read again', async () => {
    fakeBackend(withKeywords('alpha', 'beta'));
    render(Toasts);
    render(CharterScreen);
    const section = await openSection('keywords');
    await fireEvent.click(within(section).getAllByTestId('row-delete')[0]);
    await vi.waitFor(() => expect(savedSections()).toHaveLength(1));
    expect(values(section, 'keyword-term')).toEqual(['beta']);

    await fireEvent.click(screen.getByTestId('charter-undo'));
    // Only if it is still the latest action: the charter's own.
    await vi.waitFor(() => expect(calls('journal_undo')).toEqual([['journal_undo', { expected: 1 }]]));
    await vi.waitFor(() => expect(values(document.querySelector('[data-section="keywords"]')!, 'keyword-term')).toEqual(['alpha', 'beta']));
    expect(await screen.findByText('Undone: edited the charter’s “Keywords” section')).toBeInTheDocument();

    // Nothing left to undo: said calmly, nothing changes.
    await fireEvent.click(screen.getByTestId('charter-undo'));
    expect(await screen.findByText('Nothing to undo')).toBeInTheDocument();
    expect(calls('journal_undo')).toHaveLength(1);
  });

  it('saves a pending edit first, so that Undo takes back that one', async () => {
    fakeBackend(withKeywords('alpha'));
    render(CharterScreen);
    const section = await openSection('keywords');
    await fireEvent.input(within(section).getByTestId('keyword-term'), { target: { value: 'alphabet' } });
    await fireEvent.click(screen.getByTestId('charter-undo'));
    await vi.waitFor(() => expect(calls('journal_undo')).toHaveLength(1));
    // The typed edit was saved before the undo, then taken back.
    const order = invokeMock.mock.calls.map(([name]) => name).filter((name) => name === 'charter_save_section' || name === 'journal_undo');
    expect(order).toEqual(['charter_save_section', 'journal_undo']);
    await vi.waitFor(() => expect(values(document.querySelector('[data-section="keywords"]')!, 'keyword-term')).toEqual(['alpha']));
  });

  it('leaves an action done elsewhere since to the Edit menu, and says so', async () => {
    const other = { current: null as JournalEntry | null };
    fakeBackend(withKeywords('alpha', 'beta'), other);
    render(Toasts);
    render(CharterScreen);
    const section = await openSection('keywords');
    await fireEvent.click(within(section).getAllByTestId('row-delete')[0]);
    await vi.waitFor(() => expect(savedSections()).toHaveLength(1));
    other.current = { id: 9, label: { kind: 'post_move', name: 'Soldes', detail: '2026-01-12', count: null }, at: '2026-03-09T10:05:00Z', undoable: true, undone: false };

    await fireEvent.click(screen.getByTestId('charter-undo'));
    expect(await screen.findByText(/The latest action is not the charter’s: Moved “Soldes” to January 12/)).toBeInTheDocument();
    expect(screen.getByTestId('toast-history')).toHaveTextContent('History');
    expect(calls('journal_undo')).toHaveLength(0);
    expect(values(section, 'keyword-term')).toEqual(['beta']);
  });

  it('reads the charter again when it changed elsewhere, but not under an edit being typed', async () => {
    vi.useFakeTimers();
    fakeBackend(withKeywords('alpha', 'beta'));
    const backend = invokeMock.getMockImplementation()!;
    let stored = withKeywords('alpha', 'beta');
    invokeMock.mockImplementation(async (command: string, args?: unknown) => {
      if (command === 'charter_get') return structuredClone(stored);
      return backend(command, args as InvokeArgs);
    });
    render(CharterScreen);
    await vi.advanceTimersByTimeAsync(0);
    const section = await openSection('keywords');

    // An undo from the Edit menu, an import: shown at once.
    stored = withKeywords('alpha', 'beta', 'gamma');
    applyChanges({ topics: ['charter'] });
    await vi.advanceTimersByTimeAsync(10);
    expect(values(section, 'keyword-term')).toEqual(['alpha', 'beta', 'gamma']);

    // Typing in a section: the edit stays; the charter is read once it is saved.
    await fireEvent.input(within(section).getAllByTestId('keyword-term')[0], { target: { value: 'alpine' } });
    stored = withKeywords('alpha', 'beta', 'gamma', 'delta');
    applyChanges({ topics: ['charter'] });
    await vi.advanceTimersByTimeAsync(10);
    const reads = calls('charter_get').length;
    expect(values(section, 'keyword-term')).toEqual(['alpine', 'beta', 'gamma']);
    stored = { ...withKeywords('alpine', 'beta', 'gamma', 'delta') };
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(savedSections()).toHaveLength(1);
    expect(calls('charter_get').length).toBe(reads + 1);
    expect(values(section, 'keyword-term')).toEqual(['alpine', 'beta', 'gamma', 'delta']);
  });

  it('offers the starters on an empty charter and shows the one applied', async () => {
    fakeBackend(emptyCharter());
    render(CharterScreen);
    await fireEvent.click(await screen.findByTestId('charter-template-fr'));
    await vi.waitFor(() => expect(calls('charter_apply_starter')).toEqual([['charter_apply_starter', { language: 'fr' }]]));
    expect(calls('charter_save_section')).toHaveLength(0);
    await vi.waitFor(() => expect(screen.queryByTestId('charter-template-fr')).not.toBeInTheDocument());
    const identity = document.querySelector<HTMLElement>('[data-section="identity"]')!;
    expect((within(identity).getByTestId('identity-brand') as HTMLInputElement).value).toBe('Acme');
  });

  it('does not offer templates once the charter has content', async () => {
    fakeBackend(withKeywords('alpha'));
    render(CharterScreen);
    await screen.findByTestId('charter-nav-identity');
    await vi.waitFor(() => expect(calls('charter_get')).toHaveLength(1));
    expect(screen.queryByTestId('charter-template-en')).not.toBeInTheDocument();
  });
});

describe('charter export', () => {
  it('exports with the calendar appendix of the chosen days, then opens the file', async () => {
    fakeBackend(emptyCharter());
    const backend = invokeMock.getMockImplementation()!;
    invokeMock.mockImplementation(async (command: string, args?: unknown) => {
      if (command === 'charter_export_pdf') return '/data/exports/charter-2026-11-22.pdf';
      if (command === 'export_open') return null;
      return backend(command, args as InvokeArgs);
    });
    render(CharterScreen);
    await fireEvent.click(await screen.findByTestId('charter-export-calendar'));
    await fireEvent.input(screen.getByTestId('charter-export-first'), { target: { value: '2026-12-01' } });
    await fireEvent.input(screen.getByTestId('charter-export-last'), { target: { value: '2026-12-31' } });
    await fireEvent.click(screen.getByTestId('charter-export-pdf'));
    await vi.waitFor(() => expect(calls('charter_export_pdf')).toHaveLength(1));
    expect(calls('charter_export_pdf')[0][1]).toEqual({ calendarFirst: '2026-12-01', calendarLast: '2026-12-31', saveAs: null });
    expect(await screen.findByTestId('charter-export-result')).toHaveTextContent('/data/exports/charter-2026-11-22.pdf');

    await fireEvent.click(screen.getByTestId('charter-export-open'));
    await vi.waitFor(() => expect(calls('export_open')).toHaveLength(1));
    expect(calls('export_open')[0][1]).toEqual({ path: '/data/exports/charter-2026-11-22.pdf' });
  });

  it('refuses a reversed range without exporting, and a cancelled "Save as" shows nothing', async () => {
    fakeBackend(emptyCharter());
    const backend = invokeMock.getMockImplementation()!;
    invokeMock.mockImplementation(async (command: string, args?: unknown) =>
      command === 'charter_export_pdf' ? null : backend(command, args as InvokeArgs),
    );
    render(CharterScreen);
    await fireEvent.click(await screen.findByTestId('charter-export-calendar'));
    await fireEvent.input(screen.getByTestId('charter-export-first'), { target: { value: '2026-12-31' } });
    await fireEvent.input(screen.getByTestId('charter-export-last'), { target: { value: '2026-12-01' } });
    await fireEvent.click(screen.getByTestId('charter-export-pdf'));
    expect(await screen.findByTestId('charter-export-range-error')).toHaveTextContent('The last day comes before the first.');
    expect(calls('charter_export_pdf')).toHaveLength(0);

    // Without the appendix, "Save as…" sends no days; cancelling leaves no result.
    await fireEvent.click(screen.getByTestId('charter-export-calendar'));
    await fireEvent.click(screen.getByTestId('charter-export-save-as'));
    await vi.waitFor(() => expect(calls('charter_export_pdf')).toHaveLength(1));
    expect(calls('charter_export_pdf')[0][1]).toEqual({ calendarFirst: null, calendarLast: null, saveAs: 'Save the charter as PDF' });
    expect(screen.queryByTestId('charter-export-result')).toBeNull();
  });
});
