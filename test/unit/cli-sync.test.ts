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

  // Found by the outside check of review 32.
  it('says how to set sync up when it is not, takes a folder relative to the current one, and forgets a failed file whose folder went away', async () => {
    const data = makeTempDir('kith-c-');
    const notSetUp = await kith(['sync', '--data-dir', data]);
    expect(notSetUp.code).toBe(1);
    expect(notSetUp.stderr).toMatch(/Sync is not set up.*kith sync --folder DIR --sync-passphrase-file FILE.*Nothing was changed/);
    // No warning about a sync key this data folder does not hold.
    expect(notSetUp.stderr).not.toMatch(/holds the sync key/);

    // A key descriptor cut short (the sync tool still copying it), or a folder in its place.
    const odd = makeTempDir('kith-sync-');
    fs.writeFileSync(path.join(odd, 'kith-sync.json'), '{"kith": "sync", "ver');
    const cut = await kith(['sync', '--folder', odd, '--data-dir', data], { KITH_SYNC_PASSPHRASE: 'correct horse battery staple' });
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/kith-sync.json in the sync folder is not readable JSON.*may still be arriving.*Nothing was changed/);
    fs.rmSync(path.join(odd, 'kith-sync.json'));
    fs.mkdirSync(path.join(odd, 'kith-sync.json'));
    const folderInstead = await kith(['sync', '--folder', odd, '--data-dir', data], { KITH_SYNC_PASSPHRASE: 'correct horse battery staple' });
    expect(folderInstead.code).toBe(1);
    expect(folderInstead.stderr).toMatch(/kith-sync.json in the sync folder .* cannot be read \(EISDIR\).*Nothing was changed/);
    expect(folderInstead.stderr).not.toMatch(/data folder/);

    const shared = makeTempDir('kith-sync-');
    const relative = path.relative(process.cwd(), shared);
    expect(path.isAbsolute(relative)).toBe(false);
    const setUp = await kith(['sync', '--folder', relative, '--data-dir', data, '--json'], { KITH_SYNC_PASSPHRASE: 'correct horse battery staple' });
    expect(setUp.code).toBe(0);
    expect((await kith(['sync', 'status', '--data-dir', data, '--json'])).json<{ folder: string }>().folder).toBe(fs.realpathSync(shared));

    // A device folder that is not Kith's (garbage under a device id): a failed file, then gone.
    const stray = path.join(shared, 'devices', 'StrayDevice1');
    fs.mkdirSync(stray, { recursive: true });
    fs.writeFileSync(path.join(stray, '000000000001.kchg'), 'not a change file');
    expect((await kith(['sync', '--data-dir', data])).stdout).toMatch(/Waiting for StrayDevice1: File 1 cannot be applied: This is not a Kith change file/);
    type Status = { attention: { failedFiles: unknown[] }; devices: Array<{ device: string; waiting: string | null }> };
    expect((await kith(['sync', 'status', '--data-dir', data, '--json'])).json<Status>().attention.failedFiles).toHaveLength(1);
    fs.rmSync(stray, { recursive: true });
    expect((await kith(['sync', '--data-dir', data])).code).toBe(0);
    const after = (await kith(['sync', 'status', '--data-dir', data, '--json'])).json<Status>();
    expect(after.attention.failedFiles).toEqual([]);
    expect(after.devices).toEqual([expect.objectContaining({ device: 'StrayDevice1', waiting: null })]);
  });
});
