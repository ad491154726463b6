import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { invoke } from '@tauri-apps/api/core';
import type { Access } from '../../lib/bindings/Access';
import { setLocale } from '../../lib/i18n';
import { enterBrand } from '../../lib/stores/brand.svelte';
import { navState } from '../../lib/stores/nav.svelte';
import { networksState } from '../../lib/stores/networks.svelte';
import { makePost, networks, workspaceInfo } from '../../test/fixtures';
import PostEditor from '../PostEditor.svelte';
import TopBar from '../TopBar.svelte';
import ReadOnlyBanner from './ReadOnlyBanner.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

/** Today at 09:05 on this computer's clocks: the banner then says the time alone. */
function todayAt905(): string {
  const at = new Date();
  at.setHours(9, 5, 0, 0);
  return at.toISOString();
}

const locked = (thisMachine: boolean): Access => ({
  readOnly: true,
  reason: 'locked',
  holder: { user: 'marie', host: 'studio-mac', pid: 4242, since: todayAt905(), thisMachine },
});

beforeEach(() => {
  setLocale('en');
  vi.mocked(invoke).mockReset();
  vi.mocked(invoke).mockImplementation(async (command: string) =>
    command === 'crisis_state' || command === 'post_result_get' ? null : [],
  );
});

afterEach(() => setLocale('en'));

describe('ReadOnlyBanner', () => {
  it('names who holds the brand on another computer, and says reading and exporting work', () => {
    render(ReadOnlyBanner, { props: { access: locked(false) } });
    const banner = screen.getByTestId('readonly-banner');
    expect(banner).toHaveTextContent('Read only: open on studio-mac by marie since 9:05 AM.');
    expect(banner).toHaveTextContent('You can read and export everything');
  });

  it('names the user and the process when another program of this computer holds it', () => {
    render(ReadOnlyBanner, { props: { access: locked(true) } });
    expect(screen.getByTestId('readonly-banner')).toHaveTextContent(
      'Read only: open on this computer by marie (another Tribu window or the command line, process 4242) since 9:05 AM.',
    );
    expect(screen.getByTestId('readonly-banner')).not.toHaveTextContent('studio-mac');
  });

  it('says when the file or its folder cannot be written, in French too', () => {
    const access: Access = { readOnly: true, reason: 'file_read_only', holder: null };
    const { unmount } = render(ReadOnlyBanner, { props: { access } });
    expect(screen.getByTestId('readonly-banner')).toHaveTextContent('Read only: this file or its folder cannot be written.');
    unmount();
    setLocale('fr');
    render(ReadOnlyBanner, { props: { access: locked(false) } });
    expect(screen.getByTestId('readonly-banner')).toHaveTextContent('Lecture seule : ouverte sur studio-mac par marie depuis 09:05.');
  });
});

describe('a brand open read-only', () => {
  it('disables the new post button, and only that brand', async () => {
    navState.screen = 'calendar';
    await enterBrand(workspaceInfo({ session: 1, access: locked(false) }));
    const { unmount } = render(TopBar);
    expect(screen.getByTestId('new-post')).toBeDisabled();
    expect(screen.getByTestId('crisis-toggle')).toBeDisabled();
    unmount();
    await enterBrand(workspaceInfo({ session: 2 }));
    render(TopBar);
    expect(screen.getByTestId('new-post')).not.toBeDisabled();
  });
});

describe('the post editor of a brand open read-only', () => {
  it('shows the post with every field and button that would change it disabled', async () => {
    await enterBrand(workspaceInfo({ session: 3, access: locked(false) }));
    networksState.list = networks;
    const post = makePost({ title: 'Spring sale', status: 'published' }, { y: 2026, m: 3, d: 5 });
    render(PostEditor, { props: { target: { mode: 'edit', key: 1, post } } });
    expect(screen.getByTestId('post-title')).toHaveValue('Spring sale');
    expect(screen.getByTestId('post-title')).toBeDisabled();
    expect(screen.getByTestId('post-body')).toBeDisabled();
    expect(screen.getByTestId('post-date')).toBeDisabled();
    expect(screen.getByTestId('post-save')).toBeDisabled();
    expect(screen.getByTestId('post-delete')).toBeDisabled();
    // The results of a published post are read-only too.
    expect(await screen.findByTestId('post-result-reach')).toBeDisabled();
    // Closing stays possible.
    expect(screen.getByTestId('post-close')).not.toBeDisabled();
  });
});
