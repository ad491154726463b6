import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { invoke } from '@tauri-apps/api/core';
import App from './App.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

describe('App', () => {
  it('shows a clear message when the workspace cannot be opened', async () => {
    vi.mocked(invoke).mockRejectedValue({ code: 'io', message: 'Permission denied: /data/tribu.sqlite' });
    render(App);
    const error = await screen.findByTestId('workspace-error');
    expect(error).toHaveTextContent('Permission denied: /data/tribu.sqlite');
  });
});
