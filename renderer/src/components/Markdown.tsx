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

export function Markdown({ text, className, testId }: { text: string; className?: string; testId?: string }) {
  const components: Components = {
    a: ({ href, children }) => {
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

  return (
    <div className={`markdown ${className ?? ''}`} data-testid={testId ?? 'markdown'}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
