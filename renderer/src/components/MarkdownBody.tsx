// The Markdown renderer itself (react-markdown, remark-gfm, micromark: a
// third of what the app's start-up script used to carry), a chunk of its own
// that components/Markdown.tsx loads on first use (issue 17).
//
// Journal bodies and notes as Markdown, rendered to React elements (never
// innerHTML): react-markdown turns raw HTML into plain text, so `<script>` or
// `<img onerror>` in a body shows as the characters typed. Links never
// navigate the app: each is a button that hands the URL to window.open; the
// main process validates it (http(s)/mailto), asks once in a native dialog
// showing the full URL, and sends it to the OS browser (issue 18: one prompt,
// decided in main, not a second one here). Anything else (javascript:,
// relative paths) and every image render as inert text: the CSP allows
// nothing remote anyway (issue 3).
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

/** An in-app link to a person, as written for an @mention (issue 17). */
const PERSON_HREF = /^#\/people\/(\d+)$/u;

const OPENABLE = new Set(['http:', 'https:', 'mailto:']);

/** The URL if a link may be offered to the OS browser, else null. */
export function openableUrl(href: string | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    return OPENABLE.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const components: Components = {
  a: ({ href, children }) => {
    if (href && PERSON_HREF.test(href)) {
      return (
        <a className="mention-link" href={href} data-testid="mention-link">
          {children}
        </a>
      );
    }
    const url = openableUrl(href);
    if (!url) return <span className="md-inert-link">{children}</span>;
    return (
      <button type="button" className="md-link" title={url} data-testid="md-link" onClick={() => window.open(url, '_blank', 'noopener')}>
        {children}
      </button>
    );
  },
  img: ({ alt, src }) => <span className="md-inert-image">{`[image${alt ? `: ${alt}` : ''}${src ? ` (${src})` : ''}]`}</span>,
};

/** The rendered elements, without a wrapper (components/Markdown.tsx gives it). */
export function MarkdownBody({ markdown }: { markdown: string }) {
  return (
    <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>
      {markdown}
    </ReactMarkdown>
  );
}
