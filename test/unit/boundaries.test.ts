// The folder is the runtime boundary (STYLE.md). ESLint checks this too; this
// test reads every import so the rule holds even where lint is not run.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx|mts|cts)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const found: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const p of patterns) for (const m of text.matchAll(p)) found.push(m[1]!);
  return found;
}

/** Which top-level folder a relative import lands in. */
function targetFolder(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const resolved = path.relative(root, path.resolve(root, path.dirname(file), spec));
  return resolved.split(path.sep)[0] ?? null;
}

const isNodeBuiltin = (spec: string) => spec.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'util'].includes(spec);

describe('runtime boundaries', () => {
  it('shared/ is pure: nothing from main/, renderer/, node:* or electron', () => {
    const offenders = sourceFiles('shared').flatMap((f) =>
      importsOf(f)
        .filter((s) => s === 'electron' || isNodeBuiltin(s) || ['main', 'renderer'].includes(targetFolder(f, s) ?? ''))
        .map((s) => `${f} imports ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('renderer/ never imports main/, node:* or electron', () => {
    const offenders = sourceFiles('renderer').flatMap((f) =>
      importsOf(f)
        .filter((s) => s === 'electron' || isNodeBuiltin(s) || targetFolder(f, s) === 'main')
        .map((s) => `${f} imports ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('only main/electron/ imports electron', () => {
    const offenders = sourceFiles('main')
      .filter((f) => !f.startsWith(path.join('main', 'electron') + path.sep))
      .flatMap((f) => importsOf(f).filter((s) => s === 'electron').map((s) => `${f} imports ${s}`));
    expect(offenders).toEqual([]);
  });

  it('finds the imports it checks (the scan itself works)', () => {
    expect(importsOf(path.join('main', 'db', 'open.ts'))).toContain('better-sqlite3-multiple-ciphers');
    expect(sourceFiles('shared').length).toBeGreaterThan(0);
  });
});
