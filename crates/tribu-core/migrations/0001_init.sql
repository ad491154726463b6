-- Tribu workspace, first schema: networks, posts, key dates, settings.
-- Instants are unix seconds (UTC); created/updated are unix milliseconds.

CREATE TABLE network (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    color       TEXT NOT NULL,
    char_limit  INTEGER CHECK (char_limit IS NULL OR char_limit > 0),
    builtin     INTEGER NOT NULL DEFAULT 0,
    position    INTEGER NOT NULL
);

CREATE TABLE post (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    body        TEXT NOT NULL DEFAULT '',
    network_id  TEXT NOT NULL REFERENCES network(id),
    format      TEXT NOT NULL,
    status      TEXT NOT NULL,
    planned_at  INTEGER,
    zone        TEXT,
    theme       TEXT NOT NULL DEFAULT '',
    campaign    TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    asset_links TEXT NOT NULL DEFAULT '[]',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    CHECK (planned_at IS NULL OR zone IS NOT NULL)
);

-- The calendar asks for one visible range at a time.
CREATE INDEX post_planned_at ON post(planned_at, id) WHERE planned_at IS NOT NULL;
CREATE INDEX post_backlog ON post(created_at) WHERE planned_at IS NULL;

CREATE TABLE key_date (
    id     TEXT PRIMARY KEY,
    day    TEXT NOT NULL,
    label  TEXT NOT NULL,
    kind   TEXT NOT NULL
);
CREATE INDEX key_date_day ON key_date(day);

CREATE TABLE setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
