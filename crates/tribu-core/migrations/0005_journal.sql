-- The journal: what each user action changed, field by field, so that every
-- edit can be undone and redone, after a restart too, and so that the same
-- changes can later be exchanged with a shared server (each change carries
-- a hybrid-logical-clock timestamp and the device it was made on).
-- It replaces the charter's own undo history.

CREATE TABLE journal_action (
    -- The order actions were done in; never reused (AUTOINCREMENT), so an
    -- undo that names the action it expects cannot take back another one
    -- that got its number after a redo branch was dropped.
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    -- What a person reads in the history, as JSON of `ActionLabel`
    -- (translated by the UI).
    label       TEXT NOT NULL,
    -- Hybrid logical clock of the action's last effect (done, undone or
    -- redone): `<unix ms, 15 digits>-<counter, 10 digits>`, ordered as text.
    hlc         TEXT NOT NULL,
    device      TEXT NOT NULL,
    -- When it was done (unix milliseconds), for the history and the bound.
    at          INTEGER NOT NULL,
    -- 0: recorded for the history and the change log but not undone by
    -- Ctrl+Z (crisis mode's start and end have their own switches).
    undoable    INTEGER NOT NULL DEFAULT 1 CHECK (undoable IN (0, 1)),
    -- NULL: in effect. Otherwise the order it was undone in, so redo takes
    -- back the last one undone first.
    undone_seq  INTEGER
);
CREATE INDEX journal_action_undone ON journal_action(undone_seq) WHERE undone_seq IS NOT NULL;
CREATE INDEX journal_action_at ON journal_action(at);

-- One row per field of each row an action inserted, updated or deleted.
-- `seq` orders the row changes within the action; an insert or a delete
-- lists every field (old NULL for an insert, new NULL for a delete), an
-- update only the fields that changed. `entity_id` is the row's key as
-- text (a JSON array for a key of several columns). `old` and `new` have no
-- declared type: SQLite keeps each value with its own type.
CREATE TABLE journal_change (
    action_id  INTEGER NOT NULL REFERENCES journal_action(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    op         TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    field      TEXT NOT NULL,
    old,
    new,
    PRIMARY KEY (action_id, seq, field)
) WITHOUT ROWID;

DROP TABLE charter_history;
