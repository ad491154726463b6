/// <reference types="svelte" />
/// <reference types="vite/client" />

/** One timed render of the calendar's events (see Calendar.svelte). */
interface TribuRender {
  /** FullCalendar view type, e.g. `dayGridMonth`. */
  view: string;
  /** Posts the backend returned for the visible range. */
  events: number;
  /** Synchronous part: building the events and FullCalendar's render. */
  script: number;
  /** From receiving the posts to the frame after FullCalendar drew them. */
  ms: number;
}

interface Window {
  __tribuPerf?: { renders: TribuRender[] };
}
