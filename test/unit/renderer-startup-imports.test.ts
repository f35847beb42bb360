// What the renderer's start-up script and the People view's chunk hold
// (issue 17, "first row ≤ 300 ms at 10,000 people"): most of the first row's
// time was loading and running one 808 KB script. Views, dialogs, the
// Markdown renderer and the zod schemas are loaded on demand since; this test
// follows the static (value) imports from renderer/src/main.tsx, and from the
// People view, so a new static import cannot quietly pull them back into the
// start. Dynamic import() and type-only imports are what splitting is made of,
// so they are not followed. The bench (`npm run bench -- --suite peopleList`)
// measures the time; this keeps the structure that makes it.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');

/** The modules a file imports for their values (static `import`/`export … from`, not `import type`, not `import()`). */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes = clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) out.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) && !statement.isTypeOnly) {
      out.push(statement.moduleSpecifier.text);
    }
  }
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every file and package reached from `entry` through value imports. */
function staticClosure(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [path.join(root, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!/\.(ts|tsx)$/.test(file)) continue; // stylesheets
    for (const spec of valueImports(file)) {
      if (spec.startsWith('.')) {
        const resolved = resolveLocal(file, spec);
        if (!resolved) throw new Error(`${path.relative(root, file)}: cannot resolve ${spec}`);
        queue.push(resolved);
      } else {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
  }
  return { files: [...files].map((f) => path.relative(root, f).split(path.sep).join('/')), packages: [...packages].sort() };
}

/** Modules that build zod schemas when they are evaluated. */
const buildsSchemas = (file: string) => /\.(ts|tsx)$/.test(file) && valueImports(path.join(root, file)).includes('zod');

const ON_DEMAND_PACKAGES = ['react-markdown', 'remark-gfm', 'cmdk', 'cytoscape', 'graphology', 'sigma', '@tanstack/react-virtual'];

describe('renderer start-up imports (issue 17)', () => {
  const start = staticClosure('renderer/src/main.tsx');

  it('the start-up script holds the shell, not the views, dialogs or the Markdown renderer', () => {
    expect(start.packages.filter((p) => ON_DEMAND_PACKAGES.includes(p))).toEqual([]);
    const views = start.files.filter((f) => /(View|Page|Dialog|Palette|Editor|Welcome|MarkdownBody)\.tsx$/.test(f));
    expect(views).toEqual([]);
    // The shell itself is there: what every view sits in.
    expect(start.files).toEqual(expect.arrayContaining(['renderer/src/AppShell.tsx', 'renderer/src/components/Sidebar.tsx', 'renderer/src/boot.ts']));
  });

  it('no schema is built at start: zod is only configured (jitless, for the CSP) before any chunk builds one', () => {
    expect(start.files.filter(buildsSchemas)).toEqual(['renderer/src/zodConfig.ts']);
  });

  it('the People view needs neither zod schemas nor the Markdown renderer', () => {
    const people = staticClosure('renderer/src/views/PeopleView.tsx');
    expect(people.files.filter(buildsSchemas)).toEqual([]);
    expect(people.packages.filter((p) => ['react-markdown', 'remark-gfm', 'zod'].includes(p))).toEqual([]);
  });

  it('the Markdown renderer is reached only through its lazy loader', () => {
    const everyRendererFile = fs
      .readdirSync(path.join(root, 'renderer', 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|tsx)$/.test(f))
      .map((f) => path.join(root, 'renderer', 'src', f));
    const importers = everyRendererFile.filter((f) => valueImports(f).some((s) => s === 'react-markdown' || /\/MarkdownBody$/.test(s)));
    expect(importers.map((f) => path.relative(root, f).split(path.sep).join('/'))).toEqual(['renderer/src/components/MarkdownBody.tsx']);
  });
});
