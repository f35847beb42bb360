// Every benchmark suite, in the order they run. Add a suite here.
import type { BenchSuite } from '../types';
import { foundation } from './foundation';

export const suites: BenchSuite[] = [foundation];
