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
import { findMentions } from '../../../shared/mentions';

/** An in-app link to a person, as written for an @mention (issue 17). */
const PERSON_HREF = /^#\/people\/(\d+)$/u;

/**
 * "@Ana Acosta" → "[@Ana Acosta](#/people/12)" for the people given, so the
 * reader shows mentions as links. Brackets and backslashes in a name are
 * escaped so a name cannot change the Markdown around it.
 */
export function linkMentions(text: string, people: readonly { id: number; displayName: string }[]): string {
  if (people.length === 0) return text;
  const found = findMentions(
    text,
    people.map((p) => ({ id: p.id, name: p.displayName })),
  ).filter((m) => m.personId !== null);
  let out = '';
  let at = 0;
  for (const m of found) {
    const label = text.slice(m.start, m.end).replace(/[\\[\]]/gu, (c) => `\\${c}`);
    out += `${text.slice(at, m.start)}[${label}](#/people/${m.personId})`;
    at = m.end;
  }
  return out + text.slice(at);
}

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

export function Markdown({
  text,
  className,
  testId,
  people,
}: {
  text: string;
  className?: string;
  testId?: string;
  /** People whose @mentions become links to their pages. */
  people?: readonly { id: number; displayName: string }[];
}) {
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

  return (
    <div className={`markdown ${className ?? ''}`} data-testid={testId ?? 'markdown'}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>
        {people ? linkMentions(text, people) : text}
      </ReactMarkdown>
    </div>
  );
}
