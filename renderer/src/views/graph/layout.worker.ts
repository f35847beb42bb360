// The graph layout, off the UI thread (issue 5): ForceAtlas2
// (graphology-layout-forceatlas2, shared/graphLayout.ts runLayout) run
// synchronously inside this module worker. Barnes–Hut above 1,000 people keeps each iteration O(n log n).
import { runLayout, type LayoutRequest } from '../../../../shared/graphLayout';

// Only when running as a worker (tests and the bench call runLayout from shared/graphLayout.ts).
const scope = globalThis as unknown as { onmessage: unknown; postMessage?: (m: unknown, t: Transferable[]) => void; document?: unknown };
if (typeof scope.document === 'undefined' && typeof scope.postMessage === 'function') {
  scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
    const result = runLayout(event.data);
    scope.postMessage!(result, [result.xy.buffer]);
  };
}
