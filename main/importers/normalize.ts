// Normalization shared by the importers: LinkedIn URLs, dates, labels, role
// flags, and the final check that a record fits the domain's limits.
import { LIMITS, type LabeledValue } from '../../shared/domain';
import { nameKey, nameTextProblem } from '../../shared/text';
import type { ImportedPerson } from './types';

/**
 * A LinkedIn URL in one canonical form, so the same member matches however
 * the export spelled it (issues 6 and 13): https, no query or fragment, no
 * trailing slash. A member profile (`/in/<slug>`, `/pub/<slug>`) is the
 * person's identity: its host becomes www.linkedin.com (country hosts such as
 * de.linkedin.com show the same member), its slug is percent-decoded and in
 * lower case, and anything after the slug is dropped. Returns null for
 * anything that is not a linkedin.com URL.
 */
export function normalizeLinkedInUrl(raw: string): string | null {
  let text = raw.trim();
  if (!text) return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return null;
  const profile = /^\/+(in|pub)\/+([^/]+)/i.exec(url.pathname);
  if (profile) {
    let slug = profile[2]!;
    try {
      const decoded = decodeURIComponent(slug);
      // A decoded slug that would change the path's meaning stays encoded.
      // eslint-disable-next-line no-control-regex -- control characters are what is being refused
      if (!/[\s/?#%\u0000-\u001f]/u.test(decoded)) slug = decoded;
    } catch {
      // malformed percent-encoding: keep it as written
    }
    return `https://www.linkedin.com/${profile[1]!.toLowerCase()}/${slug.normalize('NFC').toLowerCase()}`;
  }
  const path = url.pathname.replace(/\/+$/, '');
  return `https://${host}${url.port ? `:${url.port}` : ''}${path}`;
}

/** True for a member profile (`/in/…`), the only LinkedIn URL that identifies a person. */
export function isLinkedInProfile(url: string | null): url is string {
  return url !== null && /^https:\/\/[^/]+\/(in|pub)\/[^/]+/.test(url);
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function isoDate(y: number, m: number, d: number): string | null {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === s ? s : null;
}

/**
 * LinkedIn's `08 Feb 2026` (and ISO `2026-02-08`) to `2026-02-08`. Returns
 * null for anything else, or for a date that does not exist (`31 Feb 2026`).
 */
export function parseExportDate(raw: string): string | null {
  const text = raw.trim();
  let m = /^(\d{1,2})[ -]([A-Za-z]{3,4})\.?[ -](\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    return month ? isoDate(Number(m[3]), month, Number(m[1])) : null;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

// Role flags from a title: one set of rules for imports and the forms (issue 17).
export { roleFlags } from '../../shared/roles';

/** Collapses white space and trims: one-line fields (names, titles, labels) from any export. */
export function oneLine(text: string | undefined | null): string {
  return (text ?? '').replace(/\s+/gu, ' ').trim();
}

/** Multi-line text (notes): line endings unified, trailing space trimmed. */
export function multiLine(text: string | undefined | null): string {
  return (text ?? '').replace(/\r\n?/g, '\n').trim();
}

/** Google's group "myContacts" (and Outlook's "My Contacts") is on every contact: not a tag anyone chose. */
export function isSystemGroup(name: string): boolean {
  return /^(\* ?)?my ?contacts$/i.test(name.trim());
}

export function emailKey(value: string): string {
  return value.trim().toLowerCase();
}

export function phoneKey(value: string): string {
  const digits = value.replace(/[^\d+]/g, '');
  return digits || value.trim().toLowerCase();
}

/** Adds values not already present (by key) and returns the list; duplicates within `more` are dropped too. */
export function mergeValues(
  base: readonly LabeledValue[],
  more: readonly LabeledValue[],
  key: (value: string) => string,
): LabeledValue[] {
  const out = [...base];
  const seen = new Set(base.map((v) => key(v.value)));
  for (const v of more) {
    const k = key(v.value);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}

export function labeled(value: string, label?: string): LabeledValue | null {
  const v = oneLine(value);
  if (!v) return null;
  const l = oneLine(label);
  return l ? { value: v, label: l } : { value: v };
}

/** C0 control characters other than tab and line feed, and DEL: never in a real name (issue 13; SQLite's length() stops at a NUL). */
// eslint-disable-next-line no-control-regex -- control characters are what is being found
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/u;

/** Says which control character `text` holds, or null: "a NUL character (U+0000)". */
export function controlCharacter(text: string): string | null {
  const m = CONTROL.exec(text);
  if (!m) return null;
  const code = m[0].codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return code === 0 ? `a NUL character (${hex})` : `a control character (${hex})`;
}

/**
 * Checks a finished person record against the domain's limits so nothing the
 * app would refuse through its own forms reaches the database through an
 * import. Returns the reason the record cannot be imported, or null. Lists that
 * are merely too long are cut, with a warning.
 */
export function checkPerson(p: ImportedPerson, warn: (message: string) => void): string | null {
  if (!p.displayName.trim()) return 'no name';
  const texts: [string, string][] = [
    ['the name', p.displayName],
    ['the given name', p.givenName],
    ['the family name', p.familyName],
    ['the note', p.notes],
    ['the organization', p.affiliation?.organization ?? ''],
    ['the title', p.affiliation?.title ?? ''],
    ...p.emails.map((v): [string, string] => ['an e-mail', `${v.value}${v.label ?? ''}`]),
    ...p.phones.map((v): [string, string] => ['a phone', `${v.value}${v.label ?? ''}`]),
    ...p.links.map((v): [string, string] => ['a link', `${v.value}${v.label ?? ''}`]),
    ...p.tags.map((t): [string, string] => ['a tag', t]),
  ];
  for (const [what, text] of texts) {
    const bad = controlCharacter(text);
    if (bad) return `${what} holds ${bad}; fix the file and import it again`;
  }
  // The contract's own check (issue 18): no control characters, nothing invisible-only.
  const nameProblem = nameTextProblem(p.displayName, 'the name');
  if (nameProblem) return nameProblem;
  if (p.displayName.length > LIMITS.name) return `the name is too long (more than ${LIMITS.name} characters)`;
  if (p.givenName.length > LIMITS.name || p.familyName.length > LIMITS.name) return 'a name part is too long';
  if (p.notes.length > LIMITS.longText) return `the note is too long (more than ${LIMITS.longText} characters)`;
  if (p.affiliation) {
    if (p.affiliation.organization.length > LIMITS.name) return 'the organization name is too long';
    if (p.affiliation.title.length > LIMITS.shortText) return 'the title is too long';
    const orgProblem = nameTextProblem(p.affiliation.organization, 'the organization name');
    if (orgProblem) return orgProblem;
    const titleProblem = p.affiliation.title === '' ? null : nameTextProblem(p.affiliation.title, 'the title');
    if (titleProblem) return titleProblem;
  }
  if (p.linkedinUrl && p.linkedinUrl.length > LIMITS.name) p.linkedinUrl = null;
  for (const field of ['emails', 'phones', 'links'] as const) {
    const list = p[field].filter((v) => v.value.length <= LIMITS.name).map((v) => (v.label && v.label.length > 200 ? { value: v.value } : v));
    if (list.length < p[field].length) warn(`a value in ${field} longer than ${LIMITS.name} characters was left out`);
    if (list.length > LIMITS.listItems) warn(`only the first ${LIMITS.listItems} ${field} were kept`);
    p[field] = list.slice(0, LIMITS.listItems);
  }
  const tags = p.tags.filter((t) => t.length <= 200 && nameTextProblem(t, 'a tag') === null);
  if (tags.length < p.tags.length) warn('a tag longer than 200 characters, blank or with control characters was left out');
  if (tags.length > LIMITS.listItems) warn(`only the first ${LIMITS.listItems} tags were kept`);
  p.tags = tags.slice(0, LIMITS.listItems);
  return null;
}

/** Tags: one line each, no empties, no system groups, first spelling wins. */
export function cleanTags(names: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of names) {
    const name = oneLine(raw.replace(/^\* /, ''));
    if (!name || isSystemGroup(name)) continue;
    const key = nameKey(name);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}
