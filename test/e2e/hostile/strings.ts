// Hostile strings for test/e2e/hostile.spec.ts (issue 7): 500 of them, built
// deterministically from families of payloads, each well-formed UTF-16 (so it
// survives JSON and UTF-8 byte for byte). Every payload that could run script
// tries to set window.__pwned, which the spec asserts stays undefined.
//
// Lone surrogates are deliberately NOT in the 500: they are not valid UTF-8
// or JSON, so no IPC boundary or SQLite TEXT column can keep them. They are
// in LONE_SURROGATES instead, and the spec checks that Kith stores them as
// U+FFFD (what SQLite's UTF-8 conversion does) without an error.

export type Family =
  | 'script'
  | 'url'
  | 'bidi'
  | 'zero-width'
  | 'combining'
  | 'huge'
  | 'sql'
  | 'format'
  | 'emoji'
  | 'control'
  | 'long-word'
  | 'markdown';

export interface Hostile {
  index: number;
  family: Family;
  /** The string itself (may be up to about a million UTF-16 units for the 'huge' family). */
  text: string;
}

export const SENTINEL = '__pwned';
const PWN = `window.${SENTINEL}=1`;

const BASE: Record<Family, string[]> = {
  script: [
    `<script>${PWN}</script>`,
    `<img src=x onerror="${PWN}">`,
    `<svg onload=${PWN}>`,
    `"><script>${PWN}</script>`,
    `'><img src=x onerror=${PWN}>`,
    `<iframe srcdoc="<script>parent.${SENTINEL}=1</script>"></iframe>`,
    `<details open ontoggle=${PWN}>`,
    `<math><mtext><table><mglyph><style><img src=x onerror=${PWN}>`,
    `<style>*{display:none!important}</style>`,
    `<link rel=stylesheet href=https://evil.example/x.css>`,
    `<object data="javascript:${PWN}"></object>`,
    `{{constructor.constructor('${PWN}')()}}`,
    `\${${PWN}}`,
    `</textarea><script>${PWN}</script>`,
    `<body onload=${PWN}>`,
    `<input autofocus onfocus=${PWN}>`,
  ],
  url: [
    `javascript:${PWN}`,
    `JaVaScRiPt:${PWN}`,
    `java\tscript:${PWN}`,
    ` javascript:${PWN}`,
    `data:text/html,<script>${PWN}</script>`,
    `vbscript:msgbox(1)`,
    `https://evil.example/track.png`,
    `//evil.example/x`,
    `file:///etc/passwd`,
  ],
  bidi: ['\u202Egnp.exe', 'abc\u202Edef\u202Cghi', '\u2067isolated\u2069 text', '\u200F\u202Bعربي\u202C English', '\u202D\u202E\u202A\u202B\u202C'.repeat(50)],
  'zero-width': ['\u200B'.repeat(5000), '\uFEFF'.repeat(100) + 'bom', 'a\u200Db\u200Cc\u2060d', '\u200D'.repeat(3000)],
  combining: ['Z' + '\u0301\u0316\u0337'.repeat(700), 'e\u0301'.repeat(500), 'ก\u0E49\u0E49\u0E49\u0E49'.repeat(300), '\u0BCD'.repeat(2000)],
  // Filled in below: built, not written out.
  huge: [],
  sql: [`'; DROP TABLE people; --`, `" OR 1=1 --`, `Robert'); DROP TABLE students;--`, 'NEAR(a b)', '"unterminated', '*', 'a OR b AND NOT c', '^title:x', "' UNION SELECT sql FROM sqlite_schema --", '\\x00\\x1a%_'],
  format: ['%s%s%s%s%n', '%x%x%x%x', '{0}{1}{2}', '%(name)s', '${HOME}', '$(rm -rf /)', '`id`', '{{7*7}}', '%00', '\\u0000'],
  emoji: ['👩‍👩‍👧‍👦', '🏳️‍🌈🏴‍☠️', '👨🏽‍💻'.repeat(300), '🧑‍🤝‍🧑', '🇵🇹🇯🇵🇧🇷', 'ﷺ﷽', '𝕳𝖊𝖑𝖑𝖔', '𒐫'.repeat(200)],
  control: ['a\u0000b', Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join(''), '\u007F\u0080\u0085\u009F', 'line\u2028sep\u2029para', 'tab\there\r\nand\rcr', '\u001B[31mred\u001B[0m', '\b\b\b\bbackspace'],
  'long-word': ['x'.repeat(5000), `https://example.com/${'a'.repeat(3000)}`, 'Donaudampfschifffahrtsgesellschaftskapitän'.repeat(60), '-'.repeat(4000), '_'.repeat(2000) + 'end'],
  markdown: [
    `[click me](javascript:${PWN})`,
    `![img](javascript:${PWN})`,
    `[x](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+)`,
    '<https://evil.example/autolink>',
    '![tracker](https://evil.example/pixel.gif)',
    `<div onclick="${PWN}">raw html</div>`,
    '# '.repeat(500) + 'heading',
    '> '.repeat(300) + 'deep quote',
    '* '.repeat(400) + 'deep list',
    '```\n' + `<script>${PWN}</script>` + '\n```',
    '| a | b |\n|---|---|\n' + `| <img src=x onerror=${PWN}> | x |\n`.repeat(200),
  ],
};

/** About a megabyte of UTF-16 units (the journal body and notes allow 2,000,000). */
export const HUGE_LENGTH = 1_000_000;
BASE.huge = [
  'lorem ipsum dolor sit amet '.repeat(Math.ceil(HUGE_LENGTH / 27)).slice(0, HUGE_LENGTH),
  'W'.repeat(HUGE_LENGTH),
  ('😀'.repeat(HUGE_LENGTH / 2)),
  (`<img src=x onerror=${PWN}>`.repeat(Math.ceil(HUGE_LENGTH / 30))).slice(0, HUGE_LENGTH - (HUGE_LENGTH % 2)),
];

const FAMILIES = Object.keys(BASE) as Family[];

/** Variations on a payload, so the 500 differ: in a sentence, doubled, padded with white space, mixed with another family. */
function vary(text: string, variant: number, other: string): string {
  switch (variant % 6) {
    case 0:
      return text;
    case 1:
      return `Hello ${text} world`;
    case 2:
      return `${text}${text}`;
    case 3:
      return `  ${text}\n\t`;
    case 4:
      return `${text} ${other}`;
    default:
      return `«${text}»`;
  }
}

function build(count: number): Hostile[] {
  const out: Hostile[] = [];
  // The huge strings once each (they are slow to render and to move), everything else cycled with variations.
  for (const text of BASE.huge) out.push({ index: out.length, family: 'huge', text });
  const small = FAMILIES.filter((f) => f !== 'huge');
  for (let n = 0; out.length < count; n++) {
    const family = small[n % small.length]!;
    const list = BASE[family];
    const round = Math.floor(n / small.length);
    const text = list[round % list.length]!;
    const otherFamily = BASE[small[(n + 3) % small.length]!];
    const other = otherFamily[round % otherFamily.length]!;
    out.push({ index: out.length, family, text: vary(text, Math.floor(round / list.length) + round, other) });
  }
  for (const h of out) {
    if (!isWellFormed(h.text)) throw new Error(`hostile string ${h.index} is not well-formed UTF-16`);
  }
  return out;
}

/** No unpaired surrogate (String.prototype.isWellFormed, which the ES2023 lib does not declare). */
export function isWellFormed(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

export const HOSTILE: readonly Hostile[] = build(500);

/** Cut to at most `max` UTF-16 units without splitting a surrogate pair. */
export function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}

/** Not well-formed UTF-16: a JS string can hold them, UTF-8 and JSON cannot. */
export const LONE_SURROGATES = ['a\uD800b', '\uDC00 trailing', 'pair cut \uD83D'];

/** A CSV (LinkedIn's Connections.csv shape) whose cells are hostile strings, quoted the RFC 4180 way. */
export function hostileCsv(strings: readonly string[]): string {
  const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
  const rows = strings.map((s, i) => [q(`H${i} ${s}`), q(s), q(`https://www.linkedin.com/in/hostile-${i}`), q(''), q(`Csv Org ${i} ${s}`), q(s), q('01 Jan 2024')].join(','));
  return `Notes:\n"This file was made by a hostile test"\n\n${header}\n${rows.join('\n')}\n`;
}
