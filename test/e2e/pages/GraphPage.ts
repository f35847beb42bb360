// The network graph view (issue 5). Its canvas is read through the test-only
// hook window.__kithGraph, which the app defines only when window.__KITH_TEST__
// is set before it loads (enableGraphHook); pixels are checked by decoding
// screenshots (distinctColours).
import fs from 'node:fs';
import zlib from 'node:zlib';
import { expect, type Locator, type Page } from '@playwright/test';
import type { KithApp } from '../fixtures';

export interface GraphState {
  mode: string;
  nodes: number[];
  edges: number;
  likely: number;
  route: number[];
  filters: Record<string, unknown>;
  colourBy: string;
  layoutStatus: string;
  layoutMs: number | null;
  selected: number | null;
  zoom: number;
  handOver: { pending: number; overview: boolean };
  dimmed: number;
  faded: number;
  mapAt: { id: number; x: number; y: number }[];
  communityNames: { label: string; shown: boolean; x1: number; y1: number; x2: number; y2: number }[];
  peopleLabels: { shown: number; overlapping: number };
}

/** Sets the flag before any page script runs, so the app defines its hook. */
export async function enableGraphHook(page: Page): Promise<void> {
  await page.addInitScript({ content: 'window.__KITH_TEST__ = true;' });
}

export class GraphPage {
  readonly view: Locator;
  readonly canvas: Locator;
  readonly insights: Locator;
  readonly personPanel: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('graph-view');
    this.canvas = page.getByTestId('graph-canvas');
    this.insights = page.getByTestId('graph-insights');
    this.personPanel = page.getByTestId('graph-person-panel');
    this.search = page.getByTestId('graph-search');
  }

  state(): Promise<GraphState | null> {
    return this.page.evaluate(() => {
      const hook = (globalThis as unknown as { __kithGraph?: { state(): unknown } }).__kithGraph;
      return (hook ? hook.state() : null) as GraphState | null;
    });
  }

  /** Waits until the graph is drawn (layout done, first frame painted) and answers its state. */
  async ready(predicate: (s: GraphState) => boolean = () => true): Promise<GraphState> {
    let last: GraphState | null = null;
    await expect
      .poll(
        async () => {
          last = await this.state();
          return last !== null && last.layoutStatus === 'ready' && predicate(last);
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    return last!;
  }

  /** Screenshot of the canvas alone, saved beside the fixture's screenshots. */
  async canvasShot(file: string): Promise<string> {
    await this.canvas.screenshot({ path: file });
    return file;
  }
}

/** The best route of at least two hops to the first organization that has one (ids, me first); fails the test if none. */
export async function someRoute(app: KithApp): Promise<number[]> {
  const orgs = await app.call('orgs:list', {});
  for (const org of orgs.items) {
    const found = await app.call('routes:find', { organizationId: org.id });
    const best = 'routes' in found ? found.routes.find((r) => r.personIds.length >= 3) : undefined;
    if (best) return best.personIds;
  }
  throw new Error('no route of two hops or more to any organization');
}

/** Distinct RGB colours in a PNG (8-bit RGB or RGBA, non-interlaced: what Chromium writes). */
export function distinctColours(file: string): number {
  const { pixels, bpp } = decodePng(file);
  const colours = new Set<number>();
  for (let i = 0; i < pixels.length; i += bpp) colours.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
  return colours.size;
}

/**
 * How many of `palette`'s colours (#rrggbb) fill at least `minPixels` pixels exactly: node
 * bodies are flat fills, so this counts the community hues drawn (issue 16).
 */
export function paletteHues(file: string, palette: readonly string[], minPixels = 30): number {
  const { pixels, bpp } = decodePng(file);
  const counts = new Map<number, number>();
  for (let i = 0; i < pixels.length; i += bpp) {
    const c = (pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return palette.filter((hex) => (counts.get(parseInt(hex.slice(1), 16)) ?? 0) >= minPixels).length;
}

function decodePng(file: string): { pixels: Buffer; bpp: number } {
  const buf = fs.readFileSync(file);
  let pos = 8;
  let width = 0;
  let height = 0;
  let colourType = 0;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error('distinctColours reads 8-bit non-interlaced PNGs only');
      colourType = body[9]!;
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const bpp = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
  if (!bpp) throw new Error(`distinctColours: colour type ${colourType} not supported`);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[y * stride + x - bpp]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp]! : 0;
      let v = line[x]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = v & 0xff;
    }
  }
  return { pixels: out, bpp };
}
