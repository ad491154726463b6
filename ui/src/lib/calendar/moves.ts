// Where a post lands when it is dropped on the calendar. The calendar shows
// the audience's clocks or this computer's, but the backend takes the day and
// time on the clocks of the post's own zone: a drop is read as the instant the
// user sees, then put on the post's clocks.
import { sameZone, wallClock } from './zones';

/** `date` (`YYYY-MM-DD`) and `time` (`HH:MM`, or null to keep the time of day) in the post's zone. */
export type MoveTarget = { date: string; time: string | null };

/**
 * `start`: the instant FullCalendar gives the dropped event (the day or slot
 * dropped on, at the time of day shown); `timed`: dropped on a slot of the
 * week grid, which picks a time too.
 */
export function dropTarget(start: Date, postZone: string, displayZone: string, timed: boolean): MoveTarget {
  const there = wallClock(start, postZone);
  // On the post's own clocks a day is enough: the backend keeps its time of day.
  if (!timed && sameZone(postZone, displayZone)) return { date: there.date, time: null };
  // On other clocks the same time of day on screen can be another day or hour
  // for the post: send both.
  return there;
}

/** An occurrence dropped on another day, waiting for the user's choice of scope. */
export type OccurrenceMove = MoveTarget & {
  postId: string;
  occurrenceDate: string;
  title: string;
  /** Puts the dragged item back where it was. */
  revert: () => void;
};
