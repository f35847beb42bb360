// Every benchmark suite, in the order they run. Add a suite here.
import type { BenchSuite } from '../types';
import { foundation } from './foundation';
import { graphSuite } from './graph';
import { importSuite } from './import';
import { importArchiveSuite } from './importArchive';
import { importHistorySuite } from './importHistory';
import { routesSuite } from './routes';
import { searchSuite } from './search';

export const suites: BenchSuite[] = [foundation, importSuite, importArchiveSuite, importHistorySuite, routesSuite, searchSuite, graphSuite];
