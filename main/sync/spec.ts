// What syncs between a person's devices, and what stays on each (issue 19).
// This list is the contract: the README repeats it, and the convergence tests
// compare every column named here and name every column they leave out.
//
// Three shapes of synced table:
// - entity: a row with its own global id (people, organizations, …);
// - pair: an undirected pair of people (ties), keyed by both people's global ids;
// - member: a set membership (who took part in an entry, who it mentions),
//   keyed by the two rows it joins; merged as additions and removals.
//
// Columns are read from the schema at run time, so a later migration's new
// column syncs without a change here; a column that must stay local is listed
// in `localOnly` with the reason. References (foreign keys) travel as the
// referenced row's global id.

export type SyncTableKind = 'entity' | 'pair' | 'member';

export interface SyncTable {
  table: string;
  kind: SyncTableKind;
  /** entity: how a new row's global id is made; the same import on two devices must give the same id. */
  gid?: 'random' | 'person' | 'nameKey';
  /** pair / member: the two reference columns that key the row. */
  keys?: readonly [string, string];
  /** Columns that never leave this device, with why. */
  localOnly: Readonly<Record<string, string>>;
}

const LOCAL_ID = 'the local row id; the global id stands for it on other devices';

export const SYNCED_TABLES: readonly SyncTable[] = [
  {
    table: 'people',
    kind: 'entity',
    gid: 'person',
    localOnly: {
      id: LOCAL_ID,
      is_me: 'every data file has its own "me"; it syncs as the global id "me"',
      search_folded: 'derived from the name, e-mails and phones by each device',
      import_batch: 'which import on this device added the person (for "See the people")',
      sort_key: 'derived from the name by each device (the People list order)',
    },
  },
  { table: 'organizations', kind: 'entity', gid: 'nameKey', localOnly: { id: LOCAL_ID } },
  { table: 'affiliations', kind: 'entity', gid: 'random', localOnly: { id: LOCAL_ID } },
  {
    table: 'interactions',
    kind: 'entity',
    gid: 'random',
    localOnly: {
      id: LOCAL_ID,
      occurred_utc: 'derived from occurred_at in the user\'s zone by a trigger on each device',
      occurred_date: 'derived from occurred_at in the user\'s zone by a trigger on each device',
      has_time: 'derived from occurred_at by a trigger on each device',
    },
  },
  {
    table: 'ties',
    kind: 'pair',
    keys: ['person_a', 'person_b'],
    localOnly: {
      id: LOCAL_ID,
      person_a: 'the pair is the key (ordered by local id on each device)',
      person_b: 'the pair is the key (ordered by local id on each device)',
      strength_set_at: 'kept by a trigger from each change of strength',
      strength_source: 'kept by a trigger from each change of strength',
    },
  },
  { table: 'interaction_participants', kind: 'member', keys: ['interaction_id', 'person_id'], localOnly: {} },
  { table: 'interaction_mentions', kind: 'member', keys: ['interaction_id', 'person_id'], localOnly: {} },
];

/**
 * Tables that do not sync, with why. Favors, follow-ups, introductions, tags,
 * targets' stage history and likely-tie decisions are to sync too (issue 19
 * names them); until they are in SYNCED_TABLES they are listed here, so
 * nothing is silently left out.
 */
export const NOT_SYNCED: Readonly<Record<string, string>> = {
  settings: 'local settings, saved graph positions and window state stay on each device',
  attention_states: 'not yet synced (issue 19, next step)',
  favors: 'not yet synced (issue 19, next step)',
  reminders: 'not yet synced (issue 19, next step)',
  introductions: 'not yet synced (issue 19, next step)',
  introduction_events: 'not yet synced (issue 19, next step)',
  tags: 'not yet synced (issue 19, next step)',
  person_tags: 'not yet synced (issue 19, next step)',
  organization_tags: 'not yet synced (issue 19, next step)',
  target_stage_events: 'not yet synced (issue 19, next step)',
  likely_tie_decisions: 'not yet synced (issue 19, next step)',
  import_keys: 'which source rows this device has imported (each device imports on its own)',
  imports: 'this device\'s import log',
  import_changes: 'this device\'s import log',
  person_aliases: 'merge bookkeeping of this device',
  organization_aliases: 'merge bookkeeping of this device',
};

export function syncTable(table: string): SyncTable | undefined {
  return SYNCED_TABLES.find((t) => t.table === table);
}
