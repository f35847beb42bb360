// Mail header values (issue 14): RFC 2047 encoded words and RFC 5322 address
// lists and dates. Nothing in node_modules does this (no mailparser, libmime
// or addressparser is installed), so it is a small careful decoder here, with
// iconv-lite (already a dependency) for the charsets an encoded word names.
// Unfolding is done by the mbox reader, which sees the header lines.
import iconv from 'iconv-lite';
import { emailKey } from './normalize';

const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;

function decodeQ(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '_') bytes.push(0x20);
    else if (c === '=' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0) & 0xff);
  }
  return Buffer.from(bytes);
}

function charsetDecode(bytes: Buffer, charset: string): string | null {
  // RFC 2231 allows a language after '*': =?UTF-8*en?Q?…?=
  const name = charset.split('*')[0]!.toLowerCase();
  if (name === 'utf-8' || name === 'utf8' || name === 'us-ascii') return bytes.toString('utf8');
  return iconv.encodingExists(name) ? iconv.decode(bytes, name) : null;
}

/**
 * Decodes the encoded words of a header value (`=?UTF-8?Q?M=C3=BCller?=`);
 * whitespace between two adjacent encoded words is dropped, as RFC 2047 says.
 * An unknown charset or a broken word is left as written.
 */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  const joined = value.replace(/(\?=)\s+(?==\?)/g, '$1');
  return joined.replace(ENCODED_WORD, (whole, charset: string, encoding: string, text: string) => {
    try {
      const bytes = encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : decodeQ(text);
      return charsetDecode(bytes, charset) ?? whole;
    } catch {
      return whole;
    }
  });
}

/** Raw header bytes (read as latin1) as text: UTF-8 when they are, else Latin-1 as they were. */
export function headerText(latin1: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(latin1)) return latin1;
  const utf8 = Buffer.from(latin1, 'latin1').toString('utf8');
  return utf8.includes('\ufffd') ? latin1 : utf8;
}

export interface Address {
  /** Lower case. */
  email: string;
  name: string;
}

const ADDRESS = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+$/;

/**
 * An address list (`"Acosta, Ana" <ana@x.org>, tom@y.org (Tom), Team: a@b.c;`):
 * quoted strings and comments may hold commas, groups list their members.
 * Parsed before decoding (an encoded word may decode to a comma); names are
 * decoded after.
 */
export function parseAddressList(value: string): Address[] {
  const out: Address[] = [];
  let name = '';
  let angle: string | null = null;
  let bare = '';
  let comment = '';
  const flush = () => {
    const raw = (angle ?? bare).trim();
    const candidate = raw.replace(/^mailto:/i, '');
    if (ADDRESS.test(candidate) && candidate.length <= 320) {
      const shown = decodeEncodedWords((angle !== null ? name : comment).replace(/\s+/g, ' ').trim());
      out.push({ email: emailKey(candidate), name: shown });
    }
    name = '';
    angle = null;
    bare = '';
    comment = '';
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '"') {
      let j = i + 1;
      let text = '';
      for (; j < value.length && value[j] !== '"'; j++) {
        if (value[j] === '\\' && j + 1 < value.length) j++;
        text += value[j];
      }
      name += text;
      i = j;
    } else if (c === '(') {
      let depth = 1;
      let j = i + 1;
      let text = '';
      for (; j < value.length && depth > 0; j++) {
        if (value[j] === '\\') {
          j++;
          continue;
        }
        if (value[j] === '(') depth++;
        else if (value[j] === ')') depth--;
        if (depth > 0) text += value[j];
      }
      comment += text;
      i = j - 1;
    } else if (c === '<') {
      const end = value.indexOf('>', i + 1);
      angle = value.slice(i + 1, end < 0 ? value.length : end);
      i = end < 0 ? value.length : end;
    } else if (c === ',' || c === ';') {
      flush();
    } else if (c === ':' && angle === null) {
      // A group's name: `Team: a@b.c, d@e.f;`
      name = '';
      bare = '';
    } else {
      if (angle === null) {
        name += c;
        bare += c;
      }
    }
  }
  flush();
  return out;
}

const ZONE = /([+-]\d{4}|\b(?:UT|GMT|Z|[ECMP][SD]T)\b)\s*$/i;

/** A Date header as epoch ms, or null. A date without a zone is read as UTC (never the machine's zone). */
export function parseMailDate(value: string): number | null {
  let text = value.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  text = text.replace(/^[A-Za-z]{3,9},\s*/, '');
  // A day, a month name, a year and a time, at least: V8's lenient parser would read "not a date" as 2000-01-01.
  if (!/\b\d{1,2}\s+[A-Za-z]{3}[a-z]*\s+\d{2,4}\s+\d{1,2}:\d{2}/.test(text)) return null;
  if (!ZONE.test(text)) text += ' +0000';
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

/** Senders no one writes back to. */
export function isNoReply(email: string): boolean {
  const local = email.split('@')[0] ?? '';
  return /(^|[-_.+])(no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer[-_.]?daemon|postmaster|bounces?)([-_.+]|$)/i.test(local) || /^noreply|^donotreply/i.test(local);
}
