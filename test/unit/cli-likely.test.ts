// `kith ties likely | confirm | dismiss` (issue 15) in-process through runCli:
// the list with pairs and evidence, --json equal to the service's answer,
// confirm and dismiss by pair, and a bad pair refused before the file is touched.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LikelyTiesResult } from '../../shared/likelyTies';
import { kith } from '../helpers/cli';
import { makeTempDir, removeTempDirs } from '../helpers/db';

let dir: string;
beforeEach(() => {
  dir = path.join(makeTempDir('kith-cli-likely-'), 'data');
});
afterEach(removeTempDirs);

const run = (...args: string[]) => kith([...args, '--data-dir', dir]);

describe('kith ties likely', () => {
  it('lists, confirms and dismisses likely ties by pair', async () => {
    for (const args of [
      ['people', 'add', 'Ana Acosta', '--org', 'Cobalt Software'],
      ['people', 'add', 'Chen Wei', '--org', 'Cobalt Software'],
      ['people', 'add', 'Dora Diaz', '--org', 'Cobalt Software'],
    ]) {
      const r = await run(...args);
      expect(r.code, r.stderr).toBe(0);
    }
    const listed = await run('ties', 'likely', '--person', 'Ana Acosta', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    const result = JSON.parse(listed.stdout) as LikelyTiesResult;
    expect(result.items.map((t) => [t.a.name, t.b.name, t.evidence[0]!.text])).toEqual([
      ['Ana Acosta', 'Chen Wei', 'both at Cobalt Software now'],
      ['Ana Acosta', 'Dora Diaz', 'both at Cobalt Software now'],
    ]);
    const human = await run('ties', 'likely');
    expect(human.stdout).toContain('3 likely ties');
    expect(human.stdout).toContain(result.items[0]!.pairKey);

    const confirmed = await run('ties', 'confirm', result.items[0]!.pairKey, '--strength', '2');
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(confirmed.stdout).toMatch(/is now a tie/);
    const dismissed = await run('ties', 'dismiss', result.items[1]!.pairKey);
    expect(dismissed.code, dismissed.stderr).toBe(0);
    const after = JSON.parse((await run('ties', 'likely', '--json')).stdout) as LikelyTiesResult;
    expect(after.total).toBe(1);

    const bad = await run('ties', 'confirm', 'Ana-Chen');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/PAIR: A pair is two person ids/);
  });
});
