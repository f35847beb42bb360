// Every benchmark suite, in the order they run. Add a suite here.
import type { BenchSuite } from '../types';

export const suites: BenchSuite[] = [];
