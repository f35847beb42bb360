// `kith sync` (issue 19): two data folders sync through a shared folder from
// the command line, unattended after the first run; status in JSON; a wrong
// passphrase and a missing folder are refused with exit 1 and change nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kith } from '../helpers/cli';
import { makeTempDir, removeTempDirs } from '../helpers/db';

afterAll(() => removeTempDirs());

describe('kith sync', () => {
  it('sets up, syncs two computers, reports status, and refuses a wrong passphrase or a missing folder', async () => {
    const shared = makeTempDir('kith-sync-');
    const a = makeTempDir('kith-a-');
    const b = makeTempDir('kith-b-');
    const passFile = path.join(makeTempDir(), 'sync-pass');
    fs.writeFileSync(passFile, 'correct horse battery staple\n');
    expect((await kith(['people', 'add', 'Ana Acosta', '--data-dir', a])).code).toBe(0);

    const setA = await kith(['sync', '--folder', shared, '--sync-passphrase-file', passFile, '--data-dir', a, '--json']);
    expect(setA.code).toBe(0);
    expect(setA.json<{ written: number }>().written).toBe(1);
    expect(setA.stderr).toMatch(/not protected with a passphrase/);

    const wrong = path.join(makeTempDir(), 'wrong');
    fs.writeFileSync(wrong, 'battery horse\n');
    const refused = await kith(['sync', '--folder', shared, '--sync-passphrase-file', wrong, '--data-dir', b]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not the passphrase this sync folder was set up with.*Nothing was changed/);
    expect((await kith(['sync', 'status', '--data-dir', b, '--json'])).json<{ enabled: boolean }>().enabled).toBe(false);

    expect((await kith(['sync', '--folder', shared, '--data-dir', b], { KITH_SYNC_PASSPHRASE: 'correct horse battery staple' })).code).toBe(0);
    // Unattended from now on: no passphrase needed.
    expect((await kith(['sync', '--data-dir', a])).code).toBe(0);
    const people = await kith(['people', 'list', '--data-dir', b, '--json']);
    expect(JSON.stringify(people.json())).toContain('Ana Acosta');
    const status = (await kith(['sync', 'status', '--data-dir', b, '--json'])).json<{ enabled: boolean; devices: Array<{ device: string; appliedFile: number }> }>();
    expect(status.enabled).toBe(true);
    expect(status.devices).toEqual([expect.objectContaining({ appliedFile: 1, forgotten: false, waitingKind: null })]);
    expect(status).toMatchObject({ attention: { newerVersion: [], failedFiles: [], conflicts: 0 }, compaction: { writtenFile: 1 } });

    // Forget the other computer (A) on B: refused for an unknown id, then done, and shown.
    const aDevice = status.devices[0]!.device;
    const unknown = await kith(['sync', 'forget-device', 'no-such-device', '--data-dir', b]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No device "no-such-device" has been seen.*Nothing was changed/);
    const forgot = await kith(['sync', 'forget-device', aDevice, '--data-dir', b]);
    expect(forgot.code).toBe(0);
    expect(forgot.stdout).toContain(`Forgot ${aDevice}`);
    const text = await kith(['sync', 'status', '--data-dir', b]);
    expect(text.stdout).toMatch(new RegExp(`${aDevice}: applied up to file 1 .*; forgotten`));

    const gone = await kith(['sync', '--folder', path.join(shared, 'nope'), '--sync-passphrase-file', passFile, '--data-dir', a]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/does not exist/);
  });
});
