// Journal bodies and notes as Markdown, rendered to React elements (never
// innerHTML): react-markdown turns raw HTML into plain text, so `<script>` or
// `<img onerror>` in a body shows as the characters typed. Links never
// navigate the app: each is a button that asks first, then hands the URL to
// window.open, which the Electron layer validates (http(s)/mailto) and sends
// to the OS browser. Anything else (javascript:, relative paths) and every
// image render as inert text: the CSP allows nothing remote anyway (issue 3).
import { useState, type ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { Modal } from './Modal';

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
  const [confirming, setConfirming] = useState<string | null>(null);

  const components: Components = {
    a: ({ href, children }) => {
      const url = openableUrl(href);
      if (!url) return <span className="md-inert-link">{children}</span>;
      return (
        <button type="button" className="md-link" title={url} data-testid="md-link" onClick={() => setConfirming(url)}>
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
      {confirming && <OpenLinkConfirm url={confirming} onClose={() => setConfirming(null)} />}
    </div>
  );
}

function OpenLinkConfirm({ url, onClose }: { url: string; onClose: () => void }): ReactNode {
  return (
    <Modal title="Open link" onClose={onClose} testId="open-link-confirm">
      <div className="dialog-form">
        <h2 className="dialog-title">Open in your browser?</h2>
        <p className="open-link-url selectable" data-testid="open-link-url">
          {url}
        </p>
        <p className="muted-text">Kith never opens web pages itself: this link opens in your browser.</p>
        <div className="form-actions">
          <button
            type="button"
            className="button primary"
            autoFocus
            data-testid="open-link-go"
            onClick={() => {
              window.open(url, '_blank', 'noopener');
              onClose();
            }}
          >
            Open in browser
          </button>
          <button type="button" className="button" onClick={onClose} data-testid="open-link-cancel">
            Cancel
          </button>
        </div>
      </div>
    </Modal>
  );
}
