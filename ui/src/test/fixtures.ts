import type { Network } from '../lib/bindings/Network';
import type { Post } from '../lib/bindings/Post';
import type { WorkspaceInfo } from '../lib/bindings/WorkspaceInfo';

export const networks: Network[] = [
  { id: 'net-x', name: 'X', kind: 'x', color: '#111111', charLimit: 280, builtin: true },
  { id: 'net-li', name: 'LinkedIn', kind: 'linkedin', color: '#0a66c2', charLimit: 3000, builtin: true },
  { id: 'net-blog', name: 'Blog', kind: 'blog', color: '#f5c542', charLimit: null, builtin: true },
];

export const networkMap = new Map(networks.map((n) => [n.id, n]));

let counter = 0;

/** A post planned at a local date and time (computer's zone). */
export function makePost(overrides: Partial<Post> = {}, local?: { y: number; m: number; d: number; h?: number; min?: number }): Post {
  counter += 1;
  const plannedAt = local
    ? new Date(local.y, local.m - 1, local.d, local.h ?? 9, local.min ?? 0).toISOString()
    : null;
  return {
    id: `post-${counter}`,
    title: `Post ${counter}`,
    body: '',
    networkId: 'net-x',
    format: 'text',
    status: 'draft',
    plannedAt,
    zone: plannedAt ? 'Europe/Paris' : null,
    localDate: local ? `${local.y}-${String(local.m).padStart(2, '0')}-${String(local.d).padStart(2, '0')}` : null,
    localTime: local ? `${String(local.h ?? 9).padStart(2, '0')}:${String(local.min ?? 0).padStart(2, '0')}` : null,
    theme: '',
    campaign: '',
    notes: '',
    assetLinks: [],
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    ...overrides,
  };
}

/** What `workspace_info` (and every command that opens a brand) answers: a writable brand. */
export function workspaceInfo(overrides: Partial<WorkspaceInfo> = {}): WorkspaceInfo {
  return {
    path: '/data/Acme.tribu',
    locale: 'en',
    systemLocale: 'en-US',
    brand: { id: 'brand-acme', name: 'Acme', color: '#4f46e5' },
    access: { readOnly: false, reason: null, holder: null },
    session: 1,
    ...overrides,
  };
}
