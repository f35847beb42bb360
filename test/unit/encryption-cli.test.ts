// `kith passphrase set|change|remove|status` and --passphrase-file /
// $KITH_PASSPHRASE on every command, in-process on a real data folder. A
// passphrase is never accepted as an argument.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileKind } from '../../main/db/crypto';
import { kith } from '../helpers/cli';
import { makeTempDir, removeTempDirs } from '../helpers/db';

let dir: string;
let one: string;
let two: string;
beforeEach(() => {
  const root = makeTempDir('kith-cli-enc-');
  dir = path.join(root, 'data');
  one = path.join(root, 'one.txt');
  two = path.join(root, 'two.txt');
  fs.writeFileSync(one, 'correct horse battery\n');
  fs.writeFileSync(two, 'staple quietly 2026\n');
});
afterEach(removeTempDirs);

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => kith([...args, '--data-dir', dir], env);

describe('kith passphrase', () => {
  it('set, use, change, remove: every command opens a protected folder with --passphrase-file or $KITH_PASSPHRASE', async () => {
    expect((await run(['people', 'add', 'Ana Acosta'])).code).toBe(0);
    const set = await run(['passphrase', 'set', '--new-passphrase-file', one]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toMatch(/protected with the passphrase[\s\S]*cannot open your data/);
    expect(fileKind(path.join(dir, 'kith.db'))).toBe('encrypted');

    const locked = await run(['people', 'list']);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toMatch(/protected with a passphrase[\s\S]*--passphrase-file FILE or the KITH_PASSPHRASE/);

    const wrong = await run(['people', 'list', '--passphrase-file', two]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/does not open/);

    expect((await run(['people', 'list', '--passphrase-file', one])).stdout).toContain('Ana Acosta');
    expect((await run(['people', 'list'], { KITH_PASSPHRASE: 'correct horse battery' })).stdout).toContain('Ana Acosta');
    const status = await run(['passphrase', 'status', '--json', '--passphrase-file', one]);
    expect(status.json<{ encrypted: boolean }>().encrypted).toBe(true);

    const badCurrent = await run(['passphrase', 'change', '--passphrase-file', two, '--new-passphrase-file', two]);
    expect(badCurrent.code).toBe(1);
    const change = await run(['passphrase', 'change', '--passphrase-file', one, '--new-passphrase-file', two]);
    expect(change.code, change.stderr).toBe(0);
    expect((await run(['people', 'list', '--passphrase-file', two])).stdout).toContain('Ana Acosta');

    const remove = await run(['passphrase', 'remove'], { KITH_PASSPHRASE: 'staple quietly 2026' });
    expect(remove.code, remove.stderr).toBe(0);
    expect(fileKind(path.join(dir, 'kith.db'))).toBe('plain');
    expect((await run(['people', 'list'])).stdout).toContain('Ana Acosta');
  });

  it('never takes a passphrase as an argument, and refuses a weak or missing new one before opening anything', async () => {
    expect((await run(['passphrase', 'set', 'correct horse battery'])).code).toBe(2);
    expect((await run(['people', 'list', '--passphrase', 'correct horse battery'])).code).toBe(2);
    const missing = await run(['passphrase', 'set']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--new-passphrase-file FILE or the KITH_NEW_PASSPHRASE/);
    const weak = await run(['passphrase', 'set'], { KITH_NEW_PASSPHRASE: 'short' });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/at least 8 characters/);
    expect(fs.existsSync(dir)).toBe(false);
  });
});
