// The import fixtures (LinkedIn, vCard, Google Contacts shapes), vendored from
// the team's reference folder ../shared/fixtures so the repository tests
// itself anywhere (GitHub's runners have no ../shared). test/unit/fixtures-sync.test.ts
// keeps the copy identical to the reference wherever the reference exists.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const FIXTURES = path.join(repoRoot, 'test', 'fixtures');
/** The team's reference copy, beside the repository (absent outside the team's checkouts). */
export const REFERENCE_FIXTURES = path.join(repoRoot, '..', 'shared', 'fixtures');
/**
 * Issue 14's calendars and mbox (Google, Outlook, Apple .ics; a Gmail Takeout
 * mbox). Kept beside test/fixtures until they join the team's reference folder
 * (fixtures-sync compares test/fixtures to it byte for byte).
 */
export const HISTORY_FIXTURES = path.join(repoRoot, 'test', 'history-fixtures');
