// The one IPC contract: every channel the renderer may invoke, with the zod
// schema of its input and of its output. The preload exposes exactly these
// channels; main validates every input on arrival (and every output in
// development and tests). Channel names read `domain:verb`.
import { z } from 'zod';
import {
  Affiliation,
  AffiliationCreate,
  AffiliationPatch,
  AppInfo,
  Id,
  Organization,
  OrganizationCreate,
  OrganizationDetail,
  OrganizationPatch,
  OrganizationRow,
  OrganizationsQuery,
  Person,
  PersonCreate,
  PersonDetail,
  PersonPatch,
  PersonRow,
  PeopleQuery,
  QuickResult,
  RequiredName,
  SampleOptions,
  SampleResult,
  Stats,
  Tie,
  TieCreate,
  TiePatch,
} from './domain';
import { importExportContract } from './importExport';
import { routesChannels } from './routes';
import { journalContract } from './journal';
import { backupsContract } from './backups';
import { graphContract } from './graph';
import { targetsChannels } from './targets';
import { likelyTiesChannels } from './likelyTies';
import { encryptionContract } from './encryption';
import { forgetContract } from './forget';
import { historyContract } from './history';
import { syncContract } from './sync';

const byId = z.strictObject({ id: Id });
const nothing = z.strictObject({}).optional();
const ok = z.object({ ok: z.literal(true) });

export const contract = {
  'app:info': { input: nothing, output: AppInfo },
  'app:completeSetup': {
    input: z.strictObject({ displayName: RequiredName('Your name'), loadSample: z.boolean() }),
    output: AppInfo,
  },

  'people:list': { input: PeopleQuery.optional(), output: z.object({ items: z.array(PersonRow), total: z.number().int() }) },
  'people:get': { input: byId, output: PersonDetail },
  'people:create': { input: PersonCreate, output: Person },
  'people:update': { input: z.strictObject({ id: Id, patch: PersonPatch }), output: Person },
  'people:archive': { input: byId, output: Person },
  'people:restore': { input: byId, output: Person },

  'orgs:list': { input: OrganizationsQuery.optional(), output: z.object({ items: z.array(OrganizationRow) }) },
  'orgs:get': { input: byId, output: OrganizationDetail },
  'orgs:create': { input: OrganizationCreate, output: Organization },
  'orgs:update': { input: z.strictObject({ id: Id, patch: OrganizationPatch }), output: Organization },
  'orgs:archive': { input: byId, output: Organization },
  'orgs:restore': { input: byId, output: Organization },

  'affiliations:create': { input: AffiliationCreate, output: Affiliation },
  'affiliations:update': { input: z.strictObject({ id: Id, patch: AffiliationPatch }), output: Affiliation },
  'affiliations:delete': { input: byId, output: ok },

  'ties:create': { input: TieCreate, output: Tie },
  'ties:update': { input: z.strictObject({ id: Id, patch: TiePatch }), output: Tie },
  'ties:delete': { input: byId, output: ok },

  'tags:list': { input: nothing, output: z.array(z.object({ name: z.string(), people: z.number().int() })) },
  'search:quick': {
    input: z.strictObject({ query: z.string().max(2_000), limit: z.number().int().min(1).max(100).optional() }),
    output: z.array(QuickResult),
  },
  'stats:get': { input: nothing, output: Stats },
  'sample:load': { input: SampleOptions.optional(), output: SampleResult },
  ...importExportContract,
  ...routesChannels,
  ...journalContract,
  ...backupsContract,
  ...graphContract,
  ...targetsChannels,
  ...likelyTiesChannels,
  ...encryptionContract,
  ...forgetContract,
  ...historyContract,
  ...syncContract,
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** The function the preload exposes as `window.kith.invoke`. */
export type InvokeFn = <C extends Channel>(channel: C, input?: ChannelInput<C>) => Promise<import('./errors').IpcResult<ChannelOutput<C>>>;
