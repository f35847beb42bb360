// The shape every benchmark suite returns. `npm run bench` prints these rows
// as a table (or JSON with --json). Figures, never pass/fail: targets are
// printed beside them so a reader sees the ratio.
export interface BenchRow {
  suite: string;
  name: string;
  value: number;
  unit: string; // 'ms', 'rows/s', 'x' (a ratio), ...
  /** The target from the issue, in words: '≤ 10 ms p50'. */
  target?: string;
  note?: string;
}

export interface BenchSuite {
  name: string;
  run(options: { quick: boolean }): Promise<BenchRow[]>;
}
