// Saved graph positions (issue 5): one JSON value in the settings table
// ({ ids, xy }), so reopening the graph draws without a new layout. A new
// table was not worth a migration: positions are read and written whole.
import type { GraphPositions } from '../../shared/graph';
import type { Db } from '../db/open';
import { getSetting, setSetting } from '../services/settings';

export const POSITIONS_KEY = 'graph.positions';

export function getPositions(db: Db): GraphPositions {
  const saved = getSetting<GraphPositions | null>(db, POSITIONS_KEY, null);
  if (!saved || !Array.isArray(saved.ids) || !Array.isArray(saved.xy) || saved.xy.length !== saved.ids.length * 2) return { ids: [], xy: [] };
  // Only people who still exist and are not archived.
  const live = new Set((db.prepare('SELECT id FROM people WHERE archived_at IS NULL').pluck().all() as number[]));
  const out: GraphPositions = { ids: [], xy: [] };
  saved.ids.forEach((id, i) => {
    if (!live.has(id)) return;
    out.ids.push(id);
    out.xy.push(saved.xy[2 * i]!, saved.xy[2 * i + 1]!);
  });
  return out;
}

/** Merges `positions` into the saved ones (or replaces them); answers how many are saved now. */
export function savePositions(db: Db, positions: GraphPositions, replace = false): number {
  return db.transaction(() => {
    const merged = new Map<number, [number, number]>();
    if (!replace) {
      const old = getSetting<GraphPositions | null>(db, POSITIONS_KEY, null);
      old?.ids.forEach((id, i) => merged.set(id, [old.xy[2 * i]!, old.xy[2 * i + 1]!]));
    }
    positions.ids.forEach((id, i) => merged.set(id, [positions.xy[2 * i]!, positions.xy[2 * i + 1]!]));
    const out: GraphPositions = { ids: [], xy: [] };
    for (const [id, [x, y]] of merged) {
      out.ids.push(id);
      // Two decimals are plenty on screen and keep the JSON small.
      out.xy.push(Math.round(x * 100) / 100, Math.round(y * 100) / 100);
    }
    setSetting(db, POSITIONS_KEY, out);
    return out.ids.length;
  })();
}
