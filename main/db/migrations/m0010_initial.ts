// Migration 10: the whole schema of DESIGN.md, so later work adds behaviour,
// not tables. Tables are STRICT; dates are ISO-8601 text; booleans are 0/1.
import { nowIso } from '../../../shared/clock';
import type { Database } from 'better-sqlite3-multiple-ciphers';

export function m0010Initial(db: Database): void {
  db.exec(`
    CREATE TABLE people (
      id            INTEGER PRIMARY KEY,
      is_me         INTEGER NOT NULL DEFAULT 0 CHECK (is_me IN (0, 1)),
      display_name  TEXT    NOT NULL CHECK (length(trim(display_name)) > 0),
      given_name    TEXT    NOT NULL DEFAULT '',
      family_name   TEXT    NOT NULL DEFAULT '',
      headline      TEXT    NOT NULL DEFAULT '',
      location      TEXT    NOT NULL DEFAULT '',
      emails        TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(emails)),
      phones        TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(phones)),
      links         TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(links)),
      linkedin_url  TEXT,
      how_we_met    TEXT    NOT NULL DEFAULT '',
      notes         TEXT    NOT NULL DEFAULT '',
      cadence_days  INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
      archived_at   TEXT,
      created_at    TEXT    NOT NULL,
      updated_at    TEXT    NOT NULL,
      CHECK (is_me = 0 OR archived_at IS NULL)
    ) STRICT;
    -- Exactly one "me": at most one by this index, at least one because it is
    -- created below and the triggers refuse to delete or demote it.
    CREATE UNIQUE INDEX people_only_one_me ON people(is_me) WHERE is_me = 1;
    CREATE INDEX people_display_name ON people(display_name COLLATE NOCASE);
    CREATE INDEX people_linkedin_url ON people(linkedin_url) WHERE linkedin_url IS NOT NULL;
    CREATE TRIGGER people_keep_me_delete BEFORE DELETE ON people WHEN OLD.is_me = 1
      BEGIN SELECT RAISE(ABORT, 'me cannot be deleted'); END;
    CREATE TRIGGER people_keep_me_update BEFORE UPDATE OF is_me ON people WHEN OLD.is_me = 1 AND NEW.is_me = 0
      BEGIN SELECT RAISE(ABORT, 'me cannot stop being me'); END;

    CREATE TABLE organizations (
      id          INTEGER PRIMARY KEY,
      name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
      -- Case- and Unicode-insensitive identity ("ACME labs" = "Acme Labs" = "ＡＣＭＥ Labs"),
      -- computed by the app (NFKC + lower case + folded white space): SQLite's
      -- NOCASE folds ASCII only.
      name_key    TEXT    NOT NULL UNIQUE,
      kind        TEXT    NOT NULL DEFAULT 'company'
                  CHECK (kind IN ('company','school','hospital','association','government','nonprofit','other')),
      domain      TEXT    NOT NULL DEFAULT '',
      notes       TEXT    NOT NULL DEFAULT '',
      is_target   INTEGER NOT NULL DEFAULT 0 CHECK (is_target IN (0, 1)),
      archived_at TEXT,
      created_at  TEXT    NOT NULL,
      updated_at  TEXT    NOT NULL
    ) STRICT;

    CREATE TABLE affiliations (
      id                INTEGER PRIMARY KEY,
      person_id         INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
      organization_id   INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      title             TEXT    NOT NULL DEFAULT '',
      is_hiring_manager INTEGER NOT NULL DEFAULT 0 CHECK (is_hiring_manager IN (0, 1)),
      is_recruiter      INTEGER NOT NULL DEFAULT 0 CHECK (is_recruiter IN (0, 1)),
      is_referrer       INTEGER NOT NULL DEFAULT 0 CHECK (is_referrer IN (0, 1)),
      start_date        TEXT,
      end_date          TEXT,
      is_current        INTEGER NOT NULL DEFAULT 1 CHECK (is_current IN (0, 1)),
      created_at        TEXT    NOT NULL,
      updated_at        TEXT    NOT NULL
    ) STRICT;
    CREATE INDEX affiliations_person ON affiliations(person_id);
    CREATE INDEX affiliations_organization ON affiliations(organization_id);

    -- Undirected: stored once per pair with person_a < person_b.
    CREATE TABLE ties (
      id         INTEGER PRIMARY KEY,
      person_a   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
      person_b   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
      strength   INTEGER NOT NULL CHECK (strength BETWEEN 1 AND 5),
      context    TEXT    NOT NULL DEFAULT '',
      since      TEXT,
      source     TEXT    NOT NULL DEFAULT 'manual' CHECK (source IN ('manual','imported','introduced')),
      created_at TEXT    NOT NULL,
      updated_at TEXT    NOT NULL,
      CHECK (person_a < person_b),
      UNIQUE (person_a, person_b)
    ) STRICT;
    CREATE INDEX ties_person_b ON ties(person_b);

    CREATE TABLE interactions (
      id              INTEGER PRIMARY KEY,
      occurred_at     TEXT    NOT NULL,
      kind            TEXT    NOT NULL CHECK (kind IN ('coffee','call','video_call','email','message','meeting',
                                                        'event','informational_interview','referral')),
      title           TEXT    NOT NULL DEFAULT '',
      body            TEXT    NOT NULL DEFAULT '',
      organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
      deleted_at      TEXT,
      created_at      TEXT    NOT NULL,
      updated_at      TEXT    NOT NULL
    ) STRICT;
    CREATE INDEX interactions_occurred_at ON interactions(occurred_at);

    CREATE TABLE interaction_participants (
      interaction_id INTEGER NOT NULL REFERENCES interactions(id) ON DELETE CASCADE,
      person_id      INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
      PRIMARY KEY (interaction_id, person_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX interaction_participants_person ON interaction_participants(person_id, interaction_id);

    CREATE TABLE introductions (
      id                     INTEGER PRIMARY KEY,
      introducer_id          INTEGER REFERENCES people(id) ON DELETE SET NULL,
      requester_id           INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
      target_person_id       INTEGER REFERENCES people(id) ON DELETE SET NULL,
      target_organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
      status                 TEXT    NOT NULL DEFAULT 'idea'
                             CHECK (status IN ('idea','asked','agreed','made','met','declined')),
      route                  TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(route)),
      message                TEXT    NOT NULL DEFAULT '',
      notes                  TEXT    NOT NULL DEFAULT '',
      created_at             TEXT    NOT NULL,
      updated_at             TEXT    NOT NULL
    ) STRICT;
    CREATE TABLE introduction_events (
      id              INTEGER PRIMARY KEY,
      introduction_id INTEGER NOT NULL REFERENCES introductions(id) ON DELETE CASCADE,
      status          TEXT    NOT NULL CHECK (status IN ('idea','asked','agreed','made','met','declined')),
      at              TEXT    NOT NULL,
      note            TEXT    NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX introduction_events_introduction ON introduction_events(introduction_id);

    CREATE TABLE favors (
      id              INTEGER PRIMARY KEY,
      person_id       INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
      direction       TEXT    NOT NULL CHECK (direction IN ('given','received')),
      kind            TEXT    NOT NULL CHECK (kind IN ('referral','advice','introduction','article','reference','other')),
      occurred_on     TEXT    NOT NULL,
      note            TEXT    NOT NULL DEFAULT '',
      interaction_id  INTEGER REFERENCES interactions(id) ON DELETE SET NULL,
      acknowledged_at TEXT,
      created_at      TEXT    NOT NULL,
      updated_at      TEXT    NOT NULL
    ) STRICT;
    CREATE INDEX favors_person ON favors(person_id);

    CREATE TABLE reminders (
      id             INTEGER PRIMARY KEY,
      person_id      INTEGER REFERENCES people(id) ON DELETE CASCADE,
      interaction_id INTEGER REFERENCES interactions(id) ON DELETE SET NULL,
      title          TEXT    NOT NULL CHECK (length(trim(title)) > 0),
      due_on         TEXT    NOT NULL,
      snoozed_until  TEXT,
      done_at        TEXT,
      dismissed_at   TEXT,
      created_at     TEXT    NOT NULL,
      updated_at     TEXT    NOT NULL
    ) STRICT;
    CREATE INDEX reminders_due ON reminders(due_on) WHERE done_at IS NULL AND dismissed_at IS NULL;
    CREATE INDEX reminders_person ON reminders(person_id);

    CREATE TABLE tags (
      id       INTEGER PRIMARY KEY,
      name     TEXT NOT NULL,
      name_key TEXT NOT NULL UNIQUE
    ) STRICT;
    CREATE TABLE person_tags (
      person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
      tag_id    INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (person_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX person_tags_tag ON person_tags(tag_id);
    CREATE TABLE organization_tags (
      organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      tag_id          INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (organization_id, tag_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value))
    ) STRICT;

    -- Full-text indexes (external content, kept in step by triggers).
    -- remove_diacritics 2 folds "José" to "jose" for every script SQLite knows.
    CREATE VIRTUAL TABLE interactions_fts USING fts5(
      title, body, content='interactions', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER interactions_fts_insert AFTER INSERT ON interactions BEGIN
      INSERT INTO interactions_fts(rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
    END;
    CREATE TRIGGER interactions_fts_delete AFTER DELETE ON interactions BEGIN
      INSERT INTO interactions_fts(interactions_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
    END;
    CREATE TRIGGER interactions_fts_update AFTER UPDATE OF title, body ON interactions BEGIN
      INSERT INTO interactions_fts(interactions_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
      INSERT INTO interactions_fts(rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
    END;

    CREATE VIRTUAL TABLE people_fts USING fts5(
      display_name, headline, location, how_we_met, notes, content='people', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER people_fts_insert AFTER INSERT ON people BEGIN
      INSERT INTO people_fts(rowid, display_name, headline, location, how_we_met, notes)
      VALUES (NEW.id, NEW.display_name, NEW.headline, NEW.location, NEW.how_we_met, NEW.notes);
    END;
    CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN
      INSERT INTO people_fts(people_fts, rowid, display_name, headline, location, how_we_met, notes)
      VALUES ('delete', OLD.id, OLD.display_name, OLD.headline, OLD.location, OLD.how_we_met, OLD.notes);
    END;
    CREATE TRIGGER people_fts_update AFTER UPDATE OF display_name, headline, location, how_we_met, notes ON people BEGIN
      INSERT INTO people_fts(people_fts, rowid, display_name, headline, location, how_we_met, notes)
      VALUES ('delete', OLD.id, OLD.display_name, OLD.headline, OLD.location, OLD.how_we_met, OLD.notes);
      INSERT INTO people_fts(rowid, display_name, headline, location, how_we_met, notes)
      VALUES (NEW.id, NEW.display_name, NEW.headline, NEW.location, NEW.how_we_met, NEW.notes);
    END;

    CREATE VIRTUAL TABLE organizations_fts USING fts5(
      name, domain, notes, content='organizations', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER organizations_fts_insert AFTER INSERT ON organizations BEGIN
      INSERT INTO organizations_fts(rowid, name, domain, notes) VALUES (NEW.id, NEW.name, NEW.domain, NEW.notes);
    END;
    CREATE TRIGGER organizations_fts_delete AFTER DELETE ON organizations BEGIN
      INSERT INTO organizations_fts(organizations_fts, rowid, name, domain, notes)
      VALUES ('delete', OLD.id, OLD.name, OLD.domain, OLD.notes);
    END;
    CREATE TRIGGER organizations_fts_update AFTER UPDATE OF name, domain, notes ON organizations BEGIN
      INSERT INTO organizations_fts(organizations_fts, rowid, name, domain, notes)
      VALUES ('delete', OLD.id, OLD.name, OLD.domain, OLD.notes);
      INSERT INTO organizations_fts(rowid, name, domain, notes) VALUES (NEW.id, NEW.name, NEW.domain, NEW.notes);
    END;
  `);

  const now = nowIso();
  db.prepare(
    `INSERT INTO people (is_me, display_name, created_at, updated_at) VALUES (1, 'Me', ?, ?)`,
  ).run(now, now);
}
