-- The community-management charter: one row per section, its content as
-- JSON of the typed structs in src/charter (validated before every write).
-- Each change keeps the section's previous content, so the last change can
-- be undone.

CREATE TABLE charter_section (
    section     TEXT PRIMARY KEY,
    data        TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE charter_history (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    section     TEXT NOT NULL,
    -- NULL: the section did not exist before the change.
    data        TEXT,
    changed_at  INTEGER NOT NULL
);
