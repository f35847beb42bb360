// A new user's walk through the screens at 1024×700, light and dark (review 31):
// the welcome, the sample, then each screen where a look at the screenshots
// found something clipped, glued, contradictory or unexplained. Each
// assertion is one that failed before its fix.
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test, type KithApp } from './fixtures';
import { GraphPage, enableGraphHook } from './pages/GraphPage';
import { ImportPage } from './pages/ImportPage';
import { JournalPage } from './pages/JournalPage';
import { OrganizationPage } from './pages/OrganizationsPage';
import { RoutesPage } from './pages/RoutesPage';
import { WelcomePage } from './pages/WelcomePage';

async function shots(app: KithApp, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme });
    await app.screenshot(`walk-${name}-1024-${scheme}`);
  }
  await app.page.emulateMedia({ colorScheme: 'light' });
}

/** The same screen at 1280×800, light, then back to 1024×700. */
async function wide(app: KithApp, name: string) {
  await app.page.setViewportSize({ width: 1280, height: 800 });
  await app.screenshot(`walk-${name}-1280-light`);
  await app.page.setViewportSize({ width: 1024, height: 700 });
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b, `${locator} has a box`).not.toBeNull();
  return b!;
}

/** How many lines a block's own text takes (its first text node's line boxes). */
function textLines(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const doc = (el as unknown as { ownerDocument: { createRange(): { selectNodeContents(n: unknown): void; getClientRects(): { length: number } } } }).ownerDocument;
    const node = (el as unknown as { childNodes: ArrayLike<{ nodeType: number; textContent: string | null }> }).childNodes;
    const text = Array.from(node).find((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
    if (!text) return 0;
    const range = doc.createRange();
    range.selectNodeContents(text);
    return range.getClientRects().length;
  });
}

test('a new user at 1024×700, light and dark: the welcome, the sample, People, journal, a person, an organization, the network, routes, import and Settings read whole', async ({ app }) => {
  test.setTimeout(90_000);
  await enableGraphHook(app.page);
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.open();
  const welcome = new WelcomePage(app.page);
  await expect(welcome.root).toBeVisible();
  await shots(app, 'welcome');
  await welcome.loadSample('Sam Rivera');

  // People: the last column's bare numbers are named, as in the Organizations list.
  const people = app.page.getByTestId('people-view');
  const known = people.locator('[data-testid="person-row"]:has([data-testid="strength-badge"]:not([data-strength=""]))').first();
  await expect(known).toBeVisible();
  const tieHead = await box(people.getByTestId('people-columns').getByText('My tie'));
  const badge = await box(known.getByTestId('strength-badge'));
  expect(Math.abs(tieHead.x + tieHead.width - (badge.x + badge.width)), '"My tie" above the strengths').toBeLessThan(4);
  const nameHead = await box(people.getByTestId('people-columns').getByText('Name'));
  const name = await box(known.getByTestId('person-row-name'));
  expect(Math.abs(nameHead.x - name.x), '"Name" above the names').toBeLessThan(4);
  await shots(app, 'people');
  await wide(app, 'people');

  // The journal: nothing open yet, so the reader asks for a choice from a full list.
  await app.page.getByTestId('nav-journal').click();
  const journal = new JournalPage(app.page);
  await expect(journal.rows.first()).toBeVisible();
  await expect(app.page.getByTestId('journal-detail-hint')).toHaveText('Select an entry to read it.');
  await journal.rows.first().click();
  await expect(journal.entry).toBeVisible();
  await expect(app.page.getByTestId('journal-detail-hint')).toHaveCount(0);
  await shots(app, 'journal');

  // A person I know well at an organization: "Who else might … know?" says
  // what confirming does in words, not "Confirm (1)".
  const list = await app.call('people:list', { sort: 'strength' });
  const friend = list.items.find((p) => p.organizationId !== null && p.myTieStrength !== null)!;
  await app.open(`people/${friend.id}`);
  const section = app.page.getByTestId('likely-ties');
  await expect(section.getByTestId('likely-row').first()).toBeVisible();
  const confirm = section.getByTestId('likely-confirm').first();
  await expect(confirm).toHaveText(/^Confirm as (Met once|Acquaintance|Worked together|Friend|Close)$/);
  await expect(confirm).toHaveAttribute('title', /^Confirm at strength [1-5]/);
  // A short piece of evidence ("both at Pinecone Health since 2026") keeps its one line beside the wider button.
  for (const evidence of await section.getByTestId('likely-evidence').all()) {
    const text = (await evidence.textContent()) ?? '';
    if (text.length <= 36) expect(await textLines(evidence), `"${text}" on one line`).toBe(1);
  }
  const row = await box(section.getByTestId('likely-row').first());
  const button = await box(confirm);
  expect(button.x + button.width, 'the confirm button inside its row').toBeLessThanOrEqual(row.x + row.width + 0.5);
  await section.evaluate((el) => (el as unknown as { scrollIntoView(): void }).scrollIntoView());
  await shots(app, 'person-likely');
  // The timeline's dates of another year read on one line ("Sep 5, 2025", not "Sep 5," over "2025").
  const dates = app.page.getByTestId('person-timeline').locator('.timeline-date');
  await expect(dates.filter({ hasText: /, \d{4}$/ }).first()).toBeVisible();
  for (const date of await dates.all()) expect(await textLines(date), `${await date.textContent()} on one line`).toBe(1);

  // The organization page: its line of counts is read whole beside the four
  // buttons, not cut to "24 …".
  await app.open(`orgs/${friend.organizationId}`);
  const org = new OrganizationPage(app.page);
  await expect(org.root).toBeVisible();
  const meta = app.page.getByTestId('org-meta');
  await expect(meta).toContainText(/\d+ current · \d+ former · \d+ known directly$/);
  expect(await meta.evaluate((el) => el.scrollWidth - el.clientWidth), 'the counts line is not cut').toBeLessThanOrEqual(0);
  // Each part on one line: never "24" at a line's end and "current" on the next.
  for (const part of await meta.locator('.meta-part').all()) {
    expect(await part.evaluate((el) => el.getClientRects().length), `"${await part.textContent()}" on one line`).toBe(1);
  }
  const metaBox = await box(meta);
  const actions = await box(org.root.locator('.entity-actions'));
  expect(metaBox.x + metaBox.width, 'the counts end before the buttons').toBeLessThanOrEqual(actions.x);
  // The job fields (role, stage, date) belong to a target: absent until "Add to targets", then there.
  const job = org.root.getByTestId('target-job');
  const toggle = org.root.getByTestId('target-toggle');
  await expect(toggle).toHaveAttribute('data-target', 'false');
  await expect(job).toHaveCount(0);
  await toggle.click();
  await expect(toggle).toHaveAttribute('data-target', 'true');
  await expect(job.getByTestId('target-role')).toBeVisible();
  await shots(app, 'organization');
  await wide(app, 'organization');

  // The network, on that organization: each legend item on one line, all inside the canvas.
  await app.open(`graph?org=${friend.organizationId}`);
  const graph = new GraphPage(app.page);
  await graph.ready((s) => s.mode === 'org');
  const canvas = await box(graph.canvas);
  const items = app.page.locator('.graph-legend-item');
  expect(await items.count()).toBeGreaterThanOrEqual(4);
  for (const item of await items.all()) {
    const b = await box(item);
    expect(b.height, `${await item.textContent()} on one line`).toBeLessThan(20);
    expect(b.x + b.width).toBeLessThanOrEqual(canvas.x + canvas.width);
    expect(b.y + b.height).toBeLessThanOrEqual(canvas.y + canvas.height);
  }
  await shots(app, 'graph-organization');

  // Routes: past one go-between, the introducer is asked for the next person on
  // the way, and the dialog's title says so (it said "introduce you to" the person at the end).
  let long: { org: { id: number; name: string }; ids: number[]; target: string; introducer: string } | null = null;
  for (const o of (await app.call('orgs:list', {})).items) {
    const found = await app.call('routes:find', { organizationId: o.id });
    const route = found.kind === 'found' ? found.routes.find((r) => r.personIds.length >= 4) : undefined;
    if (route) {
      long = { org: o, ids: route.personIds, target: route.hops[route.hops.length - 1]!.to.name, introducer: route.hops[0]!.to.name.split(' ')[0]! };
      break;
    }
  }
  expect(long, 'the sample has a route with two go-betweens').not.toBeNull();
  await app.open(`routes?org=${long!.org.id}`);
  const routes = new RoutesPage(app.page);
  await routes.card(long!.ids).getByTestId('ask-intro').click();
  await expect(routes.dialog.getByTestId('intro-dialog-title')).toHaveText(`Ask ${long!.introducer} to help you reach ${long!.target}`);
  await expect(routes.draft).toHaveValue(/Would you be comfortable introducing me to/);
  await shots(app, 'routes-ask');
  await wide(app, 'routes-ask');
  await routes.dialog.getByTestId('intro-dialog-close').click();

  // Import: the preview's group names stay on one line beside their notes.
  await app.open('import');
  const imp = new ImportPage(app.page);
  await imp.choose(path.join('test', 'fixtures', 'linkedin', 'Connections.csv'));
  await expect(imp.preview).toBeVisible();
  const summary = app.page.getByTestId('preview-new-list').locator('summary');
  await expect(summary).toContainText('New people');
  expect(await textLines(summary), '"New people" on one line').toBe(1);
  await shots(app, 'import-preview');
  // Done: the skipped rows and why are on the done card, not in a preview that is gone.
  await imp.commit();
  const skipped = imp.done.getByTestId('import-done-skipped');
  await expect(skipped.getByTestId('preview-issue')).toHaveCount(2);
  await expect(skipped.getByTestId('preview-issue').first()).toContainText(/line \d+/);
  await expect(imp.done).not.toContainText('see the preview');
  await shots(app, 'import-done');

  // Settings: Save sits beside the e-mail field, not glued under it.
  await app.open('settings');
  const input = await box(app.page.getByTestId('settings-my-emails-input'));
  const save = await box(app.page.getByTestId('settings-my-emails-save'));
  expect(Math.abs(save.y + save.height / 2 - (input.y + input.height / 2)), 'Save on the field\'s line').toBeLessThan(2);
  expect(save.x, 'Save after the field, with a gap').toBeGreaterThanOrEqual(input.x + input.width + 4);
  await app.page.getByTestId('settings-my-emails').scrollIntoViewIfNeeded();
  await shots(app, 'settings');
});
