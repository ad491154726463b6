import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { invoke } from '@tauri-apps/api/core';
import type { NewBrand } from '../../lib/bindings/NewBrand';
import { setLocale } from '../../lib/i18n';
import { brandState } from '../../lib/stores/brand.svelte';
import { workspaceInfo } from '../../test/fixtures';
import NewBrandDialog from './NewBrandDialog.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);
const created = () => invokeMock.mock.calls.filter(([name]) => name === 'brand_create').map(([, args]) => (args as { input: NewBrand }).input);

let refuseName = true;

beforeEach(() => {
  setLocale('en');
  refuseName = true;
  invokeMock.mockReset();
  invokeMock.mockImplementation(async (command: string, args?: unknown) => {
    switch (command) {
      case 'brand_defaults':
        return {
          networks: [
            { kind: 'instagram', name: 'Instagram', color: '#e1306c' },
            { kind: 'linkedin', name: 'LinkedIn', color: '#0a66c2' },
            { kind: 'x', name: 'X', color: '#111111' },
          ],
          zone: 'America/Montreal',
          locale: 'en',
        };
      case 'brand_create': {
        if (refuseName) {
          refuseName = false;
          throw { code: 'validation', field: 'name', reason: 'duplicate', message: 'a brand named Acme exists' };
        }
        const input = (args as { input: NewBrand }).input;
        return workspaceInfo({ path: `/data/${input.name}.tribu`, brand: { id: 'brand-new', name: input.name, color: '#e1306c' }, session: 500 });
      }
      case 'crisis_state':
        return null;
      default:
        return [];
    }
  });
});

describe('NewBrandDialog', () => {
  it('starts from the defaults: every network checked, the system zone, the charter of the language', async () => {
    render(NewBrandDialog, { props: { onclose: vi.fn() } });
    await screen.findByTestId('brand-network-instagram');
    for (const kind of ['instagram', 'linkedin', 'x']) expect(screen.getByTestId(`brand-network-${kind}`)).toBeChecked();
    expect(screen.getByTestId('brand-zone')).toHaveValue('America/Montreal');
    expect(screen.getByTestId('brand-language')).toHaveValue('en');
    expect(screen.getByTestId('brand-charter')).toHaveValue('en');
    expect(document.activeElement).toBe(screen.getByTestId('brand-name'));
    // The charter follows the language until the user picks one.
    await fireEvent.change(screen.getByTestId('brand-language'), { target: { value: 'fr' } });
    expect(screen.getByTestId('brand-charter')).toHaveValue('fr');
  });

  it('shows a taken name next to the field, then creates the brand with the networks and charter chosen', async () => {
    const onclose = vi.fn();
    render(NewBrandDialog, { props: { onclose } });
    await screen.findByTestId('brand-network-linkedin');
    await fireEvent.input(screen.getByTestId('brand-name'), { target: { value: 'Acme' } });
    await fireEvent.click(screen.getByTestId('brand-network-linkedin'));
    await fireEvent.change(screen.getByTestId('brand-charter'), { target: { value: 'empty' } });
    // Clicked as a person does: the button takes the focus first.
    screen.getByTestId('brand-create-submit').focus();
    await fireEvent.click(screen.getByTestId('brand-create-submit'));

    const error = await screen.findByTestId('field-error-name');
    expect(error).toHaveTextContent('This name is already taken');
    expect(screen.getByTestId('brand-name')).toHaveAttribute('aria-invalid', 'true');
    // The field in error has the focus back: the name can be retyped at once.
    await waitFor(() => expect(screen.getByTestId('brand-name')).toHaveFocus());
    expect(onclose).not.toHaveBeenCalled();

    await fireEvent.input(screen.getByTestId('brand-name'), { target: { value: '  Acme Café  ' } });
    await fireEvent.click(screen.getByTestId('brand-create-submit'));
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(created()).toEqual([
      { name: 'Acme', locale: 'en', networks: ['instagram', 'x'], zone: 'America/Montreal', charter: 'empty' },
      { name: 'Acme Café', locale: 'en', networks: ['instagram', 'x'], zone: 'America/Montreal', charter: 'empty' },
    ]);
    // The new brand is the one open.
    expect(brandState.info?.brand.name).toBe('Acme Café');
  });

  it('asks for a name before calling the backend', async () => {
    render(NewBrandDialog, { props: { onclose: vi.fn() } });
    await screen.findByTestId('brand-network-x');
    await fireEvent.click(screen.getByTestId('brand-create-submit'));
    expect(await screen.findByTestId('field-error-name')).toHaveTextContent('This field is required');
    expect(created()).toEqual([]);
  });
});
