import { describe, expect, it } from 'vitest';
import { isReminderLead, newPostForm, reminderChoiceOf, reminderMinutesOf, toPostInput } from './postForm';

describe('post form', () => {
  it('makes a new post a draft on a day at 09:00, or an idea without one', () => {
    expect(newPostForm('2027-03-29', null, 'net-x', 'Europe/Paris')).toMatchObject({ status: 'draft', date: '2027-03-29', time: '09:00' });
    expect(newPostForm(null, '14:00', 'net-x', 'Europe/Paris')).toMatchObject({ status: 'idea', date: '', time: '' });
  });

  it('sends trimmed texts, one asset a line, and no time or rule without a date', () => {
    const form = { ...newPostForm(null, null, 'net-x', 'Europe/Paris'), title: ' Tips ', theme: ' care ', assets: ' a.png \n\n b.png ' };
    expect(toPostInput(form, 'FREQ=DAILY', 60)).toMatchObject({
      title: 'Tips',
      theme: 'care',
      assetLinks: ['a.png', 'b.png'],
      date: null,
      time: null,
      rrule: undefined,
      reminderMinutes: 60,
    });
  });

  it('reads a stored lead as the workspace default, a preset, or custom minutes', () => {
    expect(reminderChoiceOf(undefined)).toBe('default');
    expect(reminderChoiceOf(60)).toBe('60');
    expect(reminderChoiceOf(45)).toBe('custom');
    expect(reminderMinutesOf('default', 45)).toBeUndefined();
    expect(reminderMinutesOf('60', 45)).toBe(60);
    expect(reminderMinutesOf('custom', 45)).toBe(45);
  });

  it('accepts whole minutes up to a week', () => {
    expect([0, 10_080].map(isReminderLead)).toEqual([true, true]);
    expect([null, -1, 1.5, 10_081].map(isReminderLead)).toEqual([false, false, false, false]);
  });
});
