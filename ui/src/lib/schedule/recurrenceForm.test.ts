import { describe, expect, it } from 'vitest';
import { RecurrenceForm } from './recurrenceForm.svelte';

describe('RecurrenceForm', () => {
  it('sends a stored rule as it is until a control changes it', () => {
    const form = new RecurrenceForm('FREQ=WEEKLY;BYDAY=MO;UNTIL=20270630T215959Z', 'Europe/Paris', '2027-03-01');
    expect(form.choice).toBe('weekly');
    expect(form.rrule).toBe('FREQ=WEEKLY;BYDAY=MO;UNTIL=20270630T215959Z');
    expect(form.toggleWeekday('TH')).toBe(true);
    expect(form.rrule).toBe('FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TH;UNTIL=20270630');
  });

  it('keeps a rule the controls cannot show on offer as it is', () => {
    const form = new RecurrenceForm('FREQ=MONTHLY;BYMONTHDAY=-1', 'Europe/Paris', '2027-03-31');
    expect(form.storedIsCustom).toBe(true);
    form.choice = 'none';
    form.choose('2027-03-31');
    expect(form.rrule).toBeNull();
    form.choice = 'custom';
    form.choose('2027-03-31');
    expect(form.rrule).toBe('FREQ=MONTHLY;BYMONTHDAY=-1');
  });

  it('starts a frequency on the post’s date and keeps the end chosen', () => {
    const form = new RecurrenceForm(null, 'Europe/Paris', '2027-03-29');
    form.choice = 'weekly';
    form.choose('2027-03-29');
    form.setEndKind('count', '2027-03-29');
    form.choice = 'daily';
    form.choose('2027-03-29');
    expect(form.rrule).toBe('FREQ=DAILY;INTERVAL=1;COUNT=10');
  });

  it('refuses to untick the last weekday', () => {
    const form = new RecurrenceForm('FREQ=WEEKLY;BYDAY=MO', 'Europe/Paris', '2027-03-01');
    expect(form.toggleWeekday('MO')).toBe(false);
    expect(form.rule.weekdays).toEqual(['MO']);
  });

  it('moves a weekly series on the date’s weekday to the new date’s, and only that', () => {
    const form = new RecurrenceForm('FREQ=WEEKLY;BYDAY=MO', 'Europe/Paris', '2027-03-01');
    form.followDate('2027-03-01', '2027-03-03');
    expect(form.rrule).toBe('FREQ=WEEKLY;INTERVAL=1;BYDAY=WE');
    form.toggleWeekday('FR');
    form.followDate('2027-03-03', '2027-03-04');
    expect(form.rule.weekdays).toEqual(['WE', 'FR']);
  });

  it('has nothing to repeat once the date is gone', () => {
    const form = new RecurrenceForm('FREQ=DAILY', 'Europe/Paris', '2027-03-01');
    form.clear();
    expect(form.choice).toBe('none');
    expect(form.rrule).toBeNull();
  });
});
