// The one place that invokes a Rust command. Every rejection is normalised
// to an ErrorPayload, so the components handle one error shape.
import { invoke } from '@tauri-apps/api/core';
import { toErrorPayload } from './errors';

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toErrorPayload(error);
  }
}
