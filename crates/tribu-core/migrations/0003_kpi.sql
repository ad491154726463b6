-- Objectives, their KPIs, the figures they are measured on (observations per
-- day, network and metric, typed or imported from a CSV export) and the
-- results of each published post. Days are `YYYY-MM-DD` text: a day, not an
-- instant, compared as text.

CREATE TABLE objective (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    notes       TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE kpi (
    id            TEXT PRIMARY KEY,
    objective_id  TEXT NOT NULL REFERENCES objective(id) ON DELETE CASCADE,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    metric        TEXT NOT NULL,
    -- NULL: the KPI counts every network.
    network_id    TEXT REFERENCES network(id),
    target        REAL NOT NULL,
    baseline      REAL,
    start_date    TEXT NOT NULL,
    deadline      TEXT NOT NULL,
    direction     TEXT NOT NULL CHECK (direction IN ('up', 'down')),
    position      INTEGER NOT NULL,
    CHECK (deadline > start_date)
);
CREATE INDEX kpi_objective ON kpi(objective_id, position);
CREATE INDEX kpi_network ON kpi(network_id) WHERE network_id IS NOT NULL;

-- One value per metric, network and day: a later entry (a corrected export
-- imported again) replaces the earlier one instead of counting twice. The
-- table is clustered on that key (WITHOUT ROWID), so the panel reads a
-- metric's values in one sequential pass, value included.
CREATE TABLE observation (
    metric      TEXT NOT NULL,
    network_id  TEXT NOT NULL REFERENCES network(id),
    day         TEXT NOT NULL,
    value       REAL NOT NULL CHECK (value >= 0),
    id          TEXT NOT NULL UNIQUE,
    source      TEXT NOT NULL CHECK (source IN ('manual', 'csv')),
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (metric, network_id, day)
) WITHOUT ROWID;
CREATE INDEX observation_network ON observation(network_id);
CREATE INDEX observation_day ON observation(day);

-- NULL: not measured (X shows no saves, a blog no reach); 0 is a measured zero.
-- Clustered on the post (WITHOUT ROWID): the panel joins it to thousands of
-- posts, one lookup each.
CREATE TABLE post_result (
    post_id      TEXT PRIMARY KEY REFERENCES post(id) ON DELETE CASCADE,
    reach        INTEGER CHECK (reach IS NULL OR reach >= 0),
    impressions  INTEGER CHECK (impressions IS NULL OR impressions >= 0),
    reactions    INTEGER CHECK (reactions IS NULL OR reactions >= 0),
    comments     INTEGER CHECK (comments IS NULL OR comments >= 0),
    shares       INTEGER CHECK (shares IS NULL OR shares >= 0),
    saves        INTEGER CHECK (saves IS NULL OR saves >= 0),
    clicks       INTEGER CHECK (clicks IS NULL OR clicks >= 0),
    updated_at   INTEGER NOT NULL
) WITHOUT ROWID;

-- The dashboard reads the published posts of a period.
CREATE INDEX post_published ON post(planned_at) WHERE status = 'published' AND planned_at IS NOT NULL;
