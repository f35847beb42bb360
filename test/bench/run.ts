// `npm run bench` runs every suite in suites/index.ts and prints one aligned
// table (suite, name, value, unit, target, note). `-- --json` prints one JSON
// document instead; `-- --quick` uses smaller sizes; `-- --suite NAME` runs one.
// Figures only: nothing here passes or fails on a number.
import os from 'node:os';
import type { BenchRow } from './types';
import { suites } from './suites/index';

interface Args {
  json: boolean;
  quick: boolean;
  only: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, quick: false, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--quick') args.quick = true;
    else if (a === '--suite' && argv[i + 1]) args.only.push(argv[++i]!);
    else if (a.startsWith('--suite=')) args.only.push(a.slice('--suite='.length));
    else if (a === '--help' || a === '-h') {
      process.stdout.write('Usage: npm run bench -- [--quick] [--json] [--suite NAME]...\n');
      process.exit(0);
    } else {
      process.stderr.write(`bench: unknown argument "${a}" (try --help)\n`);
      process.exit(2);
    }
  }
  return args;
}

function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return String(value);
  if (unit === 'rows/s' || Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function printTable(rows: readonly BenchRow[]): void {
  const header = ['suite', 'name', 'value', 'unit', 'target', 'note'];
  const cells = rows.map((r) => [r.suite, r.name, formatValue(r.value, r.unit), r.unit, r.target ?? '', r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => Array.from(c[i]!).length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => (i === 2 ? v.padStart(widths[i]!) : i === c.length - 1 ? v : v + ' '.repeat(widths[i]! - Array.from(v).length)))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${cells.map(line).join('\n')}\n`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const selected = args.only.length ? suites.filter((s) => args.only.includes(s.name)) : suites;
  if (args.only.length && selected.length !== args.only.length) {
    process.stderr.write(`bench: no suite named ${args.only.filter((n) => !suites.some((s) => s.name === n)).join(', ')}; have ${suites.map((s) => s.name).join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  const rows: BenchRow[] = [];
  const failures: { suite: string; error: string }[] = [];
  const started = performance.now();
  for (const suite of selected) {
    process.stderr.write(`bench: ${suite.name}${args.quick ? ' (quick)' : ''}…\n`);
    const t = performance.now();
    try {
      rows.push(...(await suite.run({ quick: args.quick })));
      process.stderr.write(`bench: ${suite.name} done in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push({ suite: suite.name, error: message });
      process.stderr.write(`bench: ${suite.name} failed: ${message}\n`);
    }
  }
  if (args.json) {
    const doc = {
      generatedAt: new Date().toISOString(),
      quick: args.quick,
      machine: { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '' },
      seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
      rows,
      failures,
    };
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    printTable(rows);
    process.stdout.write(`\n${rows.length} figures from ${selected.length - failures.length} of ${selected.length} suites in ${((performance.now() - started) / 1000).toFixed(1)} s (node ${process.version}, ${os.cpus().length} CPUs).\n`);
  }
  if (failures.length) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
