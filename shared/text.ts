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
