import type { InvokeFn } from '../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or the end-to-end harness (Chromium). Nothing else is. */
    kith?: { invoke: InvokeFn };
  }
}
export {};
