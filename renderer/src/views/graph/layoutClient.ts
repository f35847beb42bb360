// Runs the layout in a module worker (Vite bundles it as a same-origin file;
// the CSP allows worker-src 'self', never blob:).
import type { LayoutRequest, LayoutResponse } from './layout';

export function layoutInWorker(req: LayoutRequest): { promise: Promise<LayoutResponse>; cancel: () => void } {
  const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'kith-graph-layout' });
  const promise = new Promise<LayoutResponse>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      resolve(event.data);
      worker.terminate();
    };
    worker.onerror = (event) => {
      reject(new Error(`The layout could not run: ${event.message || 'the worker failed'}`));
      worker.terminate();
    };
  });
  worker.postMessage(req, [req.xy.buffer, req.edges.buffer, req.weights.buffer, req.ids.buffer]);
  return { promise, cancel: () => worker.terminate() };
}
