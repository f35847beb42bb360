import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: built once to out/renderer and served by Electron's app://
// protocol (or, in end-to-end tests, by a loopback static server).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // No inline scripts or styles anywhere: the CSP forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // Files load from the local disk (app://), not a network; the Network
    // view (Cytoscape, graphology) is its own chunk, loaded when first opened.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // Issue 17: split by view, the small components and data hooks
              // the views share became a dozen chunks of a few hundred bytes,
              // each a request the first view waited on. One chunk for them
              // (not the palette's cmdk or the Markdown renderer: loaded on demand).
              name: 'common',
              test: (id) => /renderer[\\/]src[\\/](components|data)[\\/]/.test(id) && !/(CommandPalette|MarkdownBody)\.tsx$/.test(id),
            },
          ],
        },
      },
    },
  },
});
