// Saved graph positions (issue 5): one JSON value in the settings table
// ({ ids, xy }), so reopening the graph draws without a new layout. A new
// table was not worth a migration: positions are read and written whole.
//
// Issue 16: the positions carry the version of the layout that made them, in
// a setting of its own (merge and forget rewrite the positions value and keep
// only ids and xy). Positions of an older layout read as none, so a user whose
// picture was made by the old layout gets the community-separating one once;
// from then on, positions stay as saved and new people are placed beside
// their neighbours (placeNear in shared/graphLayout.ts).
import { GRAPH_LAYOUT_VERSION, type GraphPositions } from '../../shared/graph';
import type { Db } from '../db/open';
import { getSetting, setSetting } from '../services/settings';

export const POSITIONS_KEY = 'graph.positions';
/** The layout version of the saved positions; absent for positions saved before issue 16 (version 1). */
export const POSITIONS_LAYOUT_KEY = 'graph.positionsLayout';

function currentSaved(db: Db): GraphPositions | null {
  if (getSetting<number>(db, POSITIONS_LAYOUT_KEY, 1) !== GRAPH_LAYOUT_VERSION) return null;
  const saved = getSetting<GraphPositions | null>(db, POSITIONS_KEY, null);
  if (!saved || !Array.isArray(saved.ids) || !Array.isArray(saved.xy) || saved.xy.length !== saved.ids.length * 2) return null;
  return saved;
}

export function getPositions(db: Db): GraphPositions {
  const saved = currentSaved(db);
  if (!saved) return { ids: [], xy: [] };
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

/**
 * Merges `positions` into the saved ones (or replaces them); answers how many are saved now.
 * Positions of an older layout are not merged into: they are replaced, and the result is of the current layout.
 */
export function savePositions(db: Db, positions: GraphPositions, replace = false): number {
  return db.transaction(() => {
    const merged = new Map<number, [number, number]>();
    if (!replace) {
      const old = currentSaved(db);
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
    setSetting(db, POSITIONS_LAYOUT_KEY, GRAPH_LAYOUT_VERSION);
    return out.ids.length;
  })();
}
