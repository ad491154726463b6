// Opens a post where it is edited: the calendar, on the post's date, with
// the post in the side panel. For a top or flop post of the KPI panel, and
// a clicked notification (stores/windowEvents.ts).
import { api } from '../api';
import { calendarState } from '../stores/calendar.svelte';
import { openPost } from '../stores/editor.svelte';
import { showScreen } from '../stores/nav.svelte';
import { parseDay } from './format';

export async function openPostInCalendar(postId: string, day: string | null = null): Promise<void> {
  const post = await api.postGet(postId);
  const date = parseDay(post.localDate ?? day);
  // Shown, the calendar moves there; else it is recreated on its way back
  // and opens on its anchor.
  if (date) calendarState.goTo(date);
  showScreen('calendar');
  openPost(post);
}
