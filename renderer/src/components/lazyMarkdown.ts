// The Markdown renderer's chunk (react-markdown, remark-gfm, micromark: some
// 165 KB), loaded on its own (issue 17). Views that show Markdown load it with
// their own code (lazyViews.ts), so their reader never shows the plain-text
// stand-in of components/Markdown.tsx unless the renderer failed to load.
import { lazyComponent } from '../lazyComponent';

export const MarkdownBody = lazyComponent(() => import('./MarkdownBody').then((m) => m.MarkdownBody));
