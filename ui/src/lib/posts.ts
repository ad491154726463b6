import type { PostFormat } from './bindings/PostFormat';
import type { PostStatus } from './bindings/PostStatus';

/** In the order a post goes through them. */
export const POST_STATUSES: readonly PostStatus[] = [
  'idea',
  'draft',
  'in_review',
  'approved',
  'scheduled',
  'published',
  'cancelled',
];

/** What the editor offers: `suspended` only for a post crisis mode suspended (only it sets that status). */
export function statusChoices(current: PostStatus): readonly PostStatus[] {
  return current === 'suspended' ? [...POST_STATUSES, 'suspended'] : POST_STATUSES;
}

export const POST_FORMATS: readonly PostFormat[] = [
  'text',
  'photo',
  'video',
  'story',
  'article',
  'infographic',
  'poll',
  'contest',
  'live',
  'podcast',
  'newsletter',
];

/** Statuses the backend refuses without a date. */
export const STATUSES_NEEDING_DATE: readonly PostStatus[] = ['scheduled', 'published'];

/** Characters as a person counts them (code points, so an emoji counts once). */
export function charCount(text: string): number {
  return [...text].length;
}
