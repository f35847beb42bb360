// vCard 2.1, 3.0 and 4.0 (Apple Contacts, Outlook, Google, RFC 6350), several
// cards and mixed versions in one file.
//
// ical.js parses each card (unfolding, escapes, structured N/ORG, groups,
// multi-valued CATEGORIES). It implements vCard 3.0 and 4.0 only, so a small
// pre-pass brings each card into a shape it accepts:
//  - splits the file into cards, keeping each card's line number for messages;
//  - vCard 2.1: bare parameters (`TEL;WORK;VOICE:`) become `TYPE=` parameters,
//    2.1's unescaped commas and backslashes are escaped as 3.0 expects;
//  - QUOTED-PRINTABLE values (2.1, and some 3.0 writers): soft line breaks are
//    joined, the bytes decoded (quoted-printable) and then the CHARSET (iconv-lite);
//  - drops PHOTO/LOGO/SOUND/KEY (photos are ignored and must never break an
//    import) and every property Kith does not read, so a malformed birthday or
//    revision date cannot cost a whole card.
import ICAL from 'ical.js';
import iconv from 'iconv-lite';
import quotedPrintable from 'quoted-printable';
import { KithError } from '../../shared/errors';
import type { LabeledValue } from '../../shared/domain';
import { nameKey } from '../../shared/text';
import { CONTACT_TIE_STRENGTH } from './google';
import {
  checkPerson,
  cleanTags,
  isLinkedInProfile,
  labeled,
  multiLine,
  normalizeLinkedInUrl,
  oneLine,
  roleFlags,
} from './normalize';
import { issue, type ImportedRecord, type ParsedImport, type SourceRef } from './types';

const KEPT = new Set([
  'VERSION', 'FN', 'N', 'ORG', 'TITLE', 'ROLE', 'EMAIL', 'TEL', 'URL', 'NOTE', 'CATEGORIES', 'KIND', 'UID',
  'RELATED', 'X-SOCIALPROFILE', 'X-ABLABEL', 'X-ABRELATEDNAMES', 'X-ABSHOWAS',
]);
const BINARY = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);
/** Properties whose 2.1 text must be re-escaped for ical.js's 3.0 reading. */
const TEXT_21 = new Set(['FN', 'N', 'ORG', 'TITLE', 'ROLE', 'NOTE', 'X-ABLABEL', 'X-ABRELATEDNAMES']);

/**
 * RFC 6350 RELATED types (and Apple's X-ABRELATEDNAMES labels) as tie
 * strengths on DESIGN.md's scale: family and partners close, friends 4,
 * colleagues 3, acquaintances 2, met once 1.
 */
const RELATED_STRENGTH: Record<string, number> = {
  spouse: 5, partner: 5, child: 5, parent: 5, mother: 5, father: 5, sibling: 5, brother: 5, sister: 5,
  kin: 5, sweetheart: 5, crush: 4, date: 4, muse: 4, emergency: 5,
  friend: 4, mentor: 4,
  colleague: 3, 'co-worker': 3, coworker: 3, manager: 3, assistant: 3,
  acquaintance: 2, neighbor: 2, 'co-resident': 2, contact: 2, agent: 2,
  met: 1,
};
const DEFAULT_RELATED_STRENGTH = 2;

interface RawCard {
  number: number;
  line: number;
  lines: { line: number; text: string }[];
  ended: boolean;
}

type JProp = [string, Record<string, unknown>, string, ...unknown[]];

interface Relation {
  types: string[];
  value: string;
  isUri: boolean;
}

export function parseVCards(input: string): ParsedImport {
  const cards = splitCards(input.replace(/^\uFEFF/, ''));
  if (cards.length === 0) {
    throw new KithError(
      'INVALID_INPUT',
      'This file has no vCards (no line reads BEGIN:VCARD). Choose a .vcf file exported from your contacts app.',
    );
  }
  const out: ParsedImport = { format: 'vcard', records: [], relations: [], skipped: [], warnings: [] };
  const uidToRecord = new Map<string, number>();
  const nameToRecords = new Map<string, number[]>();
  const pending: { from: number; ref: SourceRef; relations: Relation[] }[] = [];

  for (const card of cards) {
    const ref: SourceRef = { key: `card ${card.number}`, where: `card ${card.number} (line ${card.line})`, line: card.line, card: card.number };
    if (!card.ended) {
      out.skipped.push(issue(ref, 'the card has no END:VCARD line (the file may be cut short)'));
      continue;
    }
    let props: JProp[];
    try {
      props = readCard(card, (m) => out.warnings.push(issue(ref, m)));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      out.skipped.push(issue(ref, `could not be read: ${message.slice(0, 300)}`));
      continue;
    }
    const result = toRecord(props, ref, (m) => out.warnings.push(issue(ref, m)));
    if (typeof result === 'string') {
      out.skipped.push(issue(ref, result));
      continue;
    }
    const index = out.records.length;
    out.records.push(result.record);
    if (result.uid) uidToRecord.set(uidKey(result.uid), index);
    if (result.record.kind === 'person') {
      const key = nameKey(result.record.displayName);
      nameToRecords.set(key, [...(nameToRecords.get(key) ?? []), index]);
      if (result.relations.length) pending.push({ from: index, ref, relations: result.relations });
    }
  }

  // RELATED makes a tie only with another card of the same file: Kith does not guess across imports.
  const best = new Map<string, { from: number; to: number; strength: number; context: string }>();
  for (const { from, ref, relations } of pending) {
    for (const rel of relations) {
      let to: number | undefined = rel.isUri ? uidToRecord.get(uidKey(rel.value)) : undefined;
      if (to === undefined) {
        const byName = nameToRecords.get(nameKey(rel.value));
        if (byName?.length === 1) to = byName[0];
      }
      const other = to === undefined ? undefined : out.records[to];
      if (to === undefined || !other || other.kind !== 'person') {
        out.warnings.push(issue(ref, `related person "${rel.value.slice(0, 200)}" is not a card in this file; no tie made`));
        continue;
      }
      if (to === from) continue;
      const type = rel.types.find((t) => RELATED_STRENGTH[t] !== undefined) ?? rel.types[0] ?? '';
      const strength = RELATED_STRENGTH[type] ?? DEFAULT_RELATED_STRENGTH;
      const pair = from < to ? `${from}:${to}` : `${to}:${from}`;
      const seen = best.get(pair);
      if (!seen || strength > seen.strength) best.set(pair, { from, to, strength, context: type });
    }
  }
  out.relations = [...best.values()].sort((a, b) => a.from - b.from || a.to - b.to);
  return out;
}

function uidKey(uid: string): string {
  return uid.trim().toLowerCase().replace(/^urn:uuid:/, '');
}

function splitCards(text: string): RawCard[] {
  const lines = text.split(/\r\n|\n|\r/);
  const cards: RawCard[] = [];
  let card: RawCard | null = null;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (/^BEGIN:VCARD$/i.test(trimmed)) {
      if (card) cards.push(card); // never ended: reported as such
      card = { number: cards.length + 1, line, lines: [], ended: false };
      return;
    }
    if (!card) return; // text between cards is not ours to read
    if (/^END:VCARD$/i.test(trimmed)) {
      card.ended = true;
      cards.push(card);
      card = null;
      return;
    }
    card.lines.push({ line, text: raw });
  });
  if (card) cards.push(card);
  return cards;
}

/** Splits `head` on `sep` outside double quotes. */
function splitOutsideQuotes(head: string, sep: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < head.length; i++) {
    const ch = head[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === sep && !quoted) {
      parts.push(head.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(head.slice(start));
  return parts;
}

function colonIndex(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) return i;
  }
  return -1;
}

const isQuotedPrintable = (head: string) => /(^|;)\s*(ENCODING=)?QUOTED-PRINTABLE\s*(;|$)/i.test(head);

/** Unfolds a card's lines (RFC folding, and QUOTED-PRINTABLE soft line breaks). */
function logicalLines(card: RawCard): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let qp = false;
  for (const { text } of card.lines) {
    if (current !== null && (text.startsWith(' ') || text.startsWith('\t'))) {
      current += text.slice(1);
      continue;
    }
    if (current !== null && qp && current.endsWith('=')) {
      current = current.slice(0, -1) + text;
      continue;
    }
    if (current !== null) out.push(current);
    current = text;
    const colon = colonIndex(text);
    qp = colon > 0 && isQuotedPrintable(text.slice(0, colon));
  }
  if (current !== null) out.push(current);
  return out;
}

function decodeQuotedPrintable(value: string, charset: string, warn: (m: string) => void): string {
  const bytes = Buffer.from(quotedPrintable.decode(value), 'latin1');
  const encoding = charset && iconv.encodingExists(charset) ? charset : 'utf-8';
  if (charset && encoding !== charset) warn(`unknown character set "${charset.slice(0, 50)}"; read as UTF-8`);
  return iconv.decode(bytes, encoding);
}

/** Brings one card into a form ical.js reads, and parses it to jCard properties. */
function readCard(card: RawCard, warn: (m: string) => void): JProp[] {
  const logical = logicalLines(card);
  const versionLine = logical.find((l) => /^VERSION:/i.test(l.trim()));
  const version = versionLine ? versionLine.trim().slice(8).trim() : '3.0';
  const is21 = version.startsWith('2');
  const kept: string[] = [];
  for (const line of logical) {
    if (!line.trim()) continue;
    const colon = colonIndex(line);
    if (colon <= 0) throw new Error(`a line is not a vCard property: "${line.slice(0, 80)}"`);
    const head = line.slice(0, colon);
    let value = line.slice(colon + 1);
    const [nameWithGroup = '', ...rawParams] = splitOutsideQuotes(head, ';');
    const name = nameWithGroup.slice(nameWithGroup.lastIndexOf('.') + 1).trim().toUpperCase();
    if (BINARY.has(name) || !KEPT.has(name)) continue;
    if (name === 'VERSION') {
      kept.push(`VERSION:${is21 ? '3.0' : version.startsWith('4') ? '4.0' : '3.0'}`);
      continue;
    }
    let qp = false;
    let charset = '';
    const params: string[] = [];
    for (const raw of rawParams) {
      const p = raw.trim();
      if (!p) continue;
      const eq = p.indexOf('=');
      const key = (eq === -1 ? p : p.slice(0, eq)).toUpperCase();
      const val = eq === -1 ? '' : p.slice(eq + 1);
      if (eq === -1) {
        if (key === 'QUOTED-PRINTABLE') qp = true;
        else if (!['BASE64', 'B', '8BIT', '7BIT'].includes(key)) params.push(`TYPE=${p}`);
      } else if (key === 'ENCODING') {
        if (val.toUpperCase() === 'QUOTED-PRINTABLE') qp = true;
      } else if (key === 'CHARSET') {
        charset = val.replace(/"/g, '').trim();
      } else if (key && val) {
        params.push(`${p.slice(0, eq).trim()}=${val}`);
      }
    }
    if (qp) value = decodeQuotedPrintable(value, charset, warn);
    if (is21 && TEXT_21.has(name)) {
      // 2.1 escapes only ";" (as "\;"); 3.0 also needs "\\", "\," and "\n".
      value = value.replace(/\\(?!;)/g, '\\\\').replace(/,/g, '\\,');
    }
    value = value.replace(/\r\n|\n|\r/g, '\\n');
    kept.push(`${nameWithGroup.trim()}${params.map((p) => `;${p}`).join('')}:${value}`);
  }
  if (!kept.some((l) => l.startsWith('VERSION:'))) kept.unshift('VERSION:3.0');
  const parsed = ICAL.parse(['BEGIN:VCARD', ...kept, 'END:VCARD', ''].join('\r\n')) as unknown;
  const component = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed) as unknown[];
  if (!Array.isArray(component) || component[0] !== 'vcard' || !Array.isArray(component[1])) {
    throw new Error('not a vCard');
  }
  return component[1] as JProp[];
}

/**
 * ical.js leaves `\;` escaped in text values, and does not unescape the
 * values of properties it does not know (X-ABLabel, X-ABRELATEDNAMES,
 * X-SOCIALPROFILE): finish the job here.
 */
function unescapeRest(s: string, type: string): string {
  if (type !== 'unknown') return s.replace(/\\;/g, ';');
  return s.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Every text piece of a jCard property's value, flattened (structured values are arrays). */
function texts(prop: JProp | undefined): string[] {
  if (!prop) return [];
  const type = prop[2];
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'string') out.push(unescapeRest(v, type));
    else if (v !== null && v !== undefined) out.push(String(v));
  };
  prop.slice(3).forEach(walk);
  return out;
}

/** The components of a structured value (N, ORG): position matters, so no flattening across them. */
function components(prop: JProp | undefined): string[] {
  const first = prop?.[3];
  const fix = (v: unknown) => unescapeRest(Array.isArray(v) ? v.join(' ') : String(v ?? ''), 'text');
  if (Array.isArray(first)) return first.map(fix);
  return typeof first === 'string' ? [fix(first)] : [];
}

function typesOf(params: Record<string, unknown>): string[] {
  const t = params.type;
  const list = Array.isArray(t) ? t : typeof t === 'string' ? [t] : [];
  return list.flatMap((x) => String(x).split(',')).map((x) => x.trim().toLowerCase()).filter(Boolean);
}

/** Apple writes its built-in labels as `_$!<HomePage>!$_`. */
function cleanAbLabel(label: string): string {
  const m = /^_\$!<(.*)>!\$_$/.exec(label.trim());
  return oneLine(m ? m[1] : label);
}

const NOT_A_LABEL = new Set(['internet', 'pref', 'x400', 'voice', 'text', 'uri']);

function toRecord(
  props: JProp[],
  ref: SourceRef,
  warn: (m: string) => void,
): string | { record: ImportedRecord; uid: string | null; relations: Relation[] } {
  const groupLabels = new Map<string, string>();
  for (const prop of props) {
    const [name, params] = prop;
    if (name === 'x-ablabel' && typeof params.group === 'string') groupLabels.set(params.group.toLowerCase(), cleanAbLabel(texts(prop).join(' ')));
  }
  const first = (name: string) => props.find((p) => p[0] === name);
  const firstText = (name: string) => {
    const p = first(name);
    return p ? oneLine(texts(p).join(' ')) : '';
  };
  const labelOf = (params: Record<string, unknown>, skip: Set<string> = NOT_A_LABEL) => {
    const group = typeof params.group === 'string' ? groupLabels.get(params.group.toLowerCase()) : undefined;
    if (group) return group;
    return typesOf(params).filter((t) => !skip.has(t)).join(' ');
  };

  const kind = firstText('kind').toLowerCase();
  const showAs = firstText('x-abshowas').toLowerCase();
  const orgProp = first('org');
  const orgParts = components(orgProp).map(oneLine);
  const organization = orgParts[0] ?? '';
  const notes = props.filter((p) => p[0] === 'note').map((p) => multiLine(texts(p).join(' '))).filter(Boolean).join('\n\n');
  const tags = cleanTags(props.filter((p) => p[0] === 'categories').flatMap((p) => texts(p)));
  const uid = firstText('uid') || null;
  const urls = props.filter((p) => p[0] === 'url').map((p) => ({ value: oneLine(texts(p).join('')), label: labelOf(p[1]) }));

  if (kind === 'group' || kind === 'location') return `a ${kind} card (KIND:${kind}) is not a person or an organization`;
  if (kind === 'org' || kind === 'organization' || showAs === 'company') {
    const name = organization || firstText('fn');
    if (!name) return 'an organization card with no name';
    if (name.length > 2000) return 'the organization name is too long';
    let domain = '';
    for (const u of urls) {
      try {
        domain = new URL(/^[a-z]+:\/\//i.test(u.value) ? u.value : `https://${u.value}`).hostname.replace(/^www\./, '');
        break;
      } catch {
        // not a URL: no domain from it
      }
    }
    return { record: { kind: 'organization', ref, name, domain: domain.slice(0, 500), notes, tags }, uid, relations: [] };
  }

  const nProp = first('n');
  const n = components(nProp).map(oneLine);
  const familyName = n[0] ?? '';
  const givenName = n[1] ?? '';
  const displayName = firstText('fn') || oneLine([n[3], givenName, n[2], familyName, n[4]].filter(Boolean).join(' '));
  if (!displayName) return organization ? `no name (only an organization, ${organization})` : 'no name';

  const emails: LabeledValue[] = [];
  const phones: LabeledValue[] = [];
  const links: LabeledValue[] = [];
  let linkedinUrl: string | null = null;
  const relations: Relation[] = [];
  const addLink = (value: string, label: string) => {
    const li = normalizeLinkedInUrl(value);
    if (!linkedinUrl && isLinkedInProfile(li)) {
      linkedinUrl = li;
      return;
    }
    if (li && li === linkedinUrl) return;
    const lv = labeled(value, label);
    if (lv) links.push(lv);
  };
  for (const prop of props) {
    const [name, params, type] = prop;
    const value = oneLine(texts(prop).join(''));
    if (name === 'email') {
      const lv = labeled(value.replace(/^mailto:/i, ''), labelOf(params));
      if (lv) emails.push(lv);
    } else if (name === 'tel') {
      const lv = labeled(value.replace(/^tel:/i, ''), labelOf(params));
      if (lv) phones.push(lv);
    } else if (name === 'x-socialprofile') {
      addLink(value, typesOf(params)[0] ?? labelOf(params));
    } else if (name === 'related' || name === 'x-abrelatednames') {
      if (!value) continue;
      const label = name === 'x-abrelatednames' ? labelOf(params, new Set(['pref'])).toLowerCase() : '';
      const types = name === 'related' ? typesOf(params) : label ? [label] : [];
      relations.push({ types, value, isUri: type === 'uri' || /^urn:/i.test(value) });
    }
  }
  for (const u of urls) addLink(u.value, u.label);

  const title = firstText('title');
  const role = firstText('role');
  const person: ImportedRecord = {
    kind: 'person',
    ref,
    displayName,
    givenName,
    familyName,
    emails,
    phones,
    links,
    linkedinUrl,
    notes,
    tags,
    affiliation: organization ? { organization, title: title || role, ...roleFlags(title, role) } : null,
    tieWithMe: { strength: CONTACT_TIE_STRENGTH, since: null, context: '' },
  };
  const problem = checkPerson(person, warn);
  if (problem) return problem;
  return { record: person, uid, relations };
}
