// Normalization shared by the importers: LinkedIn URLs, dates, labels, role
// flags, and the final check that a record fits the domain's limits.
import { LIMITS, type LabeledValue } from '../../shared/domain';
import { nameKey, nameTextProblem } from '../../shared/text';
import type { ImportedPerson } from './types';

/**
 * A LinkedIn profile URL in one canonical form, so the same member matches
 * however the export spelled it (issue 6): https, lower-case host, no query or
 * fragment, no trailing slash. Returns null for anything that is not a
 * linkedin.com URL.
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

/**
 * Role flags read from a title or a vCard ROLE, so routes can find the hiring
 * manager and the recruiters at a target organization (DESIGN.md, "route warmth").
 * Deliberately narrow: a wrong flag misleads more than a missing one.
 */
export function roleFlags(...texts: string[]): { isHiringManager: boolean; isRecruiter: boolean } {
  const all = texts.join(' ');
  return {
    isHiringManager: /\bhiring manager\b/i.test(all),
    isRecruiter: /\b(recruit(er|ing|ment)?|talent acquisition|talent partner|sourcer)\b/i.test(all),
  };
}

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

/**
 * Checks a finished person record against the domain's limits so nothing the
 * app would refuse through its own forms reaches the database through an
 * import. Returns the reason the record cannot be imported, or null. Lists that
 * are merely too long are cut, with a warning.
 */
export function checkPerson(p: ImportedPerson, warn: (message: string) => void): string | null {
  if (!p.displayName.trim()) return 'no name';
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
