// The main window's size, position and maximized state, remembered in a JSON
// file in the data directory. Plain Node (no electron import), unit-tested
// under test/unit. A saved position is used only if the window would still be
// visible on one of the current displays (a monitor may have been unplugged).
import fs from 'node:fs';
import path from 'node:path';

export const WINDOW_STATE_FILE = 'window-state.json';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 720, height: 480 } as const;
/** How much of the window's top strip (its title bar) must be on a display for a saved position to count. */
const TITLE_STRIP_HEIGHT = 32;
const MIN_VISIBLE_WIDTH = 64;
const MIN_VISIBLE_HEIGHT = 16;

function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]));
}

/** The saved state, or null when there is none or it is unreadable (never an error: it is only a convenience). */
export function loadWindowState(dataDir: string): WindowState | null {
  try {
    const raw: unknown = JSON.parse(fs.readFileSync(path.join(dataDir, WINDOW_STATE_FILE), 'utf8'));
    if (typeof raw !== 'object' || raw === null) return null;
    const { bounds, maximized } = raw as Record<string, unknown>;
    if (!isRect(bounds) || typeof maximized !== 'boolean') return null;
    return { bounds, maximized };
  } catch {
    return null;
  }
}

/** Written to a temporary file and renamed, so a crash mid-write leaves the old state. */
export function saveWindowState(dataDir: string, state: WindowState): void {
  const file = path.join(dataDir, WINDOW_STATE_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The bounds to open the window with: the saved ones if their top strip (where
 * the title bar is) is visible on some display's work area, otherwise only the
 * saved size (clamped to the primary display) and the OS picks the position.
 */
export function restorableBounds(saved: WindowState | null, workAreas: readonly Rect[]): Partial<Rect> & { width: number; height: number } {
  if (!saved) return { ...DEFAULT_SIZE };
  const width = Math.max(MIN_SIZE.width, Math.round(saved.bounds.width));
  const height = Math.max(MIN_SIZE.height, Math.round(saved.bounds.height));
  const bounds = { x: Math.round(saved.bounds.x), y: Math.round(saved.bounds.y), width, height };
  const titleStrip = { x: bounds.x, y: bounds.y, width: bounds.width, height: TITLE_STRIP_HEIGHT };
  const visible = workAreas.some((area) => {
    const o = overlap(titleStrip, area);
    return o.width >= MIN_VISIBLE_WIDTH && o.height >= MIN_VISIBLE_HEIGHT;
  });
  if (visible) return bounds;
  const primary = workAreas[0];
  return primary ? { width: Math.min(width, primary.width), height: Math.min(height, primary.height) } : { width, height };
}
