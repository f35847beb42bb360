// Organizations (unique names whatever the case or Unicode form, counts) and
// affiliations (by id or by name, date order, current derived from the end date).
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/open';
import {
  createAffiliation,
  deleteAffiliation,
  getAffiliation,
  listAffiliationsOfPerson,
  updateAffiliation,
} from '../../main/services/affiliations';
import {
  archiveOrganization,
  createOrganization,
  ensureOrganization,
  findOrganizationByName,
  getOrganization,
  getOrganizationDetail,
  listOrganizations,
  restoreOrganization,
  updateOrganization,
} from '../../main/services/organizations';
import { archivePerson, createPerson, getMeId } from '../../main/services/people';
import { createTie } from '../../main/services/ties';
import { KithError } from '../../shared/errors';
import { createTestDb, snapshotDb } from '../helpers/db';

let db: Db;
beforeEach(() => {
  db = createTestDb();
});

function refusal(fn: () => unknown): KithError {
  try {
    fn();
  } catch (error) {
    if (error instanceof KithError) return error;
    throw error;
  }
  throw new Error('expected a KithError');
}

describe('organizations', () => {
  it('creates with defaults and every field', () => {
    expect(createOrganization(db, { name: 'Acme Labs' })).toMatchObject({ name: 'Acme Labs', kind: 'company', domain: '', notes: '', tags: [], archived: false });
    const uni = createOrganization(db, { name: 'Riverbend University', kind: 'school', domain: 'riverbend.example', notes: 'alma mater', tags: ['alumni'] });
    expect(getOrganization(db, uni.id)).toMatchObject({ kind: 'school', domain: 'riverbend.example', tags: ['alumni'] });
  });

  it('names are unique case-, width- and space-insensitively', () => {
    createOrganization(db, { name: 'Acme Labs' });
    const before = snapshotDb(db);
    for (const name of ['acme labs', 'ACME LABS', 'ＡＣＭＥ Labs', 'Acme   Labs', 'Acme\tLabs']) {
      const error = refusal(() => createOrganization(db, { name }));
      expect(error.code, name).toBe('CONFLICT');
      expect(error.message).toMatch(/"Acme Labs" already exists/);
    }
    expect(snapshotDb(db)).toEqual(before);
    expect(findOrganizationByName(db, 'ａｃｍｅ labs')?.name).toBe('Acme Labs');
    // Non-ASCII case folding too, which SQLite's NOCASE would miss.
    createOrganization(db, { name: 'Émile Études' });
    expect(refusal(() => createOrganization(db, { name: 'ÉMILE ÉTUDES' })).code).toBe('CONFLICT');
  });

  it('renaming onto another name is a CONFLICT; changing the case of its own name is fine', () => {
    const acme = createOrganization(db, { name: 'Acme Labs' });
    createOrganization(db, { name: 'Bluefin' });
    expect(refusal(() => updateOrganization(db, acme.id, { name: 'BLUEFIN' })).code).toBe('CONFLICT');
    expect(updateOrganization(db, acme.id, { name: 'ACME Labs', domain: 'acme.example' })).toMatchObject({ name: 'ACME Labs', domain: 'acme.example' });
    expect(refusal(() => createOrganization(db, { name: 'acme labs' })).message).toMatch(/"ACME Labs"/);
    expect(refusal(() => updateOrganization(db, 999, { name: 'x' })).code).toBe('NOT_FOUND');
  });

  it('ensureOrganization finds an existing one whatever the spelling, else creates it', () => {
    const acme = createOrganization(db, { name: 'Acme Labs' });
    expect(ensureOrganization(db, 'ACME labs').id).toBe(acme.id);
    const fresh = ensureOrganization(db, 'Cobalt Studios');
    expect(fresh.id).not.toBe(acme.id);
    expect(ensureOrganization(db, 'cobalt studios').id).toBe(fresh.id);
    expect(db.prepare('SELECT count(*) FROM organizations').pluck().get()).toBe(2);
  });

  it('archive and restore; archived ones are hidden from the list unless asked; the name stays taken', () => {
    const acme = createOrganization(db, { name: 'Acme Labs' });
    createOrganization(db, { name: 'Bluefin' });
    expect(archiveOrganization(db, acme.id).archived).toBe(true);
    expect(listOrganizations(db).items.map((o) => o.name)).toEqual(['Bluefin']);
    expect(listOrganizations(db, { archived: 'only' }).items.map((o) => o.name)).toEqual(['Acme Labs']);
    expect(listOrganizations(db, { archived: 'include' }).items).toHaveLength(2);
    expect(refusal(() => createOrganization(db, { name: 'acme labs' })).message).toMatch(/archived/);
    expect(restoreOrganization(db, acme.id).archived).toBe(false);
  });

  it('counts current, former and directly known people (archived people not counted), sorts and searches', () => {
    const me = getMeId(db);
    const acme = createOrganization(db, { name: 'Acme Labs', domain: 'acme.example' });
    const blue = createOrganization(db, { name: 'Bluefin Bank' });
    createOrganization(db, { name: 'Zeta' });
    const people = ['A', 'B', 'C', 'D', 'E'].map((n) => createPerson(db, { displayName: n }).id);
    for (const p of people.slice(0, 3)) createAffiliation(db, { personId: p, organizationId: acme.id });
    createAffiliation(db, { personId: people[3]!, organizationId: acme.id, endDate: '2020' });
    // A person both current and former at the same place counts once, as current.
    createAffiliation(db, { personId: people[0]!, organizationId: acme.id, endDate: '2015' });
    createAffiliation(db, { personId: people[4]!, organizationId: blue.id });
    createAffiliation(db, { personId: people[3]!, organizationId: blue.id });
    createTie(db, { personA: me, personB: people[0]!, strength: 3 });
    createTie(db, { personA: people[3]!, personB: me, strength: 1 });
    createTie(db, { personA: people[1]!, personB: people[2]!, strength: 5 }); // not mine
    archivePerson(db, people[2]!);

    const rows = listOrganizations(db).items;
    expect(rows.map((r) => [r.name, r.currentPeople, r.formerPeople, r.knownDirectly])).toEqual([
      ['Acme Labs', 2, 1, 2],
      ['Bluefin Bank', 2, 0, 1],
      ['Zeta', 0, 0, 0],
    ]);
    expect(listOrganizations(db, { sort: 'people' }).items.map((r) => r.name)).toEqual(['Acme Labs', 'Bluefin Bank', 'Zeta']);
    expect(listOrganizations(db, { search: 'blue' }).items.map((r) => r.name)).toEqual(['Bluefin Bank']);
    expect(listOrganizations(db, { search: 'acme.ex' }).items.map((r) => r.name)).toEqual(['Acme Labs']);
    for (const search of ['"', 'NEAR(', '*', '-', 'AND', '!!']) expect(() => listOrganizations(db, { search })).not.toThrow();
    expect(listOrganizations(db, { search: '!!' }).items).toEqual([]);
  });

  it('detail lists members: current first, hiring managers and recruiters on top, then my strongest ties', () => {
    const me = getMeId(db);
    const acme = createOrganization(db, { name: 'Acme Labs' });
    const id = (name: string) => createPerson(db, { displayName: name }).id;
    const [former, plain, known, recruiter, manager] = ['Former', 'Plain', 'Known', 'Recruiter', 'Manager'].map(id) as number[];
    createAffiliation(db, { personId: former!, organizationId: acme.id, endDate: '2019', isHiringManager: true });
    createAffiliation(db, { personId: plain!, organizationId: acme.id });
    createAffiliation(db, { personId: known!, organizationId: acme.id, title: 'Engineer' });
    createAffiliation(db, { personId: recruiter!, organizationId: acme.id, isRecruiter: true });
    createAffiliation(db, { personId: manager!, organizationId: acme.id, isHiringManager: true });
    createTie(db, { personA: me, personB: known!, strength: 4 });
    const detail = getOrganizationDetail(db, acme.id);
    expect(detail.organization.name).toBe('Acme Labs');
    expect(detail.members.map((m) => m.displayName)).toEqual(['Manager', 'Recruiter', 'Known', 'Plain', 'Former']);
    expect(detail.members[2]).toMatchObject({ title: 'Engineer', myTieStrength: 4, current: true });
    expect(refusal(() => getOrganizationDetail(db, 999)).code).toBe('NOT_FOUND');
  });
});

describe('affiliations', () => {
  let person: number;
  beforeEach(() => {
    person = createPerson(db, { displayName: 'Ana' }).id;
  });

  it('by organization id, or by name (matched case-insensitively, created when new)', () => {
    const acme = createOrganization(db, { name: 'Acme Labs' });
    const byId = createAffiliation(db, { personId: person, organizationId: acme.id, title: 'Engineer', isReferrer: true });
    expect(byId).toMatchObject({ organizationId: acme.id, organizationName: 'Acme Labs', title: 'Engineer', isReferrer: true, isHiringManager: false });
    expect(createAffiliation(db, { personId: person, organizationName: 'ACME LABS' }).organizationId).toBe(acme.id);
    const created = createAffiliation(db, { personId: person, organizationName: 'Cobalt Studios' });
    expect(getOrganization(db, created.organizationId).name).toBe('Cobalt Studios');
  });

  it('unknown person or organization id: NOT_FOUND, nothing written (not even the organization by name)', () => {
    const before = snapshotDb(db);
    expect(refusal(() => createAffiliation(db, { personId: 999, organizationName: 'New Co' })).code).toBe('NOT_FOUND');
    expect(refusal(() => createAffiliation(db, { personId: person, organizationId: 999 })).code).toBe('NOT_FOUND');
    expect(snapshotDb(db)).toEqual(before);
  });

  it('current follows the end date unless given; partial dates compare at their precision', () => {
    expect(createAffiliation(db, { personId: person, organizationName: 'A' }).current).toBe(true);
    expect(createAffiliation(db, { personId: person, organizationName: 'B', startDate: '2018-04', endDate: '2020' }).current).toBe(false);
    expect(createAffiliation(db, { personId: person, organizationName: 'C', endDate: '2030-01-01', current: true }).current).toBe(true);
    expect(createAffiliation(db, { personId: person, organizationName: 'D', startDate: '2020-05-01', endDate: '2020' }).current).toBe(false);
    expect(createAffiliation(db, { personId: person, organizationName: 'E', startDate: '2020-05', endDate: '2020-05' }).endDate).toBe('2020-05');
  });

  it('an end before the start is INVALID_INPUT, on create and on update, and changes nothing', () => {
    const before = snapshotDb(db);
    const error = refusal(() => createAffiliation(db, { personId: person, organizationName: 'New Co', startDate: '2021-03', endDate: '2020-12-31' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/end date \(2020-12-31\) is before the start date \(2021-03\)/);
    expect(refusal(() => createAffiliation(db, { personId: person, organizationName: 'New Co', startDate: '2021', endDate: '2020-12' })).code).toBe(
      'INVALID_INPUT',
    );
    expect(snapshotDb(db)).toEqual(before);

    const a = createAffiliation(db, { personId: person, organizationName: 'Acme', startDate: '2019' });
    const withAcme = snapshotDb(db);
    expect(refusal(() => updateAffiliation(db, a.id, { endDate: '2018' })).code).toBe('INVALID_INPUT');
    expect(snapshotDb(db)).toEqual(withAcme);
    expect(updateAffiliation(db, a.id, { endDate: '2022', current: false, title: 'Lead' })).toMatchObject({ endDate: '2022', current: false, title: 'Lead' });
    expect(updateAffiliation(db, a.id, { startDate: null, endDate: null, current: true })).toMatchObject({ startDate: null, endDate: null, current: true });
  });

  it('lists current first, then the most recent start; delete removes one', () => {
    const old = createAffiliation(db, { personId: person, organizationName: 'Old', startDate: '2010', endDate: '2012' });
    createAffiliation(db, { personId: person, organizationName: 'Mid', startDate: '2013', endDate: '2016' });
    createAffiliation(db, { personId: person, organizationName: 'Now', startDate: '2017' });
    expect(listAffiliationsOfPerson(db, person).map((a) => a.organizationName)).toEqual(['Now', 'Mid', 'Old']);
    deleteAffiliation(db, old.id);
    expect(refusal(() => getAffiliation(db, old.id)).code).toBe('NOT_FOUND');
    expect(refusal(() => deleteAffiliation(db, old.id)).code).toBe('NOT_FOUND');
    expect(refusal(() => updateAffiliation(db, old.id, { title: 'x' })).code).toBe('NOT_FOUND');
    expect(listAffiliationsOfPerson(db, person)).toHaveLength(2);
  });
});
