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

// ---- Folding for search (issue 17) ----
//
// A name must be found however it is typed: "soren" finds Søren, "lukasz"
// Łukasz, "mueller" and "muller" both find Müller and Mueller, "obrien"
// O'Brien, "maryjane" Mary-Jane. Unicode decomposition strips accents, but
// ø, æ, ß, ł, đ, œ and þ are letters of their own that do not decompose, so
// they are mapped by hand. German spellings without umlauts (ue, oe, ae) are
// then reduced to the same vowel, on both sides of the comparison: this is a
// "loose" key used only for matching, never shown.

const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  ß: 'ss',
  ẞ: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
};
const LETTER_FOLD_RE = /[øæßẞłđðœþı]/gu;
/** Apostrophes of every kind, and hyphens/dashes: ignored inside names. */
const JOINERS_RE = /['’‘ʼ`´\u2010\u2011\u2012\u2013\u2014\u2212-]/gu;
const HAS_JOINER = /['’‘ʼ`´\u2010\u2011\u2012\u2013\u2014\u2212-]/u;

/** Lower case, accents off, special letters mapped, ue/oe/ae reduced: the key compared by search. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('und')
    .replace(LETTER_FOLD_RE, (ch) => LETTER_FOLDS[ch] ?? ch)
    .replace(/ae|oe|ue/gu, (pair) => pair[0]!);
}

/** Han, kana and Hangul: scripts written without spaces, so a name is matched by any part. */
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
export function hasCjk(text: string): boolean {
  return CJK_RE.test(text);
}

/**
 * The words of a name as search compares them, each folded. A word joined by
 * an apostrophe or hyphen is there both whole ("obrien", "maryjane") and in
 * its parts ("o", "brien"; "mary", "jane").
 */
export function foldedNameWords(name: string): string[] {
  const out: string[] = [];
  for (const raw of name.normalize('NFKC').split(/[\s,;/()]+/u)) {
    if (!raw) continue;
    if (!/[\p{L}\p{N}]/u.test(raw)) continue; // a lone "#" or "@" would read as a section mark
    const joined = foldForSearch(raw.replace(JOINERS_RE, ''));
    if (joined) out.push(joined);
    if (HAS_JOINER.test(raw)) {
      for (const part of raw.split(JOINERS_RE)) {
        const f = foldForSearch(part);
        if (f && f !== joined) out.push(f);
      }
    }
  }
  return out;
}

/** The words of a query, folded like names (apostrophes and hyphens dropped, so "o'brien" is "obrien"). */
export function foldedQueryWords(query: string): string[] {
  return query
    .normalize('NFKC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/gu, ' ')
    .split(/[\s,;/()]+/u)
    .map((w) => foldForSearch(w.replace(JOINERS_RE, '')))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** Only the digits of a phone number, without the trunk prefix 0 or the international 00 ("+49 (0)30 1234" → "49301234"). */
export function phoneDigits(text: string): string {
  return text.replace(/\(0\)/gu, '').replace(/\D+/gu, '').replace(/^0+/u, '');
}

/**
 * The folded text a person is found by, stored in people.search_folded (m0040):
 * " w1 w2 … @ email1 email2 … # phone1 phone2 ", every word preceded by a
 * space so that "starts a word" is `LIKE '% word%'`. E-mail addresses appear
 * whole and split at their punctuation; phones as digits only.
 */
export function personSearchText(displayName: string, emails: readonly string[], phones: readonly string[]): string {
  const words = foldedNameWords(displayName);
  const mail: string[] = [];
  for (const e of emails) {
    const f = foldForSearch(e.trim()).replace(/\s+/gu, '');
    if (!f) continue;
    // Whole, its local part and domain, and each word, each also without hyphens ("zephyr-robotics").
    const at = f.lastIndexOf('@');
    const pieces = at > 0 ? [f, f.slice(0, at), f.slice(at + 1)] : [f];
    for (const part of f.split(/[^\p{L}\p{N}]+/u)) if (part) pieces.push(part);
    for (const piece of pieces) {
      if (!piece) continue;
      mail.push(piece);
      const joined = piece.replace(JOINERS_RE, '');
      if (joined !== piece) mail.push(joined);
    }
  }
  const digits = phones.map(phoneDigits).filter((d) => d.length > 0);
  return ` ${words.join(' ')} @ ${mail.join(' ')} # ${digits.join(' ')} `;
}

/** nameMatchRank when the name itself does not match (the title, organization or notes did). */
export const NOT_BY_NAME = 4;

/**
 * How well a name matches what was typed, for the pickers and the palette
 * (lower is better): 0 the name starts with the query ("dalia s" → Dalia
 * Sánchez); 1 a later word onwards does (the last name: "sanchez" → Dalia
 * Sánchez); 2 every typed word starts a word of the name ("dalia r" → Dalia
 * Sánchez Ruiz); 3 every typed word is inside the name ("小明" → 王小明,
 * "ria" → Maria); NOT_BY_NAME otherwise.
 */
export function nameMatchRank(query: string, displayName: string): 0 | 1 | 2 | 3 | typeof NOT_BY_NAME {
  const q = foldedQueryWords(query);
  if (q.length === 0) return NOT_BY_NAME;
  const words = foldedNameWords(displayName);
  const typed = q.join(' ');
  const plain = displayName
    .normalize('NFKC')
    .split(/\s+/u)
    .filter(Boolean)
    .map((w) => foldForSearch(w.replace(JOINERS_RE, '')));
  for (let i = 0; i < plain.length; i += 1) {
    // From the first word (first name) or from any later word (last names, "de la Cruz").
    if (plain.slice(i).join(' ').startsWith(typed)) return i === 0 ? 0 : 1;
  }
  const used = new Set<number>();
  const allStart = q.every((w) => {
    const at = words.findIndex((n, i) => !used.has(i) && n.startsWith(w));
    if (at < 0) return false;
    used.add(at);
    return true;
  });
  if (allStart) return 2;
  const folded = words.join(' ');
  if (q.every((w) => folded.includes(w))) return 3;
  return NOT_BY_NAME;
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
