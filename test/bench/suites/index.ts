// Every benchmark suite, in the order they run. Add a suite here.
import type { BenchSuite } from '../types';
import { foundation } from './foundation';
import { graphSuite } from './graph';
import { graphAppSuite } from './graphApp';
import { importSuite } from './import';
import { importArchiveSuite } from './importArchive';
import { importHistorySuite } from './importHistory';
import { likelySuite } from './likely';
import { peopleListSuite } from './peopleList';
import { routesSuite } from './routes';
import { searchSuite } from './search';
import { syncSuite } from './sync';
import { theirConnectionsSuite } from './theirConnections';

export const suites: BenchSuite[] = [
  foundation,
  importSuite,
  importArchiveSuite,
  importHistorySuite,
  theirConnectionsSuite,
  routesSuite,
  searchSuite,
  peopleListSuite,
  graphSuite,
  graphAppSuite,
  likelySuite,
  syncSuite,
];
