// Code split by view (issue 17, "Large lists load what they show"): at
// 10,000 people most of the first row's time was spent loading and running
// the one 808 KB script, of which the People list needs a third. Each view,
// dialog and the Markdown stack is its own chunk (same-origin module files:
// the CSP's script-src 'self' allows them; nothing inline, no eval), loaded
// when first shown, and preloaded once the first view is on screen.
import { createElement, lazy, useState, type ComponentType, type ReactNode } from 'react';

export interface LazyComponent<P extends object> {
  (props: P): ReactNode;
  /** Starts loading the chunk (once); resolves when the component can render without suspending. */
  preload(): Promise<unknown>;
}

/**
 * A component whose code loads on first use, like React.lazy, but that does
 * not suspend once its chunk has arrived: a view preloaded in parallel with
 * the app's start (or while the app was idle) renders in the same commit as
 * its parent, with no fallback frame. Each instance keeps the form it was
 * mounted with, so a later render never swaps the element type (which would
 * remount the view and lose its state).
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const suspending = () => lazy(async () => ({ default: await preload() }));
  let Suspending = suspending();
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // React.lazy keeps a failure for good: start afresh, so the error
        // boundary's "Try again" loads the chunk again.
        loading = null;
        Suspending = suspending();
        throw error;
      },
    ));
  function LazyView(props: P) {
    const [direct] = useState(() => loaded);
    return direct ? createElement(direct, props) : createElement(Suspending, props);
  }
  return Object.assign(LazyView, { preload });
}

/** Runs `work` once `afterMs` have passed and the page is idle (or a second later at the latest); returns a cancel. */
export function whenIdle(work: () => void, afterMs: number): () => void {
  let idle: number | null = null;
  const timer = window.setTimeout(() => {
    idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(work, { timeout: 1000 }) : null;
    if (idle === null) work();
  }, afterMs);
  return () => {
    window.clearTimeout(timer);
    if (idle !== null) cancelIdleCallback(idle);
  };
}
