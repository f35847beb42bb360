// Mail headers from an mbox (Gmail Takeout, Thunderbird; issue 14), streamed:
// a 2 GB file is read in 1 MB chunks and only the headers From, To, Cc, Date,
// Message-ID, List-Id and Precedence are kept, never a body. What comes out is
// a count of messages per UTC day and address each way, so memory grows with
// the people and days, not with the file.
//   - A message starts at a line beginning "From " (mboxo/mboxrd: a body line
//     that begins so is written ">From "). One whose "From " line is not a
//     separator's (no sender and date) is left out and named, as is one whose
//     header runs past 1 MB; the rest is read.
//   - Mailing lists (List-Id, Precedence bulk/list/junk), mail to more than 8
//     people and no-reply senders are counted and left out.
//   - The same Message-ID twice (Takeout repeats a message under labels)
//     counts once.
// Cancelling stops the reading; nothing was written, since writing happens
// only after, in one transaction (history.ts).
import fs from 'node:fs';
import { KithError } from '../../shared/errors';
import type { ImportIssue } from '../../shared/importExport';
import { headerText, isNoReply, parseAddressList, parseMailDate } from './mailHeaders';

/** A header this long is not a header (issue 14, bad input). */
export const MAX_HEADER_BYTES = 1024 * 1024;
export const MAX_RECIPIENTS = 8;
const CHUNK = 1024 * 1024;

export interface MailDay {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  email: string;
  sent: number;
  received: number;
  /** Epoch ms of the day's last message with them. */
  last: number;
}

export interface ParsedMail {
  messages: number;
  bytes: number;
  days: MailDay[];
  /** A display name per address seen (first non-empty). */
  names: Map<string, string>;
  /** Messages per address, for offering people not in Kith. */
  perAddress: Map<string, number>;
  leftOut: { mailingLists: number; tooManyRecipients: number; noReply: number; undated: number; malformed: number; duplicates: number };
  skipped: ImportIssue[];
  warnings: ImportIssue[];
}

export interface MboxOptions {
  /** My addresses, lower case: mail from them is sent, other mail received. */
  myEmails: ReadonlySet<string>;
  signal?: AbortSignal;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

const WANTED = new Set(['from', 'to', 'cc', 'date', 'message-id', 'list-id', 'precedence']);
const FROM_ = Buffer.from('From ');
const NL_FROM_ = Buffer.from('\nFrom ');
/** `From sender date…`: Gmail writes `From 1797…@xxx Thu Apr 25 09:03:05 +0000 2024`, Thunderbird `From - Mon Jan 01 …`. */
const SEPARATOR = /^From (\S+) +(.*\S)\s*$/;
const SEPARATOR_DATE = /\b\d{1,2}:\d{2}(:\d{2})?\b.*\b\d{4}\b|\b\d{4}\b.*\b\d{1,2}:\d{2}/;

interface Message {
  number: number;
  offset: number;
  headers: Map<string, string>;
  last: string | null;
  headerBytes: number;
  bad: string | null;
}

export function cancelledError(): KithError {
  return new KithError('INVALID_INPUT', 'The import was cancelled while the file was read. Nothing was imported.');
}

const shown = (n: number) => n.toLocaleString('en-US');

export async function readMbox(file: string, options: MboxOptions): Promise<ParsedMail> {
  let total: number;
  try {
    total = fs.statSync(file).size;
  } catch (error) {
    throw new KithError('INVALID_INPUT', `The file could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}). Nothing was imported.`);
  }
  const out: ParsedMail = {
    messages: 0,
    bytes: total,
    days: [],
    names: new Map(),
    perAddress: new Map(),
    leftOut: { mailingLists: 0, tooManyRecipients: 0, noReply: 0, undated: 0, malformed: 0, duplicates: 0 },
    skipped: [],
    warnings: [],
  };
  const byKey = new Map<string, MailDay>();
  const messageIds = new Set<string>();
  const mine = options.myEmails;

  const leaveOut = (m: Message, why: string) => {
    out.leftOut.malformed++;
    out.skipped.push({ where: `message ${shown(m.number)} (byte ${shown(m.offset)})`, line: null, card: null, message: `${why}; the message was left out` });
  };

  const count = (day: string, email: string, at: number, sent: boolean) => {
    const key = `${day}\u0000${email}`;
    let d = byKey.get(key);
    if (!d) byKey.set(key, (d = { day, email, sent: 0, received: 0, last: at }));
    if (sent) d.sent++;
    else d.received++;
    if (at > d.last) d.last = at;
    out.perAddress.set(email, (out.perAddress.get(email) ?? 0) + 1);
  };

  const finish = (m: Message) => {
    out.messages++;
    if (m.bad) return leaveOut(m, m.bad);
    const h = (name: string) => headerText(m.headers.get(name) ?? '');
    const id = h('message-id').trim();
    if (id) {
      if (messageIds.has(id)) {
        out.leftOut.duplicates++;
        return;
      }
      messageIds.add(id);
    }
    if (m.headers.has('list-id') || /^\s*(bulk|list|junk)\b/i.test(h('precedence'))) {
      out.leftOut.mailingLists++;
      return;
    }
    const from = parseAddressList(h('from'))[0];
    if (!from) return leaveOut(m, 'it has no sender address (From)');
    if (isNoReply(from.email)) {
      out.leftOut.noReply++;
      return;
    }
    const recipients = new Map<string, string>();
    for (const a of [...parseAddressList(h('to')), ...parseAddressList(h('cc'))]) if (!recipients.has(a.email)) recipients.set(a.email, a.name);
    if (recipients.size > MAX_RECIPIENTS) {
      out.leftOut.tooManyRecipients++;
      return;
    }
    const at = parseMailDate(h('date'));
    if (at === null) {
      out.leftOut.undated++;
      return;
    }
    const day = new Date(at).toISOString().slice(0, 10);
    const remember = (email: string, name: string) => {
      if (name && !out.names.has(email)) out.names.set(email, name.slice(0, 200));
    };
    if (mine.has(from.email)) {
      for (const [email, name] of recipients) {
        if (mine.has(email)) continue;
        remember(email, name);
        count(day, email, at, true);
      }
    } else {
      remember(from.email, from.name);
      count(day, from.email, at, false);
    }
  };

  let message: Message | null = null;
  let number = 0;
  let mode: 'start' | 'headers' | 'body' = 'start';
  let atLineStart = true;
  let carry: Buffer | null = null;
  let base = 0; // file offset of buf[0]
  let read = 0;

  const startMessage = (line: string, offset: number) => {
    message = { number: ++number, offset, headers: new Map(), last: null, headerBytes: 0, bad: null };
    const m = SEPARATOR.exec(line);
    if (!m || !SEPARATOR_DATE.test(m[2]!)) message.bad = `its "From " line is not a message separator (${JSON.stringify(line.slice(0, 80))})`;
  };

  const headerLine = (m: Message, line: Buffer) => {
    m.headerBytes += line.length + 1;
    if (m.headerBytes > MAX_HEADER_BYTES) {
      m.bad = `its header is larger than ${MAX_HEADER_BYTES / 1024 / 1024} MB`;
      return;
    }
    if (m.bad) return;
    const first = line[0];
    if (first === 0x20 || first === 0x09) {
      // A folded line continues the header before it.
      if (m.last !== null) m.headers.set(m.last, `${m.headers.get(m.last)!} ${line.toString('latin1').trim()}`);
      return;
    }
    const colon = line.indexOf(0x3a);
    if (colon <= 0 || colon > 76) {
      m.last = null;
      return;
    }
    const name = line.toString('latin1', 0, colon).trim().toLowerCase();
    if (WANTED.has(name)) {
      // The first of a repeated header counts (a second To: is unusual, a second Received: common and unwanted).
      if (!m.headers.has(name)) {
        m.headers.set(name, line.toString('latin1', colon + 1).trim());
        m.last = name;
      } else m.last = null;
    } else m.last = null;
  };

  const stream = fs.createReadStream(file, { highWaterMark: CHUNK });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (options.signal?.aborted) throw cancelledError();
      read += chunk.length;
      const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      carry = null;
      let pos = 0;
      while (pos < buf.length) {
        if (mode === 'body') {
          if (atLineStart) {
            if (buf.length - pos < FROM_.length) {
              carry = Buffer.from(buf.subarray(pos));
              break;
            }
            if (buf.compare(FROM_, 0, FROM_.length, pos, pos + FROM_.length) === 0) {
              mode = 'start';
              continue;
            }
          }
          const j = buf.indexOf(NL_FROM_, pos);
          if (j < 0) {
            // Keep enough of the end to find a "\nFrom " split across chunks.
            const from = Math.max(pos, buf.length - NL_FROM_.length);
            atLineStart = from === pos ? atLineStart : false;
            carry = Buffer.from(buf.subarray(from));
            break;
          }
          pos = j + 1;
          atLineStart = true;
          continue;
        }
        const e = buf.indexOf(0x0a, pos);
        if (e < 0) {
          if (buf.length - pos > MAX_HEADER_BYTES) {
            // One line over 1 MB: the message is named and skipped to the next separator.
            if (mode === 'start' && number === 0) throw notAnMbox();
            if (mode === 'start') startMessage('From (a line longer than 1 MB)', base + pos);
            message!.bad = `its header is larger than ${MAX_HEADER_BYTES / 1024 / 1024} MB`;
            mode = 'body';
            atLineStart = false;
            pos = buf.length;
            break;
          }
          carry = Buffer.from(buf.subarray(pos));
          break;
        }
        const end = e > pos && buf[e - 1] === 0x0d ? e - 1 : e;
        const line = buf.subarray(pos, end);
        if (mode === 'start') {
          if (line.length < 5 || line.compare(FROM_, 0, 5, 0, 5) !== 0) {
            if (number === 0) throw notAnMbox();
          }
          startMessage(line.toString('latin1'), base + pos);
          mode = 'headers';
        } else if (line.length === 0) {
          finish(message!);
          message = null;
          mode = 'body';
        } else if (line.length > 5 && line.compare(FROM_, 0, 5, 0, 5) === 0 && SEPARATOR.test(line.toString('latin1')) && message!.headers.size > 0) {
          // A separator where the blank line after the headers should be: a message with headers only; the next one starts here.
          finish(message!);
          startMessage(line.toString('latin1'), base + pos);
        } else headerLine(message!, line);
        pos = e + 1;
        atLineStart = true;
      }
      base += buf.length - (carry?.length ?? 0);
      options.onProgress?.(read, total);
      // A chunk's work is synchronous: let progress and cancel requests in between chunks.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (options.signal?.aborted) throw cancelledError();
    if (carry && mode === 'headers' && carry.length > 0) headerLine(message!, carry);
    if (mode === 'headers' && message) finish(message);
    if (number === 0) {
      if (total === 0) throw new KithError('INVALID_INPUT', 'The file is empty: there is no mail in it. Nothing was imported.');
      throw notAnMbox();
    }
  } finally {
    stream.destroy();
  }
  out.days = [...byKey.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.email.localeCompare(b.email)));
  if (mine.size === 0) {
    out.warnings.push({ where: 'the file', line: null, card: null, message: 'no e-mail address of yours is set: every message counts as received from its sender. Add your addresses and preview again.' });
  }
  options.onProgress?.(total, total);
  return out;
}

function notAnMbox(): KithError {
  return new KithError(
    'INVALID_INPUT',
    'This is not an mbox file: it does not start with a "From " line. Choose the .mbox file Google Takeout or Thunderbird wrote (not a single .eml message). Nothing was imported.',
  );
}
