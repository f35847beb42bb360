// Hit-testing of the people the overview layer draws (issue 16): on a large
// network everyone is painted at once on the overview layer while Cytoscape
// takes the elements over in batches; this grid lets hover and click reach
// each of them from the first paint (renderer/src/views/graph/overview.ts).
// Pure (no DOM), in shared/ so it is unit-tested.

export interface GridPerson {
  at: { x: number; y: number };
  /** Radius in model units. */
  r: number;
}

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

/** Screen slack (CSS pixels) around a person's disc that still counts as on them. */
export const HIT_SLACK_PX = 3;

export class HitGrid<P extends GridPerson = GridPerson> {
  private readonly cells = new Map<string, string[]>();
  private readonly cell: number;
  private readonly largest: number;

  /** `people` is read at each query (people removed from it are no longer found). */
  constructor(private readonly people: ReadonlyMap<string, P>) {
    let largest = 1;
    for (const p of people.values()) largest = Math.max(largest, p.r);
    this.largest = largest;
    // About a person's diameter wide: a hit is within the few cells around the pointer.
    this.cell = 2 * largest + 8;
    for (const [id, p] of people) {
      const key = this.key(Math.floor(p.at.x / this.cell), Math.floor(p.at.y / this.cell));
      const list = this.cells.get(key);
      if (list) list.push(id);
      else this.cells.set(key, [id]);
    }
  }

  private key(i: number, j: number): string {
    return `${i}:${j}`;
  }

  /**
   * The person under a point of the screen (CSS pixels, in the container) for this viewport:
   * the nearest one whose disc, plus HIT_SLACK_PX on screen, holds the point; null if none.
   */
  at(x: number, y: number, viewport: Viewport): { id: string; person: P } | null {
    const { zoom, pan } = viewport;
    const mx = (x - pan.x) / zoom;
    const my = (y - pan.y) / zoom;
    const slack = HIT_SLACK_PX / zoom;
    const span = Math.ceil((this.largest + slack) / this.cell);
    const ci = Math.floor(mx / this.cell);
    const cj = Math.floor(my / this.cell);
    let best: { id: string; person: P } | null = null;
    let bestD = Infinity;
    for (let i = ci - span; i <= ci + span; i++) {
      for (let j = cj - span; j <= cj + span; j++) {
        for (const id of this.cells.get(this.key(i, j)) ?? []) {
          const p = this.people.get(id);
          if (!p) continue;
          const d = Math.hypot(p.at.x - mx, p.at.y - my);
          if (d <= p.r + slack && d < bestD) {
            bestD = d;
            best = { id, person: p };
          }
        }
      }
    }
    return best;
  }
}
