// Proves the end-to-end harness itself: the page's window.kith reaches the real
// dispatcher and SQLite file, bad requests are refused without side effects,
// the CSP is enforced and reported, nothing leaves the machine, and a restart
// reopens the same file.
import fs from 'node:fs';
import { ALLOW_APP_PROBLEMS, expect, test } from './fixtures';

const provokes = (what: string) => ({ annotation: { type: ALLOW_APP_PROBLEMS, description: `provokes ${what} on purpose` } });

test('window.kith.invoke round-trips through the real dispatcher and database', async ({ app }) => {
  await app.open();
  const created = await app.pageInvoke('people:create', { displayName: 'Ada Lovelace', headline: 'Analyst' });
  expect(created, JSON.stringify(created)).toMatchObject({ ok: true, value: { displayName: 'Ada Lovelace' } });

  // The row is in the database the test process sees, and survives a restart.
  const listed = await app.call('people:list', { search: 'Lovelace' });
  expect(listed.items.map((p) => p.displayName)).toEqual(['Ada Lovelace']);
  await app.restart();
  expect(await app.pageInvoke('people:list', { search: 'Lovelace' })).toMatchObject({ ok: true, value: { total: 1 } });
  expect(fs.statSync(app.dbFile).size).toBeGreaterThan(0);

  expect(app.pageErrors).toEqual([]);
  expect(app.cspViolations).toEqual([]);
  expect(app.internalErrors).toEqual([]);
  expect(app.blockedRequests).toEqual([]);
});

test('an invalid request answers INVALID_INPUT and changes nothing', async ({ app }) => {
  await app.open();
  const before = await app.call('stats:get');
  const result = await app.pageInvoke('people:create', { displayName: '', bogus: true });
  expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(await app.call('stats:get')).toEqual(before);

  expect(await app.pageInvoke('people:drop')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
});

test('window.kith is one frozen function and cannot be replaced, like the preload exposes', async ({ app }) => {
  await app.open();
  const shape = await app.page.evaluate(`(() => {
    const kith = window.kith;
    try { window.kith = {}; } catch {}
    return { keys: Object.keys(kith), frozen: Object.isFrozen(kith), type: typeof kith.invoke, same: window.kith === kith };
  })()`);
  expect(shape).toEqual({ keys: ['invoke'], frozen: true, type: 'function', same: true });
});

test('the CSP blocks an injected inline script and the harness reports it', provokes('a CSP violation'), async ({ app }) => {
  await app.open();
  const ran = await app.page.evaluate(`(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.head.append(script);
    return window.__injected === true;
  })()`);
  expect(ran).toBe(false);
  await expect.poll(() => app.cspViolations.join('\n')).toContain('script-src');
});

test('requests that leave the loopback server are refused and recorded', provokes('blocked requests'), async ({ app }) => {
  await app.open();
  // connect-src 'none' stops a fetch before it reaches the network.
  const outcome = await app.page.evaluate(`fetch('https://example.com/track').then(() => 'fetched', () => 'refused')`);
  expect(outcome).toBe('refused');
  await expect.poll(() => app.cspViolations.join('\n')).toContain('connect-src');

  // A navigation is not under the page's CSP: the harness's own guard refuses it.
  await app.page.goto('https://example.com/').catch(() => undefined);
  expect(app.blockedRequests).toContain('GET https://example.com/');
});

test('screenshot writes a full-page PNG under test-results/screenshots', async ({ app }) => {
  await app.open();
  const file = await app.screenshot('harness-first-screen');
  expect(file).toMatch(/test-results[\\/]screenshots[\\/]harness-first-screen\.png$/);
  expect(fs.readFileSync(file).subarray(1, 4).toString('latin1')).toBe('PNG');
});

// Issue 18: the after-each checks can fail. This test's body passes but leaves
// an uncaught page error behind; the fixture's check must fail it (test.fail).
test('the fixture fails a test that leaves a page error behind, without the test asserting it', async ({ app }) => {
  test.fail();
  await app.open();
  await app.page.evaluate(`setTimeout(() => { throw new Error('left behind on purpose (issue 18)'); }, 0)`);
  await expect.poll(() => app.pageErrors.length).toBe(1);
});
