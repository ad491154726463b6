// Opens a post of the KPI panel (a top or flop post) where it is edited:
// the calendar, on the post's date, with the post in the side panel.
import { api } from '../api';
import { calendarState } from '../stores/calendar.svelte';
import { openPost } from '../stores/editor.svelte';
import { showScreen } from '../stores/nav.svelte';
import { parseDay } from './format';

export async function openPostInCalendar(postId: string, day: string): Promise<void> {
  const post = await api.postGet(postId);
  const date = parseDay(post.localDate ?? day);
  // The calendar is recreated on its way back and opens on its anchor.
  if (date) calendarState.anchor = date;
  showScreen('calendar');
  openPost(post);
}
