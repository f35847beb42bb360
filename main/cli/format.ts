// Plain-text output for people at a terminal: aligned columns, no colour (the
// output is often piped or pasted), and nothing that needs a TTY.

/**
 * Text for a terminal (issue 18): C0/C1 control characters and the bidi
 * embedding/override/isolate controls (U+202A–202E, U+2066–2069) are shown
 * escaped (`\x1b`, `\u202e`), so an imported name cannot send escape sequences
 * to the user's terminal or reorder what it shows. Line breaks stay (they are
 * the output's own layout); right-to-left letters are left alone. `--json`
 * output never goes through this: it keeps the data exact, JSON-escaped.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, (c) => {
    if (c === '\n') return c;
    const code = c.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Display width good enough for names in Latin, Greek, Cyrillic scripts: code points after NFC. */
function width(text: string): number {
  return Array.from(text.normalize('NFC')).length;
}

function pad(text: string, to: number): string {
  return text + ' '.repeat(Math.max(0, to - width(text)));
}

/** One line per cell; long cells are cut with an ellipsis so a row stays on one line. */
function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const chars = Array.from(flat.normalize('NFC'));
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat;
}

export interface Column<T> {
  header: string;
  value: (row: T) => string;
  align?: 'left' | 'right';
  max?: number;
}

/** An aligned table; the last column is not padded so lines carry no trailing spaces. */
export function table<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((row) => columns.map((c) => clip(c.value(row), c.max ?? 40)));
  const widths = columns.map((c, i) => Math.max(width(c.header), ...cells.map((r) => width(r[i]!))));
  const line = (values: string[]) =>
    values
      .map((v, i) => {
        const last = i === values.length - 1;
        if (columns[i]!.align === 'right') return ' '.repeat(widths[i]! - width(v)) + v;
        return last ? v : pad(v, widths[i]!);
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n') + '\n';
}

/** `Label   value` pairs, labels aligned; pairs with an empty value are left out. */
export function fields(pairs: readonly [string, string | null | undefined][]): string {
  const shown = pairs.filter((p): p is [string, string] => typeof p[1] === 'string' && p[1].trim() !== '');
  const labelWidth = Math.max(0, ...shown.map(([label]) => width(label)));
  return shown.map(([label, value]) => `${pad(label, labelWidth)}  ${value}`).join('\n') + (shown.length ? '\n' : '');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** Folds case, accents and white space: "  JOSÉ  garcía" and "jose garcia" are the same name to type. */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('und')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Commander's error text as one line: "error: unknown command 'x'\n(Did you mean y?)" → "unknown command 'x' (Did you mean y?)". */
export function commanderErrorLine(text: string, helpCommand: string): string {
  const message = text.trim().replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
  return `kith: ${message} (see "${helpCommand} --help")\n`;
}
