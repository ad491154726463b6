-- Scheduling: reminders, recurring posts, key dates that repeat, crisis mode.
-- Depends on 0001 and 0002 only.

-- Minutes before the planned instant the reminder comes; NULL: the
-- workspace default (setting `reminder_lead_minutes`).
ALTER TABLE post ADD COLUMN reminder_minutes INTEGER
    CHECK (reminder_minutes IS NULL OR reminder_minutes BETWEEN 0 AND 10080);
-- RFC 5545 RRULE value (no DTSTART: the series starts at planned_at, in zone).
ALTER TABLE post ADD COLUMN rrule TEXT;
-- A recurring series reminds only of occurrences planned from this instant
-- (unix seconds, the time of the series' last change): its past is history.
ALTER TABLE post ADD COLUMN remind_from INTEGER;
-- The status a post had before crisis mode suspended it.
ALTER TABLE post ADD COLUMN suspended_from TEXT;
-- The next instant something about this post becomes due and has not been
-- sent (unix seconds), and what: 'reminder' or 'overdue'. Kept up to date by
-- every write of the post, so the scheduler's question "what comes next?"
-- is one step down the index below.
ALTER TABLE post ADD COLUMN due_at INTEGER;
ALTER TABLE post ADD COLUMN due_kind TEXT;

CREATE INDEX post_due ON post(due_at, id) WHERE due_at IS NOT NULL;
CREATE INDEX post_recurring ON post(planned_at) WHERE rrule IS NOT NULL;

-- Which notices went out: one per (post, planned instant, kind), whatever
-- restarts or clock jumps happen. No foreign key: a post deleted and then
-- restored (undo) must not be reminded of twice.
CREATE TABLE reminder_sent (
    post_id     TEXT NOT NULL,
    planned_at  INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('reminder', 'overdue')),
    sent_at     INTEGER NOT NULL,
    PRIMARY KEY (post_id, planned_at, kind)
) WITHOUT ROWID;

-- One occurrence of a recurring post that differs from its rule, found by
-- its original local date: skipped, or moved (to moved_to, unix seconds),
-- possibly with its own title.
CREATE TABLE post_exception (
    post_id          TEXT NOT NULL REFERENCES post(id) ON DELETE CASCADE,
    occurrence_date  TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('skip', 'moved')),
    moved_to         INTEGER,
    title            TEXT,
    PRIMARY KEY (post_id, occurrence_date),
    CHECK ((kind = 'moved') = (moved_to IS NOT NULL))
) WITHOUT ROWID;

-- Anniversaries and yearly sales come back every year.
ALTER TABLE key_date ADD COLUMN recurrence TEXT NOT NULL DEFAULT 'none'
    CHECK (recurrence IN ('none', 'yearly'));
CREATE INDEX key_date_yearly ON key_date(day) WHERE recurrence = 'yearly';

-- Crisis mode: at most one crisis runs at a time.
CREATE TABLE crisis (
    id               TEXT PRIMARY KEY,
    started_at       INTEGER NOT NULL,
    ended_at         INTEGER,
    note             TEXT NOT NULL DEFAULT '',
    suspended_posts  INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX crisis_one_active ON crisis((ended_at IS NULL)) WHERE ended_at IS NULL;

-- The checklist, copied from the charter's rapid-response steps when the
-- crisis starts, so later edits of the charter leave a running crisis alone.
CREATE TABLE crisis_step (
    id         TEXT PRIMARY KEY,
    crisis_id  TEXT NOT NULL REFERENCES crisis(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    done_at    INTEGER
);
CREATE INDEX crisis_step_crisis ON crisis_step(crisis_id, position);

CREATE TABLE crisis_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    crisis_id  TEXT NOT NULL REFERENCES crisis(id) ON DELETE CASCADE,
    at         INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    text       TEXT NOT NULL
);
CREATE INDEX crisis_log_crisis ON crisis_log(crisis_id, id);
