import type { PostFilter } from '../bindings/PostFilter';

export function emptyFilter(): PostFilter {
  return { networkIds: [], statuses: [], themes: [] };
}

/**
 * The `filter` argument sent to the backend: plain arrays (not reactive
 * proxies), without duplicates, in a stable order. Empty means "all".
 */
export function toPostFilter(filter: PostFilter): PostFilter {
  const clean = <T extends string>(values: readonly T[]): T[] => [...new Set(values)].sort();
  return {
    networkIds: clean(filter.networkIds),
    statuses: clean(filter.statuses),
    themes: clean(filter.themes.map((theme) => theme.trim()).filter(Boolean)),
  };
}

export function countActive(filter: PostFilter): number {
  return filter.networkIds.length + filter.statuses.length + filter.themes.length;
}

/** Adds `value` to `list` or removes it: the toggle of one filter chip. */
export function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}
