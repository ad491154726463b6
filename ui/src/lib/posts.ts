import type { PostFormat } from './bindings/PostFormat';
import type { PostStatus } from './bindings/PostStatus';

/** In the order a post goes through them: the statuses a user can pick. */
export const POST_STATUSES: readonly PostStatus[] = [
  'idea',
  'draft',
  'in_review',
  'approved',
  'scheduled',
  'published',
  'cancelled',
];

/** Every status a post can have: crisis mode also suspends posts, and the filter finds them. */
export const ALL_POST_STATUSES: readonly PostStatus[] = [...POST_STATUSES, 'suspended'];

/** Reminder leads the editor offers, in minutes before the post (0: at its time). */
export const REMINDER_PRESETS: readonly number[] = [0, 15, 60, 1440];

/** The longest reminder lead the backend accepts: a week. */
export const MAX_REMINDER_MINUTES = 10_080;

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

export function isPostFormat(value: string): value is PostFormat {
  return (POST_FORMATS as readonly string[]).includes(value);
}

/** Statuses the backend refuses without a date. */
export const STATUSES_NEEDING_DATE: readonly PostStatus[] = ['scheduled', 'published'];

/** Characters as a person counts them (code points, so an emoji counts once). */
export function charCount(text: string): number {
  return [...text].length;
}
