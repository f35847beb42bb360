// The layout helpers live in shared/graphLayout.ts (issue 16: unit tested in Node with their quality measures).
export * from '../../../../shared/graphLayout';
