// The exporters' entry point, for IPC handlers and the CLI alike:
// runExport(db, format) → { fileName, mimeType, text }. Each exporter is also
// callable on its own as (db) → string.
import { now as clockNow } from '../../shared/clock';
import { missingCase } from '../../shared/errors';
import type { ExportFormat, ExportResult } from '../../shared/importExport';
import type { Db } from '../db/open';
import { exportGexf, exportGraphml } from './graph';
import { exportJson } from './json';
import { exportPeopleCsv } from './peopleCsv';
import { exportVCards } from './vcard';

export { exportGexf, exportGraphml, exportJson, exportPeopleCsv, exportVCards };

export function runExport(db: Db, format: ExportFormat, now: Date = clockNow()): ExportResult {
  const day = now.toISOString().slice(0, 10);
  switch (format) {
    case 'json':
      return { fileName: `kith-${day}.json`, mimeType: 'application/json', text: exportJson(db, { now }) };
    case 'csv':
      return { fileName: `kith-people-${day}.csv`, mimeType: 'text/csv', text: exportPeopleCsv(db) };
    case 'vcard':
      return { fileName: `kith-people-${day}.vcf`, mimeType: 'text/vcard', text: exportVCards(db) };
    case 'gexf':
      return { fileName: `kith-network-${day}.gexf`, mimeType: 'application/gexf+xml', text: exportGexf(db) };
    case 'graphml':
      return { fileName: `kith-network-${day}.graphml`, mimeType: 'application/graphml+xml', text: exportGraphml(db) };
    default:
      return missingCase(format);
  }
}
