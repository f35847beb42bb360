// Graph view encodings and schemas (issue 5): strong ties solid and thick,
// weak thin, dashed and lighter; colours stable per group; node size by
// betweenness; labels grow with the node; query and positions validation.
import { describe, expect, it } from 'vitest';
import {
  edgeLineStyle,
  edgeOpacity,
  edgeWidth,
  GRAPH_PALETTE,
  GraphPositions,
  GraphQuery,
  groupColour,
  isWeakTie,
  labelSize,
  NO_GROUP_COLOUR,
  NODE_MAX,
  NODE_MIN,
  nodeSize,
} from '../../shared/graph';

describe('tie strength encodings', () => {
  it('weak ties (1–2) are dashed, thin and lighter; strong ones solid, thicker and darker', () => {
    expect([1, 2, 3, 4, 5].map(isWeakTie)).toEqual([true, true, false, false, false]);
    expect([1, 2, 3, 4, 5].map(edgeLineStyle)).toEqual(['dashed', 'dashed', 'solid', 'solid', 'solid']);
    const widths = [1, 2, 3, 4, 5].map(edgeWidth);
    const opacities = [1, 2, 3, 4, 5].map(edgeOpacity);
    for (let i = 1; i < 5; i++) {
      expect(widths[i]).toBeGreaterThan(widths[i - 1]!);
      expect(opacities[i]).toBeGreaterThan(opacities[i - 1]!);
    }
    expect(edgeWidth(5) / edgeWidth(1)).toBeGreaterThanOrEqual(4);
    // Out-of-range input is clamped, never undefined.
    expect(edgeWidth(0)).toBe(edgeWidth(1));
    expect(edgeOpacity(9)).toBe(edgeOpacity(5));
  });
});

describe('colour and size', () => {
  it('the same organization or community always gets the same colour; none is grey', () => {
    expect(groupColour(3, 'light')).toBe(groupColour(3, 'dark'));
    expect(groupColour(0, 'light')).toBe(GRAPH_PALETTE[0]);
    expect(groupColour(GRAPH_PALETTE.length + 2, 'light')).toBe(GRAPH_PALETTE[2]);
    expect(groupColour(-1, 'light')).toBe(GRAPH_PALETTE[GRAPH_PALETTE.length - 1]);
    expect(groupColour(null, 'light')).toBe(NO_GROUP_COLOUR.light);
    expect(groupColour(null, 'dark')).toBe(NO_GROUP_COLOUR.dark);
  });

  it('node size grows with betweenness (area ∝ share), bounded, minimum for none', () => {
    expect(nodeSize(0, 0.5)).toBe(NODE_MIN);
    expect(nodeSize(0.2, 0)).toBe(NODE_MIN);
    expect(nodeSize(0.5, 0.5)).toBe(NODE_MAX);
    expect(nodeSize(0.9, 0.5)).toBe(NODE_MAX);
    expect(nodeSize(0.125, 0.5)).toBeCloseTo(NODE_MIN + (NODE_MAX - NODE_MIN) * 0.5, 10);
    expect(nodeSize(0.1, 0.5)).toBeLessThan(nodeSize(0.2, 0.5));
  });

  it('labels grow with the node, so big nodes are labelled first as you zoom in', () => {
    expect(labelSize(NODE_MIN)).toBeLessThan(labelSize(NODE_MAX));
    expect(labelSize(NODE_MIN)).toBe(10);
  });
});

describe('schemas', () => {
  it('modes and filters', () => {
    expect(GraphQuery.safeParse({ mode: { kind: 'whole' } }).success).toBe(true);
    expect(GraphQuery.safeParse({ mode: { kind: 'ego', hops: 3 }, filters: { minStrength: 2, weakOnly: true, quietDays: 730, tags: ['x'], organizationIds: [1] } }).success).toBe(true);
    expect(GraphQuery.safeParse({ mode: { kind: 'ego', hops: 0 } }).success).toBe(false);
    expect(GraphQuery.safeParse({ mode: { kind: 'ego', hops: 4 } }).success).toBe(false);
    expect(GraphQuery.safeParse({ mode: { kind: 'org' } }).success).toBe(false);
    expect(GraphQuery.safeParse({ mode: { kind: 'whole' }, filters: { minStrength: 6 } }).success).toBe(false);
    expect(GraphQuery.safeParse({ mode: { kind: 'whole' }, filters: { extra: 1 } }).success).toBe(false);
  });

  it('positions need two finite coordinates per person', () => {
    expect(GraphPositions.safeParse({ ids: [1, 2], xy: [0, 0, 1, 1] }).success).toBe(true);
    expect(GraphPositions.safeParse({ ids: [1, 2], xy: [0, 0, 1] }).success).toBe(false);
    expect(GraphPositions.safeParse({ ids: [1], xy: [0, Infinity] }).success).toBe(false);
    expect(GraphPositions.safeParse({ ids: [0], xy: [0, 0] }).success).toBe(false);
  });
});
