// Turns what a person typed on the command line ("12", "me", "ana acosta",
// "Acme") into exactly one row, or a refusal that lists the candidates.
import type { Db } from '../db/open';
import { getMeId } from '../services/people';
import { stmt } from '../services/util';
import { foldName } from './format';
import { CliError, EXIT } from './errors';

export interface Candidate {
  id: number;
  name: string;
  detail: string;
}

const SHOWN_CANDIDATES = 10;

/** Picks the one candidate whose name matches: whole name first, then every typed word starting a word of the name. */
function pickByName(ref: string, rows: readonly Candidate[], what: { one: string; many: string; listHint: string }): number {
  const typed = foldName(ref);
  if (!typed) throw new CliError(EXIT.usage, `Give a ${what.one} id or name.`);
  let matches = rows.filter((r) => foldName(r.name) === typed);
  if (matches.length === 0) {
    const words = typed.split(' ');
    matches = rows.filter((r) => {
      const nameWords = foldName(r.name).split(/[\s\-'’.]+/u);
      return words.every((w) => nameWords.some((n) => n.startsWith(w)));
    });
  }
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length === 0) {
    throw new CliError(EXIT.refused, `No ${what.one} matches "${ref}". ${what.listHint}`);
  }
  const shown = matches.slice(0, SHOWN_CANDIDATES).map((m) => `  ${String(m.id).padStart(6)}  ${m.name}${m.detail ? `  (${m.detail})` : ''}`);
  if (matches.length > SHOWN_CANDIDATES) shown.push(`  … and ${matches.length - SHOWN_CANDIDATES} more`);
  throw new CliError(
    EXIT.refused,
    `"${ref}" matches ${matches.length} ${what.many}; use an id or a fuller name:`,
    shown,
  );
}

function parseId(ref: string): number | null {
  const trimmed = ref.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const id = Number(trimmed);
  if (!Number.isSafeInteger(id) || id < 1) throw new CliError(EXIT.usage, `"${ref}" is not a valid id.`);
  return id;
}

/** A person by id, by "me", or by a name that matches exactly one person (archived people included). */
export function resolvePersonId(db: Db, ref: string): number {
  if (ref.trim().toLocaleLowerCase() === 'me') return getMeId(db);
  const id = parseId(ref);
  if (id !== null) return id; // the service answers NOT_FOUND for an unknown id
  const rows = stmt<{ id: number; display_name: string; is_me: number; archived_at: string | null; org: string | null }>(
    db,
    `SELECT p.id, p.display_name, p.is_me, p.archived_at,
            (SELECT o.name FROM affiliations a JOIN organizations o ON o.id = a.organization_id
              WHERE a.person_id = p.id AND a.is_current = 1 ORDER BY a.start_date DESC NULLS LAST, a.id DESC LIMIT 1) AS org
       FROM people p ORDER BY p.display_name COLLATE NOCASE, p.id`,
  ).all();
  return pickByName(
    ref,
    rows.map((r) => ({
      id: r.id,
      name: r.display_name,
      detail: [r.is_me ? 'you' : '', r.org ?? '', r.archived_at ? 'archived' : ''].filter(Boolean).join(', '),
    })),
    { one: 'person', many: 'people', listHint: 'Try "kith people list --search ..." to find them.' },
  );
}

/** An organization by id, or by a name that matches exactly one organization. */
export function resolveOrganizationId(db: Db, ref: string): number {
  const id = parseId(ref);
  if (id !== null) return id;
  const rows = stmt<{ id: number; name: string; kind: string; archived_at: string | null }>(
    db,
    'SELECT id, name, kind, archived_at FROM organizations ORDER BY name COLLATE NOCASE, id',
  ).all();
  return pickByName(
    ref,
    rows.map((r) => ({ id: r.id, name: r.name, detail: [r.kind, r.archived_at ? 'archived' : ''].filter(Boolean).join(', ') })),
    { one: 'organization', many: 'organizations', listHint: 'Try "kith orgs list --search ..." to find it.' },
  );
}
