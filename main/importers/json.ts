// Importing Kith's own JSON export: a restore of everything, not a merge.
//
// It goes only into an empty Kith (no one but me, no organizations, tags,
// ties, journal entries, introductions, favors or reminders), where it
// replaces me and the settings too. Merging a whole other Kith into one that
// has data would mean guessing which "Tom" is which across every table; the
// contact importers do that job, per person. The one exception: a Kith that
// already holds exactly this data (importing the same export twice) is
// accepted and nothing changes.
//
// The file is validated with zod against the live schema (column names,
// types, NOT NULL), then written in one transaction in which SQLite's own
// constraints (CHECK, UNIQUE, foreign keys) get the last word.
import { z } from 'zod';
import { KithError } from '../../shared/errors';
import type { ImportPreview, ImportResult } from '../../shared/importExport';
import type { Db } from '../db/open';
import { LATEST_SCHEMA_VERSION } from '../db/open';
import {
  EXPORT_TABLES,
  JSON_EXPORT_FORMAT,
  JSON_EXPORT_VERSION,
  exportJson,
  serializeExport,
  type ExportTable,
  type KithJsonExport,
  type Row,
} from '../exporters/json';

interface Column {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

function columnsOf(db: Db, table: string): Column[] {
  return db.prepare(`SELECT name, type, "notnull", pk FROM pragma_table_info(?) ORDER BY cid`).all(table) as Column[];
}

function rowSchema(columns: Column[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const c of columns) {
    const base = c.type.toUpperCase() === 'INTEGER' ? z.number().int().min(-(2 ** 53)).max(2 ** 53) : z.string();
    shape[c.name] = c.notnull || c.pk ? base : base.nullable();
  }
  return z.strictObject(shape);
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? `${i.path.map(String).join('.')}: ` : ''}${i.message}`)
    .join('; ');
}

/** Parses and validates a Kith JSON export; rows come back with their columns in schema order. */
export function parseKithJson(db: Db, text: string): KithJsonExport {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new KithError('INVALID_INPUT', `This is not a Kith JSON export: it is not valid JSON (${(error as Error).message}). Nothing was imported.`);
  }
  const head = z
    .object({
      format: z.literal(JSON_EXPORT_FORMAT),
      version: z.number().int(),
      exportedAt: z.string(),
      schemaVersion: z.number().int(),
      tables: z.record(z.string(), z.unknown()),
    })
    .safeParse(raw);
  if (!head.success) {
    throw new KithError('INVALID_INPUT', `This is not a Kith JSON export (${describe(head.error)}). Nothing was imported.`);
  }
  const { version, schemaVersion, tables } = head.data;
  if (version !== JSON_EXPORT_VERSION) {
    throw new KithError(
      'INVALID_INPUT',
      `This export has format version ${version}; this Kith reads version ${JSON_EXPORT_VERSION}. ${version > JSON_EXPORT_VERSION ? 'Update Kith to import it.' : ''}`.trim(),
    );
  }
  if (schemaVersion !== LATEST_SCHEMA_VERSION) {
    throw new KithError(
      'INVALID_INPUT',
      `This export was made with data schema ${schemaVersion}; this Kith uses schema ${LATEST_SCHEMA_VERSION}. ` +
        (schemaVersion > LATEST_SCHEMA_VERSION ? 'Update Kith to import it.' : 'Open it in the Kith that made it and export again after updating.'),
    );
  }
  const known = new Set<string>(EXPORT_TABLES.map((t) => t.name));
  const unknown = Object.keys(tables).filter((k) => !known.has(k));
  if (unknown.length) throw new KithError('INVALID_INPUT', `This export has tables Kith does not know: ${unknown.slice(0, 5).join(', ')}. Nothing was imported.`);

  const out = {} as Record<ExportTable, Row[]>;
  for (const t of EXPORT_TABLES) {
    const columns = columnsOf(db, t.name);
    const schema = z.array(rowSchema(columns)).max(10_000_000);
    const parsed = schema.safeParse(tables[t.name] ?? []);
    if (!parsed.success) {
      throw new KithError('INVALID_INPUT', `The export's ${t.name} table is not valid: ${describe(parsed.error)}. Nothing was imported.`);
    }
    out[t.name] = parsed.data.map((row) => Object.fromEntries(columns.map((c) => [c.name, (row as Row)[c.name] ?? null])) as Row);
  }
  const me = out.people.filter((p) => p.is_me === 1);
  if (me.length !== 1) {
    throw new KithError('INVALID_INPUT', `The export must have exactly one "me" person; it has ${me.length}. Nothing was imported.`);
  }
  return { format: JSON_EXPORT_FORMAT, version, exportedAt: head.data.exportedAt, schemaVersion, tables: out };
}

const DATA_TABLES: ExportTable[] = EXPORT_TABLES.map((t) => t.name).filter((n) => n !== 'settings' && n !== 'people');

/** Empty: nobody but me, and nothing in any other table of user data (settings aside). */
export function isEmptyKith(db: Db): boolean {
  const others = (db.prepare('SELECT count(*) AS n FROM people WHERE is_me = 0').get() as { n: number }).n;
  if (others > 0) return false;
  return DATA_TABLES.every((t) => db.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get() === undefined);
}

const withoutTimestamp = (text: string) => text.replace(/^ {2}"exportedAt": .*$/m, '');

type JsonState = { kind: 'empty' } | { kind: 'identical' };

function stateFor(db: Db, data: KithJsonExport): JsonState {
  if (isEmptyKith(db)) return { kind: 'empty' };
  if (withoutTimestamp(exportJson(db)) === withoutTimestamp(serializeExport(data))) return { kind: 'identical' };
  throw new KithError(
    'CONFLICT',
    'A Kith JSON export can only be imported into an empty Kith, and this one already has data. ' +
      'Start Kith with a new data folder and import it there; to add contacts to this Kith, import a LinkedIn, vCard or Google file instead.',
  );
}

function counts(data: KithJsonExport, identical: boolean): ImportPreview['counts'] {
  const n = (t: ExportTable) => (identical ? 0 : data.tables[t].length);
  const people = identical ? 0 : data.tables.people.length - 1;
  return {
    records: Object.values(data.tables).reduce((s, rows) => s + rows.length, 0),
    newPeople: people,
    matchedPeople: identical ? data.tables.people.length - 1 : 0,
    updatedPeople: 0,
    newOrganizations: n('organizations'),
    updatedOrganizations: 0,
    newAffiliations: n('affiliations'),
    updatedAffiliations: 0,
    newTies: n('ties'),
    updatedTies: 0,
    skipped: 0,
  };
}

export function previewJsonImport(db: Db, text: string): ImportPreview {
  const data = parseKithJson(db, text);
  const identical = stateFor(db, data).kind === 'identical';
  return {
    format: 'json',
    counts: counts(data, identical),
    newPeople: identical
      ? []
      : data.tables.people
          .filter((p) => p.is_me !== 1)
          .map((p) => ({ key: `person ${p.id}`, where: `person ${p.id}`, name: String(p.display_name), organization: null })),
    newOrganizations: identical ? [] : data.tables.organizations.map((o) => String(o.name)),
    matches: [],
    skipped: [],
    warnings: [],
    nothingToDo: identical,
  };
}

export function commitJsonImport(db: Db, text: string, options: { backupBeforeImport?: (db: Db) => void } = {}): ImportResult {
  const data = parseKithJson(db, text);
  if (options.backupBeforeImport && stateFor(db, data).kind === 'empty') options.backupBeforeImport(db);
  return db.transaction(() => {
    const state = stateFor(db, data);
    if (state.kind === 'empty') writeAll(db, data);
    return { format: 'json' as const, counts: counts(data, state.kind === 'identical'), skipped: [], warnings: [] };
  })();
}

function writeAll(db: Db, data: KithJsonExport): void {
  db.pragma('defer_foreign_keys = ON');
  db.prepare('DELETE FROM settings').run();
  for (const t of EXPORT_TABLES) {
    const rows = data.tables[t.name];
    if (rows.length === 0) continue;
    const columns = Object.keys(rows[0]!);
    const insert = db.prepare(`INSERT INTO ${t.name} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
    // Me exists already (every Kith has one): it takes the exported me's id and fields.
    const updateMe =
      t.name === 'people'
        ? db.prepare(`UPDATE people SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE is_me = 1`)
        : null;
    // Me first, so its id is free or taken before anyone else's row arrives.
    const ordered = updateMe ? [...rows].sort((a, b) => Number(b.is_me === 1) - Number(a.is_me === 1)) : rows;
    ordered.forEach((row, i) => {
      try {
        if (updateMe && row.is_me === 1) updateMe.run(row);
        else insert.run(row);
      } catch (error) {
        throw new KithError(
          'INVALID_INPUT',
          `The export's ${t.name} row ${i + 1}${row.id !== undefined ? ` (id ${row.id})` : ''} was refused: ${(error as Error).message}. Nothing was imported.`,
        );
      }
    });
  }
  const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  if (broken.length > 0) {
    const b = broken[0]!;
    throw new KithError(
      'INVALID_INPUT',
      `The export's ${b.table} row with id ${b.rowid} refers to a missing ${b.parent} row${broken.length > 1 ? ` (and ${broken.length - 1} more broken references)` : ''}. Nothing was imported.`,
    );
  }
}
