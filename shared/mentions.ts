// @mentions in a journal body (issue 3): the renderer finds who an entry is
// with as the user types, and offers to create a person for a name it does not
// know. Pure, so both sides (and the CLI) agree on what "@Jose Mendes" means.
//
// Matching is case- and diacritics-insensitive ("@jose" is José) and takes the
// longest known name ("@Ana Acosta" is Ana Acosta, not Ana), and a name must
// end at a word boundary ("@Anabel" is not Ana).

export interface KnownName {
  id: number;
  name: string;
}

export interface Mention {
  /** Offsets into the original text, `@` included: text.slice(start, end) === '@Ana Acosta'. */
  start: number;
  end: number;
  /** The person matched, or null when the name after @ is not known. */
  personId: number | null;
  /** The known person's name, or for an unknown mention the word typed after @. */
  name: string;
}

/** Lower case, no diacritics, NFKC; one folded string per original UTF-16 unit range. */
export function foldForMatch(text: string): string {
  return fold(text).folded;
}

function fold(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = []; // origin[i] = index in `text` where folded[i] came from
  let i = 0;
  for (const ch of text) {
    const f = ch.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('und');
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
  }
  origin.push(i);
  return { folded, origin };
}

const WORD = /[\p{L}\p{N}]/u;

interface Candidate extends KnownName {
  key: string;
}

function candidates(names: readonly KnownName[]): Map<string, Candidate[]> {
  // Bucketed by first folded character, longest first, so each @ looks at few names.
  const byFirst = new Map<string, Candidate[]>();
  for (const n of names) {
    const key = foldForMatch(n.name).replace(/\s+/gu, ' ').trim();
    if (!key) continue;
    const first = key[0]!;
    let list = byFirst.get(first);
    if (!list) byFirst.set(first, (list = []));
    list.push({ ...n, key });
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.key.length - a.key.length || a.id - b.id);
  return byFirst;
}

/** Every @mention in `text`, in order, resolved against `names` (longest match wins). */
export function findMentions(text: string, names: readonly KnownName[]): Mention[] {
  const { folded, origin } = fold(text);
  const byFirst = candidates(names);
  const mentions: Mention[] = [];
  // White space inside the text is compared as single spaces, as in the keys.
  const squashed = folded.replace(/\s/gu, ' ');
  let at = squashed.indexOf('@');
  while (at !== -1) {
    const before = at > 0 ? squashed[at - 1]! : ' ';
    let next = at + 1;
    if (!WORD.test(before)) {
      const rest = squashed.slice(at + 1);
      const match = (byFirst.get(rest[0] ?? '') ?? []).find((c) => {
        if (!rest.startsWith(c.key)) return false;
        const after = rest[c.key.length];
        return after === undefined || !WORD.test(after);
      });
      if (match) {
        const endFolded = at + 1 + match.key.length;
        mentions.push({ start: origin[at]!, end: origin[endFolded]!, personId: match.id, name: match.name });
        next = endFolded;
      } else {
        const word = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*/u.exec(text.slice(origin[at + 1]!));
        if (word) {
          const w = word[0].replace(/[.'’-]+$/u, '');
          mentions.push({ start: origin[at]!, end: origin[at + 1]! + w.length, personId: null, name: w });
        }
      }
    }
    at = squashed.indexOf('@', next);
  }
  return mentions;
}

/** The distinct known people mentioned, in order of first mention. */
export function mentionedPeople(text: string, names: readonly KnownName[]): number[] {
  const ids: number[] = [];
  for (const m of findMentions(text, names)) if (m.personId !== null && !ids.includes(m.personId)) ids.push(m.personId);
  return ids;
}

/**
 * The mention being typed at `cursor` ('@jo' → { start, query: 'jo' }), for the
 * suggestion list; null when the cursor is not inside an @word.
 */
export function activeMention(text: string, cursor: number): { start: number; query: string } | null {
  const head = text.slice(0, cursor);
  const at = head.lastIndexOf('@');
  if (at === -1) return null;
  if (at > 0 && WORD.test(head[at - 1]!)) return null;
  const query = head.slice(at + 1);
  // A mention may hold a space ("@Ana Ac"), but not a line break or two words of trailing space.
  if (/[\n\r]/u.test(query) || /\s\s/u.test(query) || query.length > 80) return null;
  return { start: at, query };
}

/** Known names that start with what was typed, or have a word that does; best first. */
export function suggestMentions(query: string, names: readonly KnownName[], limit = 8): KnownName[] {
  const q = foldForMatch(query).replace(/\s+/gu, ' ').trim();
  const scored: { n: KnownName; score: number }[] = [];
  for (const n of names) {
    const key = foldForMatch(n.name).replace(/\s+/gu, ' ').trim();
    if (!q) scored.push({ n, score: 2 });
    else if (key.startsWith(q)) scored.push({ n, score: 0 });
    else if (key.split(' ').some((w) => w.startsWith(q))) scored.push({ n, score: 1 });
  }
  scored.sort((a, b) => a.score - b.score || a.n.name.localeCompare(b.n.name));
  return scored.slice(0, limit).map((s) => s.n);
}
