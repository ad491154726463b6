// What the post editor edits, as typed, and the PostInput it sends. Texts
// stay as typed (the assets one link a line) until they are sent.
import type { Post } from './bindings/Post';
import type { PostFormat } from './bindings/PostFormat';
import type { PostInput } from './bindings/PostInput';
import type { PostStatus } from './bindings/PostStatus';
import { MAX_REMINDER_MINUTES, REMINDER_PRESETS } from './posts';

export type PostForm = {
  title: string;
  body: string;
  networkId: string;
  format: PostFormat;
  status: PostStatus;
  date: string;
  time: string;
  zone: string;
  theme: string;
  campaign: string;
  notes: string;
  assets: string;
};

/** `zone`: where a post without one of its own is planned. */
export function formFromPost(post: Post, zone: string): PostForm {
  return {
    title: post.title,
    body: post.body,
    networkId: post.networkId,
    format: post.format,
    status: post.status,
    date: post.localDate ?? '',
    time: post.localTime ?? '',
    zone: post.zone ?? zone,
    theme: post.theme,
    campaign: post.campaign,
    notes: post.notes,
    assets: post.assetLinks.join('\n'),
  };
}

/** A new post on `date` (an idea without one), on `networkId`, planned on `zone`'s clocks. */
export function newPostForm(date: string | null, time: string | null, networkId: string, zone: string): PostForm {
  return {
    title: '',
    body: '',
    networkId,
    format: 'text',
    status: date ? 'draft' : 'idea',
    date: date ?? '',
    time: date ? (time ?? '09:00') : '',
    zone,
    theme: '',
    campaign: '',
    notes: '',
    assets: '',
  };
}

/**
 * The input sent for `form`. `rrule` and `reminderMinutes` go with every
 * save: an absent rule would end a series, an absent lead would reset the
 * post to the workspace's default.
 */
export function toPostInput(form: PostForm, rrule: string | null, reminderMinutes: number | undefined): PostInput {
  const date = form.date || null;
  return {
    title: form.title.trim(),
    body: form.body,
    networkId: form.networkId,
    format: form.format,
    status: form.status,
    date,
    time: date ? form.time || null : null,
    zone: form.zone || null,
    theme: form.theme.trim(),
    campaign: form.campaign.trim(),
    notes: form.notes,
    assetLinks: form.assets
      .split('\n')
      .map((link) => link.trim())
      .filter(Boolean),
    reminderMinutes,
    rrule: date && rrule ? rrule : undefined,
  };
}

/** Fields the editor shows, by the names its errors use; a backend error on another field becomes a toast. */
export const POST_FORM_FIELDS: ReadonlySet<string> = new Set([
  'title', 'body', 'network', 'format', 'status', 'date', 'time', 'zone', 'theme', 'campaign', 'notes', 'assets',
  'rrule', 'reminderMinutes',
]);

/** The backend's field names that the editor calls otherwise. */
export const POST_FIELD_ALIASES: Readonly<Record<string, string>> = { networkId: 'network', assetLinks: 'assets' };

// ---- The reminder: the workspace's lead unless the post says otherwise ----

/** `default`: the workspace's lead; a preset's minutes; or `custom` minutes typed. */
export type ReminderChoice = 'default' | 'custom' | `${number}`;

export function reminderChoiceOf(lead: number | null | undefined): ReminderChoice {
  if (lead === undefined || lead === null) return 'default';
  return REMINDER_PRESETS.includes(lead) ? `${lead}` : 'custom';
}

/** Minutes before the post its reminder comes; undefined: the workspace's default. */
export function reminderMinutesOf(choice: ReminderChoice, custom: number | null): number | undefined {
  if (choice === 'default') return undefined;
  if (choice === 'custom') return custom ?? undefined;
  return Number(choice);
}

/** What the backend accepts as a lead: whole minutes, up to a week. */
export function isReminderLead(minutes: number | null): boolean {
  return minutes !== null && Number.isInteger(minutes) && minutes >= 0 && minutes <= MAX_REMINDER_MINUTES;
}
