// The JSON export: every table of user data, me included, exactly as stored.
// Versioned, deterministic (tables in a fixed order, rows by primary key,
// columns in schema order, two-space indentation) and lossless: values are
// the stored ones, JSON columns included as their stored text, so export →
// import into an empty Kith → export is byte-identical but for `exportedAt`.
import { now as clockNow } from '../../shared/clock';
import type { Db } from '../db/open';
import { LATEST_SCHEMA_VERSION } from '../db/open';

export const JSON_EXPORT_FORMAT = 'kith-export';
export const JSON_EXPORT_VERSION = 1;

/**
 * User-data tables in an order where every reference points backwards, so an
 * import can insert them top to bottom. FTS indexes are left out: they are
 * rebuilt from their tables by triggers.
 */
export const EXPORT_TABLES = [
  { name: 'settings', orderBy: 'key' },
  { name: 'tags', orderBy: 'id' },
  { name: 'organizations', orderBy: 'id' },
  { name: 'people', orderBy: 'id' },
  { name: 'organization_tags', orderBy: 'organization_id, tag_id' },
  { name: 'person_tags', orderBy: 'person_id, tag_id' },
  { name: 'affiliations', orderBy: 'id' },
  { name: 'ties', orderBy: 'id' },
  { name: 'interactions', orderBy: 'id' },
  { name: 'interaction_participants', orderBy: 'interaction_id, person_id' },
  { name: 'interaction_mentions', orderBy: 'interaction_id, person_id' },
  { name: 'introductions', orderBy: 'id' },
  { name: 'introduction_events', orderBy: 'id' },
  { name: 'favors', orderBy: 'id' },
  { name: 'reminders', orderBy: 'id' },
  { name: 'attention_states', orderBy: 'subject, person_id' },
  // Issue 13: what re-imports and merges rely on, and the import log.
  { name: 'import_keys', orderBy: 'source, key' },
  { name: 'person_aliases', orderBy: 'kind, value' },
  { name: 'organization_aliases', orderBy: 'name_key' },
  { name: 'imports', orderBy: 'id' },
  { name: 'import_changes', orderBy: 'import_id, seq' },
  { name: 'target_stage_events', orderBy: 'id' },
  // Issue 15: confirm/dismiss decisions on likely ties (the likely ties themselves are recomputed).
  { name: 'likely_tie_decisions', orderBy: 'person_a, person_b' },
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number]['name'];

/**
 * Tables a JSON export leaves out, with why: the sync bookkeeping (issue 19)
 * belongs to this device, holds the sync key, and is rebuilt when sync is
 * set up on the file an export is imported into.
 */
export const NOT_EXPORTED: Readonly<Record<string, string>> = {
  sync_device: "this device's sync identity, clock and key (a secret)",
  sync_ids: "this device's map of global ids to its row ids",
  sync_fields: "this device's merge state",
  sync_outbox: 'operations this device has not sent yet',
  sync_peers: "what this device has applied from the others",
  sync_conflicts: "this device's record of text kept from concurrent edits",
  sync_settle: 'rows this device re-created, waiting for their children to be put back',
};

export type Row = Record<string, string | number | null>;

export interface KithJsonExport {
  format: typeof JSON_EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  schemaVersion: number;
  tables: Record<ExportTable, Row[]>;
}

export function readTables(db: Db): Record<ExportTable, Row[]> {
  const tables = {} as Record<ExportTable, Row[]>;
  for (const t of EXPORT_TABLES) {
    tables[t.name] = db.prepare(`SELECT * FROM ${t.name} ORDER BY ${t.orderBy}`).all() as Row[];
  }
  return tables;
}

/** The canonical text of an export. Key order is fixed here, never taken from the input. */
export function serializeExport(data: KithJsonExport): string {
  const ordered = {
    format: data.format,
    version: data.version,
    exportedAt: data.exportedAt,
    schemaVersion: data.schemaVersion,
    tables: Object.fromEntries(EXPORT_TABLES.map((t) => [t.name, data.tables[t.name]])),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export function exportJson(db: Db, options: { now?: Date } = {}): string {
  const tables = db.transaction(() => readTables(db))();
  return serializeExport({
    format: JSON_EXPORT_FORMAT,
    version: JSON_EXPORT_VERSION,
    exportedAt: (options.now ?? clockNow()).toISOString(),
    schemaVersion: LATEST_SCHEMA_VERSION,
    tables,
  });
}
