// Pure text helpers used on both sides of the IPC boundary.

/** Identity of a name for uniqueness: Unicode-normalized, lower case, white space folded. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('und').replace(/\s+/gu, ' ').trim();
}

/**
 * Turns what a person typed into a safe FTS5 prefix query: every word must
 * match the start of a word ("ana ac" finds "Ana Acosta"). Each word is quoted,
 * so FTS5 operators and punctuation typed by the user are plain text and never
 * a syntax error. Returns null when nothing searchable was typed.
 */
export function toFtsPrefixQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    // Control characters never reach FTS5: a NUL would cut the query short
    // inside SQLite and turn a search box into a syntax error.
    .replace(/\p{Cc}/gu, ' ')
    .split(/[\s"]+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return null;
  return words
    .slice(0, 16)
    .map((w) => `"${w}"*`)
    .join(' ');
}

/** Initials for an avatar: first letters of the first and last words. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return '?';
  const first = Array.from(words[0]!)[0] ?? '';
  const last = words.length > 1 ? (Array.from(words[words.length - 1]!)[0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

// ---- What a name, title or tag may hold (issue 18) ------------------------

/** C0 controls (NUL, ESC, tab, line breaks…), DEL and C1 controls: never part of a name. */
const CONTROL = /\p{Cc}/u;

/**
 * Characters that draw nothing: white space, default-ignorable code points
 * (zero-width space and joiners, bidi marks, soft hyphen, variation selectors,
 * Hangul fillers…) and the blank braille pattern. Used only to decide whether
 * a name is blank; they are never stripped, because ZWJ and ZWNJ are a real
 * part of Persian, Indic and emoji names (issue 18).
 */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** True when nothing visible is left once invisible characters are ignored. */
export function isVisiblyBlank(text: string): boolean {
  return text.replace(INVISIBLE, '').length === 0;
}

/**
 * The one check for person names, organization names, titles and tags, used by
 * the IPC contract and by every importer (issue 18): no NUL, no C0/C1 control,
 * and not blank once invisible characters are ignored. Returns the reason the
 * text is refused, or null when it is fine. `what` starts the sentence
 * ("Name", "A tag"). An empty text is "blank" too; callers that allow an empty
 * optional field check for '' first.
 */
export function nameTextProblem(text: string, what: string): string | null {
  if (CONTROL.test(text)) return `${what} cannot contain control characters`;
  if (isVisiblyBlank(text)) return `${what} cannot be empty`;
  return null;
}
