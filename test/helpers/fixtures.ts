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
