// People as vCard 4.0 (RFC 6350): text escaped, lines folded at 75 octets
// without splitting a UTF-8 character, CRLF line ends. Ties between exported
// people become RELATED with the other card's UID, so Kith's own vCard import
// rebuilds them (strength 4–5 as friend, 3 colleague, 1–2 acquaintance).
import type { Db } from '../db/open';
import { readPeople, readTies, type ExportPerson } from './network';

/** RFC 6350 §3.4: backslash, comma, semicolon and newline are escaped in text values. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 6350 §3.2), never inside a UTF-8 sequence or a surrogate pair. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const uid = (id: number) => `kith:person:${id}`;
const relatedType = (strength: number) => (strength >= 4 ? 'friend' : strength === 3 ? 'colleague' : 'acquaintance');
const typeParam = (label: string | undefined) => {
  const t = (label ?? '').toLowerCase().replace(/[^a-z0-9-]/g, '');
  return t ? `;TYPE=${t}` : '';
};

function card(p: ExportPerson, related: { other: number; strength: number }[]): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `UID:${uid(p.id)}`, `FN:${escapeText(p.displayName)}`];
  lines.push(`N:${escapeText(p.familyName)};${escapeText(p.givenName)};;;`);
  if (p.organization) lines.push(`ORG:${escapeText(p.organization)}`);
  if (p.title) lines.push(`TITLE:${escapeText(p.title)}`);
  for (const e of p.emails) lines.push(`EMAIL${typeParam(e.label)}:${escapeText(e.value)}`);
  for (const t of p.phones) lines.push(`TEL${typeParam(t.label)}:${escapeText(t.value)}`);
  if (p.linkedinUrl) lines.push(`URL:${p.linkedinUrl}`);
  for (const l of p.links) lines.push(`URL:${l.value}`);
  if (p.tags.length) lines.push(`CATEGORIES:${p.tags.map(escapeText).join(',')}`);
  if (p.notes) lines.push(`NOTE:${escapeText(p.notes)}`);
  for (const r of related) lines.push(`RELATED;TYPE=${relatedType(r.strength)};VALUE=uri:${uid(r.other)}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('\r\n');
}

/** Everyone but me and the archived, by id. */
export function exportVCards(db: Db): string {
  const people = readPeople(db).filter((p) => !p.isMe && !p.archived);
  const ids = new Set(people.map((p) => p.id));
  const related = new Map<number, { other: number; strength: number }[]>();
  for (const t of readTies(db)) {
    if (!ids.has(t.personA) || !ids.has(t.personB)) continue;
    related.set(t.personA, [...(related.get(t.personA) ?? []), { other: t.personB, strength: t.strength }]);
    related.set(t.personB, [...(related.get(t.personB) ?? []), { other: t.personA, strength: t.strength }]);
  }
  return people.map((p) => `${card(p, related.get(p.id) ?? [])}\r\n`).join('');
}
