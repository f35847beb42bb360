// LinkedIn archive's messages.csv (issue 13), both shapes: the older one
// (CONVERSATION ID … CONTENT,FOLDER) and the newer one, every field quoted,
// with ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION DRAFT. Pure: groups the
// messages into one record per conversation and UTC day, with every profile
// URL taking part; who is who in Kith is the archive plan's job.
//   - People are known by profile URL only. RECIPIENT PROFILE URLS is
//     comma-joined; TO is never split (names hold commas: "Li Wei, Ph.D.").
//   - Drafts, the SPAM folder and sponsored messages (no sender URL) are left
//     out and counted.
import { findTable, type CsvTable } from './csv';
import { normalizeLinkedInUrl } from './normalize';
import { issue } from './types';
import type { ImportIssue } from '../../shared/importExport';

export interface ConversationMessage {
  /** Normalised profile URL of the sender. */
  from: string;
  fromName: string;
  /** UTC instant, `2025-06-01T14:03:22Z`. */
  at: string;
  text: string;
}

export interface ConversationDay {
  /** Stable across archives: conversation id and UTC day (issue 13). */
  key: string;
  conversationId: string;
  title: string;
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  /** Line of the day's first message, for messages. */
  line: number;
  /** Every profile URL taking part (senders and recipients), normalised. */
  urls: Set<string>;
  /** Names known from FROM, by URL. */
  names: Map<string, string>;
  messages: ConversationMessage[];
}

export interface ParsedMessages {
  days: ConversationDay[];
  /** Profile URLs of each conversation (all days), to find me: the URL in every one. */
  conversationUrls: Map<string, Set<string>>;
  leftOut: { drafts: number; spam: number; sponsored: number };
  messages: number;
  skipped: ImportIssue[];
  warnings: ImportIssue[];
}

export function isMessagesHeader(cells: readonly string[]): boolean {
  return cells.includes('conversation id') && cells.includes('sender profile url') && cells.includes('date');
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(?:UTC|GMT|Z|\+00:?00)?$/i;

/** `2025-06-01 14:03:22 UTC` to `2025-06-01T14:03:22Z`; null when it is not such a date. */
export function parseMessageDate(raw: string): string | null {
  const m = DATE.exec(raw.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}Z`;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 19) !== iso.slice(0, 19) ? null : iso;
}

const yes = (v: string) => /^(yes|true|1)$/i.test(v.trim());

export function parseLinkedInMessages(table: CsvTable): ParsedMessages {
  const { col } = table;
  const c = {
    id: col('conversation id'),
    title: col('conversation title'),
    from: col('from'),
    fromUrl: col('sender profile url'),
    toUrls: col('recipient profile urls'),
    date: col('date'),
    content: col('content'),
    folder: col('folder'),
    messageDraft: col('is message draft'),
    conversationDraft: col('is conversation draft'),
  };
  const out: ParsedMessages = {
    days: [],
    conversationUrls: new Map(),
    leftOut: { drafts: 0, spam: 0, sponsored: 0 },
    messages: 0,
    skipped: [],
    warnings: [],
  };
  const byKey = new Map<string, ConversationDay>();
  const width = table.header.cells.length;
  for (const row of table.rows) {
    const ref = { where: `line ${row.line}`, line: row.line, card: null };
    if (row.cells.length !== width) {
      out.skipped.push(issue(ref, `has ${row.cells.length} fields where the header has ${width}`));
      continue;
    }
    const cell = (i: number) => (i >= 0 ? (row.cells[i] ?? '') : '');
    const folder = cell(c.folder).trim().toUpperCase();
    if (yes(cell(c.messageDraft)) || yes(cell(c.conversationDraft)) || folder === 'DRAFTS' || folder === 'DRAFT') {
      out.leftOut.drafts++;
      continue;
    }
    if (folder === 'SPAM') {
      out.leftOut.spam++;
      continue;
    }
    const from = normalizeLinkedInUrl(cell(c.fromUrl));
    if (!from) {
      // Sponsored messages and LinkedIn's own have no sender profile.
      out.leftOut.sponsored++;
      continue;
    }
    const conversationId = cell(c.id).trim();
    if (!conversationId) {
      out.skipped.push(issue(ref, 'no conversation id'));
      continue;
    }
    if (conversationId.length > 500) {
      out.skipped.push(issue(ref, 'the conversation id is too long (more than 500 characters)'));
      continue;
    }
    const at = parseMessageDate(cell(c.date));
    if (!at) {
      out.skipped.push(issue(ref, `the date "${cell(c.date).slice(0, 50)}" was not understood; the message was left out`));
      continue;
    }
    const recipients: string[] = [];
    for (const part of cell(c.toUrls).split(',')) {
      if (!part.trim()) continue;
      const url = normalizeLinkedInUrl(part);
      if (url) recipients.push(url);
    }
    const day = at.slice(0, 10);
    const key = `${conversationId}|${day}`;
    let d = byKey.get(key);
    if (!d) {
      d = { key, conversationId, title: cell(c.title).replace(/\s+/g, ' ').trim().slice(0, 200), day, line: row.line, urls: new Set(), names: new Map(), messages: [] };
      byKey.set(key, d);
      out.days.push(d);
    }
    d.urls.add(from);
    for (const r of recipients) d.urls.add(r);
    const fromName = cell(c.from).replace(/\s+/g, ' ').trim().slice(0, 200);
    if (fromName && !d.names.has(from)) d.names.set(from, fromName);
    d.messages.push({ from, fromName, at, text: cell(c.content) });
    let all = out.conversationUrls.get(conversationId);
    if (!all) out.conversationUrls.set(conversationId, (all = new Set()));
    for (const u of d.urls) all.add(u);
    out.messages++;
  }
  for (const d of out.days) d.messages.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  return out;
}

export function findMessagesTable(text: string, delimiter: ',' | '\t' = ','): CsvTable | null {
  return findTable(text, isMessagesHeader, 'messages.csv', delimiter);
}
