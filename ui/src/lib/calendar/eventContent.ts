// DOM for one calendar item. Built with createElement/textContent only: titles
// and labels are user text and must never be parsed as HTML.
import type { EventContentArg } from '@fullcalendar/core';
import { currentLocale, t } from '../i18n';
import { formatTime } from './dates';
import type { TribuEventProps } from './events';

function span(className: string, text: string): HTMLSpanElement {
  const el = document.createElement('span');
  el.className = className;
  el.textContent = text;
  return el;
}

/**
 * `zone`: the zone the calendar shows, in which the time is printed (the
 * computer's when absent).
 */
export function eventContentNodes(arg: EventContentArg, zone?: string): Node[] {
  const props = arg.event.extendedProps as TribuEventProps;
  if (props.kind === 'keydate') {
    // The background band is only a tint; its label event carries the text.
    if (arg.event.display === 'background') return [];
    return [span('tribu-keydate-label', props.keyDate.label)];
  }
  if (props.kind === 'more') {
    return [span('tribu-event tribu-more-label', t('calendar.more', { n: props.count }))];
  }
  const row = document.createElement('div');
  row.className = 'tribu-event';
  // The list view prints the time in its own column.
  const isList = arg.view.type.startsWith('list');
  if (!isList && arg.event.start) {
    row.append(span('tribu-event-time', formatTime(arg.event.start, currentLocale(), zone)));
  }
  const title = span('tribu-event-title', '');
  if (props.post.occurrenceDate) {
    // In the title's line, which has the width to spare.
    const mark = span('tribu-recurring-mark', '↻');
    mark.title = t('recurrence.mark');
    mark.setAttribute('aria-label', t('recurrence.mark'));
    title.append(mark);
  }
  title.append(document.createTextNode(arg.event.title));
  row.append(title);
  if (props.warnings > 0) {
    // Warnings, never blocks: a small mark the editor explains in full.
    const mark = span('tribu-warning-mark', `⚠ ${props.warnings}`);
    const label = props.warnings === 1 ? t('calendar.warning') : t('calendar.warnings', { n: props.warnings });
    mark.title = label;
    mark.setAttribute('aria-label', label);
    mark.dataset.testid = 'post-draft-warnings';
    row.append(mark);
  }
  if (props.overdue) {
    const late = span('tribu-late-mark', t('calendar.late'));
    late.title = t('calendar.lateTitle');
    late.dataset.testid = 'post-late';
    row.append(late);
  }
  // In the grids a late post's badge says it is late (its status is in the
  // tooltip); the list has room for both.
  if (!props.overdue || isList) row.append(span('tribu-badge', t(`status.${props.post.status}`)));
  return [row];
}
