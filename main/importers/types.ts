// What every importer's parse step produces: plain, normalized records and
// the problems found on the way, each naming its line or card. Parsing is pure
// (text in, records out); matching against the database is plan.ts's job.
import type { LabeledValue } from '../../shared/domain';
import type { ImportIssue } from '../../shared/importExport';

export type ContactFormat = 'linkedin' | 'vcard' | 'google';

/** Where a record came from, for messages: `line 12` or `card 3 (line 27)`. */
export interface SourceRef {
  /** Stable key the user can exclude in the preview: `line 12`, `card 3`. */
  key: string;
  where: string;
  line: number;
  card: number | null;
}

export interface ImportedAffiliation {
  organization: string;
  title: string;
  isHiringManager: boolean;
  isRecruiter: boolean;
}

export interface ImportedPerson {
  kind: 'person';
  ref: SourceRef;
  displayName: string;
  givenName: string;
  familyName: string;
  emails: LabeledValue[];
  phones: LabeledValue[];
  links: LabeledValue[];
  linkedinUrl: string | null;
  notes: string;
  tags: string[];
  affiliation: ImportedAffiliation | null;
  /** Every imported person gets a tie with me (see plan.ts); this says how strong and since when. */
  tieWithMe: { strength: number; since: string | null; context: string };
}

export interface ImportedOrganization {
  kind: 'organization';
  ref: SourceRef;
  name: string;
  domain: string;
  notes: string;
  tags: string[];
}

export type ImportedRecord = ImportedPerson | ImportedOrganization;

/** A tie between two records of the same file (vCard RELATED), by index into `records`. */
export interface ImportedRelation {
  from: number;
  to: number;
  strength: number;
  context: string;
}

export interface ParsedImport {
  format: ContactFormat;
  records: ImportedRecord[];
  relations: ImportedRelation[];
  skipped: ImportIssue[];
  warnings: ImportIssue[];
  /**
   * The records' organizations are their current employers (LinkedIn's
   * Connections.csv): a matched person's new employer ends their other current
   * affiliations (issue 13, job changes).
   */
  currentJobs?: boolean;
}

export function issue(ref: Pick<SourceRef, 'where' | 'line' | 'card'>, message: string): ImportIssue {
  return { where: ref.where, line: ref.line, card: ref.card, message };
}
