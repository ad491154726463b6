// Short messages at the bottom of the window; an optional action (Undo).

export type ToastKind = 'info' | 'success' | 'error';
export type ToastAction = { label: string; testId?: string; run: () => void | Promise<void> };
export type Toast = { id: number; kind: ToastKind; message: string; action?: ToastAction };

const DEFAULT_MS: Record<ToastKind, number> = { info: 4000, success: 3000, error: 8000 };

let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

export const toasts = $state<{ items: Toast[] }>({ items: [] });

export function dismissToast(id: number): void {
  const timer = timers.get(id);
  if (timer) clearTimeout(timer);
  timers.delete(id);
  toasts.items = toasts.items.filter((toast) => toast.id !== id);
}

export function showToast(
  kind: ToastKind,
  message: string,
  options: { action?: ToastAction; durationMs?: number } = {},
): number {
  const id = nextId++;
  toasts.items = [...toasts.items, { id, kind, message, action: options.action }];
  // Keep the stack short: the oldest message goes first.
  if (toasts.items.length > 4) dismissToast(toasts.items[0].id);
  timers.set(id, setTimeout(() => dismissToast(id), options.durationMs ?? DEFAULT_MS[kind]));
  return id;
}

export const toastError = (message: string) => showToast('error', message);
export const toastInfo = (message: string) => showToast('info', message);
