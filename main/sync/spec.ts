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
  /**
   * entity: how a new row's global id is made; the same import on two devices
   * must give the same id. 'content': from the values of `content` (the
   * references by their global ids), so the same fact recorded on two
   * devices is one row (review 32: an imported job or recommendation came
   * twice). 'import': random, unless the row is an imported journal entry:
   * then from its import key (engine.ts, IMPORT_REKEY).
   */
  gid?: 'random' | 'person' | 'nameKey' | 'content' | 'import';
  /** gid 'content': the columns whose values identify the row. */
  content?: readonly string[];
  /** pair / member: the two reference columns that key the row. */
  keys?: readonly [string, string];
  /** Columns that never leave this device, with why. */
  localOnly: Readonly<Record<string, string>>;
  /**
   * Columns holding a JSON array of local ids of another table (an
   * introduction's route): they travel as the array of those rows' global
   * ids; a row that is absent here is left out of the array.
   */
  refLists?: Readonly<Record<string, string>>;
  /**
   * Columns a write always sends together (a CHECK ties them to each other,
   * e.g. a likely-tie decision and its strength), so the same write wins all
   * of them.
   */
  together?: readonly (readonly string[])[];
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
  // Who worked where, as what, when: the same on two devices is one row.
  { table: 'affiliations', kind: 'entity', gid: 'content', content: ['person_id', 'organization_id', 'title', 'start_date', 'end_date'], localOnly: { id: LOCAL_ID } },
  {
    table: 'interactions',
    kind: 'entity',
    gid: 'import',
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
  // Issue 19, second step: the rest of what the user writes. Listed after the
  // rows they refer to (rows are put back parents first, in this order).
  // The same favor (a LinkedIn recommendation imported on two devices) is one row.
  { table: 'favors', kind: 'entity', gid: 'content', content: ['person_id', 'direction', 'kind', 'occurred_on', 'note'], localOnly: { id: LOCAL_ID } },
  // Follow-ups.
  { table: 'reminders', kind: 'entity', gid: 'random', localOnly: { id: LOCAL_ID } },
  { table: 'introductions', kind: 'entity', gid: 'random', localOnly: { id: LOCAL_ID }, refLists: { route: 'people' } },
  { table: 'introduction_events', kind: 'entity', gid: 'random', localOnly: { id: LOCAL_ID } },
  // Targets are organizations (is_target, target_role sync with them); their
  // dated stage history is its own table.
  { table: 'target_stage_events', kind: 'entity', gid: 'random', localOnly: { id: LOCAL_ID } },
  // Tags are keyed by their folded name, so the same tag made on two devices is one tag.
  { table: 'tags', kind: 'entity', gid: 'nameKey', localOnly: { id: LOCAL_ID } },
  { table: 'person_tags', kind: 'member', keys: ['person_id', 'tag_id'], localOnly: {} },
  { table: 'organization_tags', kind: 'member', keys: ['organization_id', 'tag_id'], localOnly: {} },
  {
    table: 'likely_tie_decisions',
    kind: 'pair',
    keys: ['person_a', 'person_b'],
    localOnly: {
      person_a: 'the pair is the key (ordered by local id on each device)',
      person_b: 'the pair is the key (ordered by local id on each device)',
    },
    together: [['decision', 'strength']],
  },
];

/** Tables that do not sync, with why, so nothing is silently left out. */
export const NOT_SYNCED: Readonly<Record<string, string>> = {
  settings: 'local settings, saved graph positions and window state stay on each device',
  // Home's snoozes and dismissals (issue 19 decision): state of this device's
  // Home list rather than the user's record. dismissed_key holds a local id
  // (the newest favor's) or a signature computed from this device's data,
  // which mean nothing elsewhere; a snooze on one computer need not hide the
  // item on the other. (contacted_on, "marked contacted without an entry",
  // stays local with it; a journal entry is the synced way to record contact.)
  attention_states: "this device's Home snoozes and dismissals (dismissed_key holds local ids)",
  import_keys: 'which source rows this device has imported (each device imports on its own)',
  imports: 'this device\'s import log',
  import_changes: 'this device\'s import log',
  person_aliases: 'merge bookkeeping of this device',
  organization_aliases: 'merge bookkeeping of this device',
};

export function syncTable(table: string): SyncTable | undefined {
  return SYNCED_TABLES.find((t) => t.table === table);
}
