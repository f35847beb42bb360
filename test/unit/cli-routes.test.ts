// `kith routes` in-process through runCli: readable blocks per route, --json
// equal to the service's answer, the no-route and direct answers, and bad
// arguments refused (exit 2) before the data file is touched.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoutesResult } from '../../shared/routes';
import { kith } from '../helpers/cli';
import { makeTempDir, removeTempDirs } from '../helpers/db';

let dir: string;
beforeEach(() => {
  dir = path.join(makeTempDir('kith-cli-routes-'), 'data');
});
afterEach(removeTempDirs);

const run = (...args: string[]) => kith([...args, '--data-dir', dir]);

async function network(): Promise<void> {
  for (const args of [
    ['people', 'add', 'Tom Reyes', '--strength', '4', '--org', 'Initech'],
    ['people', 'add', 'Ana Silva', '--org', 'Acme Labs', '--title', 'Engineering Manager'],
    ['people', 'add', 'Lee Park', '--org', 'Faraway'],
    ['ties', 'add', 'Tom Reyes', 'Ana Silva', '--strength', '3', '--context', 'Worked together at Initech'],
  ]) {
    const r = await run(...args);
    expect(r.code, r.stderr).toBe(0);
  }
}

describe('kith routes', () => {
  it('--help documents the options, the warmth numbers and examples', async () => {
    const r = await kith(['routes', '--help']);
    expect(r.code).toBe(0);
    for (const word of ['--to <organization>', '--to-person <person>', '--k <n>', '--max-hops <n>', '--data-dir', '--json', '5: 90%', 'hiring manager ×1.00', 'Examples:', '$ kith routes --to "Acme Labs"']) {
      expect(r.stdout).toContain(word);
    }
  });

  it('prints one block per route: warmth, fit, chain, a reason per hop, and how the warmth adds up', async () => {
    await network();
    const r = await run('routes', '--to', 'acme labs');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      [
        'Routes to Acme Labs (organization), at most 4 hops, goal: anyone there (fallback)',
        '1 route to Acme Labs; the warmest (27%) goes through Tom Reyes. Nobody there is flagged hiring manager or recruiter, so these routes go to anyone there.',
        '',
        '#1  27%  works there  2 hops',
        '    You → Tom Reyes → Ana Silva',
        '    1. Tom Reyes — strength 4, no journal entry yet  (75%)',
        '    2. Tom knows Ana Silva — strength 3, worked together at Initech  (60%)',
        '       Ana works at Acme Labs  (fit ×0.60)',
        '    75% × 60% × fit 0.60 = 27%',
        '',
      ].join('\n'),
    );
  });

  it('--through lists a contact\'s other routes by final introducer; --by-person the best way to each goal person (issue 12)', async () => {
    await network();
    for (const args of [
      ['people', 'add', 'Bea Cruz'],
      ['ties', 'add', 'Tom Reyes', 'Bea Cruz', '--strength', '5'],
      ['ties', 'add', 'Bea Cruz', 'Ana Silva', '--strength', '2'],
    ]) expect((await run(...args)).code).toBe(0);
    const through = await run('routes', '--to', 'Acme Labs', '--through', 'Tom Reyes');
    expect(through).toMatchObject({ code: 0, stderr: '' });
    expect(through.stdout).toContain('Routes through Tom Reyes to Acme Labs (organization), at most 4 hops');
    expect(through.stdout).toContain('1 other way through Tom, each with a different final introducer.');
    expect(through.stdout).toMatch(/Best {2}27% {2}works there {2}2 hops\n {4}You → Tom Reyes → Ana Silva\n/u);
    expect(through.stdout).toMatch(/Other 1 {2}16.2% {2}works there {2}3 hops\n {4}You → Tom Reyes → Bea Cruz → Ana Silva\n/u);

    const byPerson = await run('routes', '--to', 'Acme Labs', '--by-person');
    expect(byPerson).toMatchObject({ code: 0, stderr: '' });
    expect(byPerson.stdout).toContain('\nAna Silva, works there: via Tom, 27%\n    You → Tom Reyes → Ana Silva\n');

    const json = await run('routes', '--to', 'Acme Labs', '--by-person', '--json');
    expect(json.json<{ items: { person: { name: string } }[] }>().items.map((i) => i.person.name)).toEqual(['Ana Silva']);

    expect((await run('routes', '--to', 'Acme Labs', '--through', 'Tom Reyes', '--by-person')).code).toBe(2);
    const notMine = await run('routes', '--to', 'Acme Labs', '--through', 'Ana Silva');
    expect(notMine.code).toBe(1);
    expect(notMine.stderr).toContain('Ana Silva is not one of your own contacts');
  });

  it('--json is the service answer; --k and --max-hops are passed on', async () => {
    await network();
    const r = await run('routes', '--to', 'Acme Labs', '--k', '3', '--max-hops', '4', '--json');
    expect(r.code).toBe(0);
    const result = r.json<RoutesResult>();
    expect(result).toMatchObject({ kind: 'found', k: 3, maxHops: 4, target: { kind: 'organization', name: 'Acme Labs' } });
    if (result.kind !== 'found') throw new Error('expected routes');
    expect(result.routes.map((x) => x.warmthPercent)).toEqual([27]);

    const short = await run('routes', '--to', 'Acme Labs', '--max-hops', '1', '--json');
    expect(short.json<RoutesResult>()).toMatchObject({ kind: 'noRoute', maxHops: 1 });
  });

  it('answers no route, nobody there and a direct tie in words, with exit 0', async () => {
    await network();
    const none = await run('routes', '--to', 'Faraway');
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('No route to Faraway within 4 hops');
    expect((await run('orgs', 'add', 'Empty Co')).code).toBe(0);
    const nobody = await run('routes', '--to', 'Empty Co');
    expect(nobody.stdout).toContain('Kith knows nobody at Empty Co yet.');
    const direct = await run('routes', '--to-person', 'tom');
    expect(direct.code).toBe(0);
    expect(direct.stdout).toContain('You know Tom Reyes directly (strength 4, no journal entry yet), so you can reach out yourself.');
    expect(direct.stdout).toContain('#1  75%  the person you chose  1 hop');
    const person = await run('routes', '--to-person', 'Ana Silva');
    expect(person.stdout).toContain('    You → Tom Reyes → Ana Silva\n');
    expect(person.stdout).toContain('    75% × 60% = 45%\n');
  });

  it('--goal chooses who the route must reach; a goal nobody meets is an answer (exit 0) with labelled alternatives', async () => {
    await network();
    const anyone = await run('routes', '--to', 'Acme Labs', '--goal', 'anyone', '--json');
    expect(anyone.code).toBe(0);
    expect(anyone.json<RoutesResult>()).toMatchObject({ kind: 'found', goal: 'anyone', goalFallback: false });
    const recruiter = await run('routes', '--to', 'Acme Labs', '--goal', 'recruiter');
    expect(recruiter.code).toBe(0);
    expect(recruiter.stdout).toContain('Routes to Acme Labs (organization), at most 4 hops, goal: a recruiter\n');
    expect(recruiter.stdout).toContain('Nobody Kith knows at Acme Labs is a recruiter. The nearest alternatives: anyone there, Ana Silva (27%).');
    expect(recruiter.stdout).toContain('\nAnyone there:  27%  works there  2 hops\n    You → Tom Reyes → Ana Silva\n');
  });

  it('refuses an unknown or ambiguous name (exit 1) and routes to yourself (exit 1)', async () => {
    await network();
    expect(await run('routes', '--to', 'Nowhere')).toMatchObject({ code: 1, stdout: '' });
    expect((await run('people', 'add', 'Ana Khan')).code).toBe(0);
    const ambiguous = await run('routes', '--to-person', 'ana');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('matches');
    const me = await run('routes', '--to-person', 'me');
    expect(me.code).toBe(1);
    expect(me.stderr).toContain('That is you');
  });

  it.each([
    [[], 'Give either --to ORGANIZATION or --to-person PERSON'],
    [['--to', 'Acme', '--to-person', 'Ana'], 'Give either --to ORGANIZATION or --to-person PERSON'],
    [['--to', 'Acme', '--k', '0'], '--k: Ask for at least 1 route'],
    [['--to', 'Acme', '--k', '21'], '--k: Ask for at most 20 routes'],
    [['--to', 'Acme', '--max-hops', '7'], '--max-hops: The hop limit must be from 1 to 6'],
    [['--to', 'Acme', '--max-hops', '0'], '--max-hops: The hop limit must be from 1 to 6'],
    [['--to', 'Acme', '--goal', 'ceo'], 'Unknown --goal "ceo": use one of hiring-manager, recruiter, hiring-manager-or-recruiter, anyone.'],
    [['--to-person', 'Ana', '--goal', 'recruiter'], '--goal applies to --to ORGANIZATION; a route to a person ends at that person.'],
    [['--to', 'Acme', '--max-hops', 'two'], "option '--max-hops <n>' argument 'two' is invalid. It must be a whole number."],
  ])('kith routes %j: exit 2, one line, the data folder untouched', async (args, message) => {
    const r = await run('routes', ...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(dir)).toBe(false);
  });
});

describe('kith target (issue 12)', () => {
  it('shows and sets the role and the dated stage; bad values are refused with nothing changed', async () => {
    await network();
    const empty = await run('target', 'Acme Labs');
    expect(empty).toMatchObject({ code: 0, stdout: 'Acme Labs: no role given; no stage yet\n' });
    const set = await run('target', 'Acme Labs', '--role', 'Staff platform engineer', '--stage', 'reached-out', '--on', '2026-01-05');
    expect(set).toMatchObject({ code: 0, stdout: 'Acme Labs: role: Staff platform engineer; reached out (since 2026-01-05)\n  2026-01-05  reached out\n' });
    const json = await run('target', 'Acme Labs', '--stage', 'applied', '--on', '2026-01-09', '--json');
    expect(json.json<{ stage: string; role: string; history: unknown[] }>()).toMatchObject({
      stage: 'applied',
      role: 'Staff platform engineer',
      history: [{ stage: 'reached_out', on: '2026-01-05' }, { stage: 'applied', on: '2026-01-09' }],
    });
    for (const [args, message] of [
      [['--role', 'x'.repeat(10_000)], '--role: The role is too long (at most 300 characters)'],
      [['--stage', 'dreaming'], 'Unknown --stage "dreaming"'],
      [['--stage', 'offer', '--on', '2026-02-30'], '--on: Not a real date'],
      [['--on', '2026-02-03'], '--on dates a stage: give --stage too.'],
    ] as const) {
      const r = await run('target', 'Acme Labs', ...args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(message);
    }
    expect((await run('target', 'Nowhere Inc')).code).toBe(1);
    const after = await run('target', 'Acme Labs', '--json');
    expect(after.json<{ stage: string; history: unknown[] }>()).toMatchObject({ stage: 'applied', history: [{}, {}] });
  });
});
