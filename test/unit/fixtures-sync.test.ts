// The vendored fixtures (test/fixtures) must be exactly the team's reference
// files (../shared/fixtures) wherever that folder exists, so importer tests
// never drift from the shapes the team agreed on.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REFERENCE_FIXTURES } from '../helpers/fixtures';

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('import fixtures', () => {
  it('are vendored: every format has its files', () => {
    const vendored = files(FIXTURES);
    for (const expected of ['linkedin/Connections.csv', 'vcard/outlook-2.1.vcf', 'google/contacts.csv']) {
      expect(vendored).toContain(expected);
    }
  });

  it.runIf(fs.existsSync(REFERENCE_FIXTURES))('equal the team reference in ../shared/fixtures, byte for byte', () => {
    const reference = files(REFERENCE_FIXTURES);
    expect(files(FIXTURES)).toEqual(reference);
    for (const rel of reference) {
      expect(fs.readFileSync(path.join(FIXTURES, rel)).equals(fs.readFileSync(path.join(REFERENCE_FIXTURES, rel))), rel).toBe(true);
    }
  });
});
