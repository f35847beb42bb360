// Migrations from every schema version ever released (issue 7), generic over
// MIGRATIONS so each new migration is covered the day it is listed:
//
// for every version v (and a brand-new, empty file), a file built by the real
// migrations up to v and filled with representative data
//   (a) migrates to the latest version with every row kept, and the schema
//       equals a file built cleanly at the latest version;
//   (b) for each later migration, interrupted by a throw at the end of its
//       up(), and for the next migration after v, by SIGKILLing a child
//       process at random moments while it runs, the file is at the old or
//       the new version with exactly that
//       version's schema (sqlite_schema compared with a reference built
//       cleanly at that version) and its data intact, never in between; and
//       a normal open afterwards finishes the job.
//
// The data is written with plain SQL into the tables of the first schema
// (m0010), which every later schema keeps; a migration that drops or renames
// one of them must update seedRows() here.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { bundleChild, childPath } from '../helpers/child';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../main/db/migrations';
import { openDatabase, type Db } from '../../main/db/open';
import { seededRandom } from '../../main/sample/generate';
import { makeTempDir, removeTempDirs } from '../helpers/db';

// 8 per migration in the suite (14 migrations: 112 child processes, the file was the
// suite's longest); `npm run test:soak` kills each at 64 moments.
const KILLS_PER_MIGRATION = Number(process.env.KITH_MIGRATION_KILLS ?? 8);
// Per process: node_modules (and its cache) can be shared by several checkouts whose migrations differ.
const child = childPath('kith-migrate', 'child.cjs', true);

afterAll(removeTempDirs);
beforeAll(async () => {
  await bundleChild({ entry: 'test/durability/migrateChild.ts' }, child);
});

/** 0 is a brand-new file; then every released version. */
const STARTS = [0, ...MIGRATIONS.map((m) => m.version)];
const upTo = (v: number) => MIGRATIONS.filter((m) => m.version <= v);
const later = (v: number) => MIGRATIONS.filter((m) => m.version > v);

type SchemaRow = { type: string; name: string; tbl_name: string; sql: string | null };

function schemaOf(db: Db): SchemaRow[] {
  return db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name`).all() as SchemaRow[];
}

/** sqlite_schema of a file built cleanly (no data) at each version. */
const reference = new Map<number, SchemaRow[]>();
function referenceSchema(v: number): SchemaRow[] {
  if (!reference.has(v)) {
    const file = path.join(makeTempDir('kith-migref-'), 'kith.db');
    if (v === 0) {
      reference.set(0, []);
    } else {
      const db = openDatabase(file, { migrations: upTo(v) });
      reference.set(v, schemaOf(db));
      db.close();
    }
  }
  return reference.get(v)!;
}

/** Representative rows in every table of the first schema: names in many scripts, Markdown, JSON lists, NULLs, links between rows. */
function seedRows(db: Db): void {
  const rand = seededRandom(2026);
  const now = '2025-06-01T10:00:00.000Z';
  const names = ['Ana Acosta', 'José García', 'Zoë Müller', '山田 太郎', 'Ольга Смирнова', 'محمد علي', 'Prince', "O'Brien; DROP TABLE people;--"];
  db.transaction(() => {
    const person = db.prepare(
      `INSERT INTO people (display_name, given_name, family_name, headline, location, emails, phones, links, linkedin_url, how_we_met, notes, cadence_days, archived_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, '[]', '[]', ?, ?, ?, ?, ?, ?, ?)`,
    );
    const people: number[] = [];
    for (let i = 0; i < 300; i++) {
      const name = `${names[i % names.length]} ${i}`;
      people.push(
        Number(
          person.run(
            name,
            name.split(' ')[0],
            name.split(' ')[1] ?? '',
            i % 3 ? `Engineer at Org ${i % 20}` : '',
            i % 4 ? 'Lisbon' : '',
            JSON.stringify(i % 2 ? [{ value: `p${i}@example.com`, label: 'work' }] : []),
            i % 5 ? null : `https://www.linkedin.com/in/p${i}`,
            i % 7 ? '' : 'Met at **PyCon**',
            `Notes about ${name}: likes café and résumé reviews ${i}`,
            i % 6 ? null : 90,
            i % 50 === 49 ? now : null,
            now,
            now,
          ).lastInsertRowid,
        ),
      );
    }
    const org = db.prepare(`INSERT INTO organizations (name, name_key, kind, domain, notes, is_target, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const orgs: number[] = [];
    for (let i = 0; i < 20; i++) {
      orgs.push(Number(org.run(`Org ${i} Ünïcode`, `org ${i} ünïcode`, i % 2 ? 'company' : 'school', `org${i}.example`, `Org notes ${i}`, i % 5 ? 0 : 1, now, now).lastInsertRowid));
    }
    const aff = db.prepare(
      `INSERT INTO affiliations (person_id, organization_id, title, is_hiring_manager, is_recruiter, is_referrer, start_date, end_date, is_current, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?)`,
    );
    people.forEach((p, i) => aff.run(p, orgs[i % orgs.length]!, `Title ${i}`, i % 11 ? 0 : 1, '2020-01', i % 4 ? null : '2023', i % 4 ? 1 : 0, now, now));
    const tie = db.prepare(`INSERT OR IGNORE INTO ties (person_a, person_b, strength, context, since, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'manual', ?, ?)`);
    for (let i = 0; i < 900; i++) {
      const a = people[Math.floor(rand() * people.length)]!;
      const b = people[Math.floor(rand() * people.length)]!;
      if (a !== b) tie.run(Math.min(a, b), Math.max(a, b), 1 + Math.floor(rand() * 5), `Context ${i}`, i % 3 ? null : '2019', now, now);
    }
    const entry = db.prepare(`INSERT INTO interactions (occurred_at, kind, title, body, organization_id, deleted_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const part = db.prepare(`INSERT INTO interaction_participants (interaction_id, person_id) VALUES (?, ?)`);
    const kinds = ['coffee', 'call', 'email', 'meeting', 'event', 'informational_interview'];
    for (let i = 0; i < 4000; i++) {
      const id = Number(
        entry.run(
          `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
          kinds[i % kinds.length]!,
          `Entry ${i}`,
          `Talked about compilers, hiring and José's café (${i}). ${'More words here. '.repeat(1 + (i % 20))}`,
          i % 3 ? orgs[i % orgs.length]! : null,
          i % 97 === 0 ? now : null,
          now,
          now,
        ).lastInsertRowid,
      );
      part.run(id, people[i % people.length]!);
      if (i % 4 === 0) part.run(id, people[(i * 7 + 1) % people.length]!);
    }
    const intro = db.prepare(
      `INSERT INTO introductions (introducer_id, requester_id, target_person_id, target_organization_id, status, route, message, notes, created_at, updated_at) VALUES (?, 1, ?, ?, ?, '[]', ?, '', ?, ?)`,
    );
    const event = db.prepare(`INSERT INTO introduction_events (introduction_id, status, at, note) VALUES (?, ?, ?, '')`);
    for (let i = 0; i < 15; i++) event.run(Number(intro.run(people[i]!, people[i + 20]!, orgs[i % orgs.length]!, 'asked', `Hi ${i}`, now, now).lastInsertRowid), 'asked', now);
    const favor = db.prepare(`INSERT INTO favors (person_id, direction, kind, occurred_on, note, created_at, updated_at) VALUES (?, ?, 'advice', '2024-03-01', ?, ?, ?)`);
    const reminder = db.prepare(`INSERT INTO reminders (person_id, title, due_on, done_at, created_at, updated_at) VALUES (?, ?, '2024-04-01', ?, ?, ?)`);
    for (let i = 0; i < 40; i++) {
      favor.run(people[i]!, i % 2 ? 'given' : 'received', `Favor ${i}`, now, now);
      reminder.run(people[i]!, `Write back ${i}`, i % 3 ? null : now, now, now);
    }
    const tag = db.prepare(`INSERT INTO tags (name, name_key) VALUES (?, ?)`);
    const tags = ['mentor', 'Recruiter', 'école'].map((t) => Number(tag.run(t, t.toLowerCase()).lastInsertRowid));
    const personTag = db.prepare(`INSERT INTO person_tags (person_id, tag_id) VALUES (?, ?)`);
    people.slice(0, 60).forEach((p, i) => personTag.run(p, tags[i % tags.length]!));
    db.prepare(`INSERT INTO organization_tags (organization_id, tag_id) VALUES (?, ?)`).run(orgs[0]!, tags[0]!);
    db.prepare(`INSERT INTO settings (key, value) VALUES ('onboarded', 'true')`).run();
  })();
}

/** Plain tables (no FTS index nor its shadow tables: those are rebuilt, and checked by FTS5's own integrity check). */
function dataTables(db: Db): string[] {
  const fts = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`).pluck().all() as string[]);
  return (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[]).filter(
    (t) => !fts.some((f) => t === f || t.startsWith(`${f}_`)),
  );
}

type Rows = Record<string, { columns: string[]; rows: string[] }>;

function rowsOf(db: Db): Rows {
  const out: Rows = {};
  for (const table of dataTables(db)) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).sort();
    out[table] = { columns, rows: projected(db, table, columns) };
  }
  return out;
}

function projected(db: Db, table: string, columns: string[]): string[] {
  const list = columns.map((c) => `"${c}"`).join(', ');
  return (db.prepare(`SELECT ${list} FROM "${table}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
}

/** Every row seeded at the old version is still there, unchanged in the columns it had then; the file is sound. */
function expectIntact(db: Db, before: Rows): void {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  const fts = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'`).pluck().all() as string[];
  for (const table of fts) db.prepare(`INSERT INTO "${table}"("${table}", rank) VALUES ('integrity-check', 1)`).run();
  for (const [table, { columns, rows }] of Object.entries(before)) {
    expect(projected(db, table, columns), `rows of ${table}`).toEqual(rows);
  }
}

interface Template {
  v: number;
  file: string;
  rows: Rows;
}

/** A file at version v with representative data, closed so the file alone is the database. */
function template(v: number): Template {
  const file = path.join(makeTempDir(`kith-migall-${v}-`), 'kith.db');
  if (v === 0) return { v, file, rows: {} }; // a brand-new file: nothing on disk yet
  const db = openDatabase(file, { migrations: upTo(v) });
  seedRows(db);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const rows = rowsOf(db);
  db.close();
  return { v, file, rows };
}

/** A fresh copy of a template to work on. */
function copyOf(t: Template): string {
  const file = path.join(makeTempDir('kith-migcase-'), 'kith.db');
  if (fs.existsSync(t.file)) fs.copyFileSync(t.file, file);
  return file;
}

/** Opens a file without migrating it (a raw connection), to look at where it stands. */
function inspect(file: string, fn: (db: Db, version: number) => void): void {
  const db = new Database(file);
  try {
    fn(db, db.pragma('user_version', { simple: true }) as number);
  } finally {
    db.close();
  }
}

function expectAtVersion(file: string, allowed: number[], t: Template): number {
  let at = -1;
  inspect(file, (db, version) => {
    at = version;
    expect(allowed, `version ${version} is one of ${allowed.join(', ')}`).toContain(version);
    expect(schemaOf(db), `schema at version ${version}`).toEqual(referenceSchema(version));
    if (version > 0) expectIntact(db, t.rows);
  });
  return at;
}

describe.each(STARTS)('a file at schema version %i', (v) => {
  let t: Template;
  beforeAll(() => {
    t = template(v);
  });

  it(`migrates to the latest version (${LATEST_SCHEMA_VERSION}) with every row kept and the reference schema`, () => {
    const file = copyOf(t);
    const db = openDatabase(file, { backupDir: path.join(path.dirname(file), 'backups') });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(schemaOf(db)).toEqual(referenceSchema(LATEST_SCHEMA_VERSION));
    if (v > 0) expectIntact(db, t.rows);
    // A copy is taken before migrating an existing file, and only then.
    const backups = path.join(path.dirname(file), 'backups');
    expect(fs.existsSync(backups) ? fs.readdirSync(backups).length : 0).toBe(v > 0 && v < LATEST_SCHEMA_VERSION ? 1 : 0);
    db.close();
  });

  const pending = later(v);
  if (pending.length === 0) return;

  it.each(pending.map((m) => [m.version, m.name] as const))('migration %i (%s) throwing at the end of up(): the file stays at the version before it, intact', (target) => {
    const file = copyOf(t);
    const wrapped: Migration[] = MIGRATIONS.map((m) =>
      m.version === target
        ? {
            ...m,
            up: (db) => {
              m.up(db);
              throw new Error(`interrupted after migration ${m.version}`);
            },
          }
        : m,
    );
    expect(() => openDatabase(file, { migrations: wrapped })).toThrow(`interrupted after migration ${target}`);
    const before = [v, ...MIGRATIONS.map((m) => m.version)].filter((x) => x < target).at(-1)!;
    expect(expectAtVersion(file, [before], t)).toBe(before);
    // The next normal open finishes the job.
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    if (v > 0) expectIntact(db, t.rows);
    db.close();
  });

  // Each migration is its own transaction on the schema its predecessor left,
  // so it is killed from that version (the upgrade a user actually makes, one
  // release at a time); starting further back only adds earlier migrations
  // that are killed from their own predecessors. Every migration is covered
  // once, and the suite does not grow with the square of their number.
  it.each(pending.slice(0, 1).map((m) => [m.version, m.name] as const))(
    `migration %i (%s) killed (SIGKILL) at ${KILLS_PER_MIGRATION} random moments while it runs: old or new version, never between`,
    async (target) => {
      const rand = seededRandom(target * 1000 + v);
      const outcomes = { old: 0, new: 0 };
      const before = [v, ...MIGRATIONS.map((m) => m.version)].filter((x) => x < target).at(-1)!;
      for (let run = 0; run < KILLS_PER_MIGRATION; run++) {
        const file = copyOf(t);
        // Kill 0–3 ms after the migration announced its start (most land inside it), sometimes after its up() returned.
        const afterEnd = run % 4 === 3;
        await runAndKill(file, `${afterEnd ? 'end' : 'begin'} ${target}`, Math.floor(rand() * 4));
        const at = expectAtVersion(file, MIGRATIONS.map((m) => m.version).filter((x) => x >= before).concat(before === 0 ? [0] : []), t);
        if (at === before) outcomes.old++;
        else outcomes.new++;
        const db = openDatabase(file);
        expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
        if (v > 0) expectIntact(db, t.rows);
        db.close();
      }
      // The kills really landed inside the migration's transaction.
      expect(outcomes.old).toBeGreaterThan(0);
    },
    120_000,
  );
});

/** Runs the child on `file` and SIGKILLs it `delayMs` after it prints `line` (or lets it finish if it ends first). */
function runAndKill(file: string, line: string, delayMs: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, file, path.join(path.dirname(file), 'backups')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (!armed && out.split('\n').includes(line)) {
        armed = true;
        setTimeout(() => proc.kill('SIGKILL'), delayMs);
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve('finished');
      else reject(new Error(`migration child failed (code ${code}): ${err}`));
    });
  });
}
