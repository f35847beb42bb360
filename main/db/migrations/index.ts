// Numbered migrations, listed explicitly (Signal's style: steps of 10). Each
// runs in its own transaction and sets PRAGMA user_version to its number.
// Never edit a released migration: add the next one, and a test that builds
// the old schema, fills it, migrates and checks the data.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { m0010Initial } from './m0010_initial';
import { m0020Journal } from './m0020_journal';
import { m0030JournalInstants } from './m0030_journal_instants';
import { m0040SearchFolded } from './m0040_search_folded';
import { m0050ImportKeys } from './m0050_import_keys';
import { m0070TargetJob } from './m0070_target_job';
import { m0080HistoryImportKeys } from './m0080_history_import_keys';
import { m0090TheirConnections } from './m0090_their_connections';
import { m0100LikelyTies } from './m0100_likely_ties';
import { m0130FirstWeek } from './m0130_first_week';
import { m0140Sync } from './m0140_sync';
import { m0160SyncCompaction } from './m0160_sync_compaction';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 10, name: 'initial schema', up: m0010Initial },
  { version: 20, name: 'journal: attention states, indexes', up: m0020Journal },
  { version: 30, name: 'journal: entries as instants and local dates', up: m0030JournalInstants },
  { version: 40, name: 'folded search text, entry mentions, when a tie strength was set', up: m0040SearchFolded },
  { version: 50, name: 'import keys (LinkedIn conversations by day) and aliases of merged people and organizations', up: m0050ImportKeys },
  { version: 70, name: 'targets: the role and the dated job stage history', up: m0070TargetJob },
  { version: 80, name: 'import keys for calendar events, series months and mail days', up: m0080HistoryImportKeys },
  { version: 90, name: "a contact's connections: ties.source 'their-connections' and whose file, people.degree", up: m0090TheirConnections },
  { version: 100, name: 'likely ties: organization size bands, decisions on likely ties', up: m0100LikelyTies },
  { version: 130, name: 'introduction moves keep what they replaced (undo); people sort keys', up: m0130FirstWeek },
  { version: 140, name: 'sync: device, global ids, field registers, outbox', up: m0140Sync },
  { version: 160, name: 'sync: snapshots, state files, forgotten devices', up: m0160SyncCompaction },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
