import { useRef, useState } from 'react';
import type { Introduction } from '../../../../shared/routes';
import { InlineError } from '../../components/ErrorNotice';
import { errorMessage, mutate } from '../../data/mutate';
import { copyText, type CopyMethod } from './clipboard';
import { firstName } from './introText';

/**
 * The drafted request to the introducer: editable (saved when the field is
 * left, or before copying), with "Copy to clipboard". Kith sends nothing.
 */
export function IntroductionMessage({ intro, autoFocus }: { intro: Introduction; autoFocus?: boolean }) {
  const [text, setText] = useState(intro.message);
  const [copied, setCopied] = useState<CopyMethod | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const to = intro.introducer ? firstName(intro.introducer.name) : 'the introducer';

  const save = async () => {
    if (text === intro.message) return;
    setSaving(true);
    try {
      await mutate('introductions:update', { id: intro.id, patch: { message: text } });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const copy = async () => {
    setError(null);
    setCopied(null);
    try {
      // Copy first, inside the click's user activation; then save any edit.
      const method = await copyText(text, ref.current);
      setCopied(method);
      await save();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <div className="intro-message" data-testid="intro-message-editor">
      <label className="form-label" htmlFor={`intro-message-${intro.id}`}>
        Your request to {to}
      </label>
      <textarea
        id={`intro-message-${intro.id}`}
        ref={ref}
        className="textarea intro-message-text"
        rows={12}
        value={text}
        autoFocus={autoFocus}
        spellCheck
        data-testid="intro-message"
        onChange={(event) => {
          setText(event.target.value);
          setCopied(null);
        }}
        onBlur={() => void save()}
      />
      <div className="intro-message-actions">
        <button type="button" className="button primary" onClick={() => void copy()} data-testid="copy-intro-message" disabled={text.trim() === ''}>
          Copy to clipboard
        </button>
        <span className="muted-text intro-message-note" data-testid="copy-status" data-copy-method={copied ?? ''} role="status">
          {copied ? `Copied. Paste it into an email or a message to ${to}.` : saving ? 'Saving…' : 'Kith sends nothing: you send it yourself.'}
        </span>
      </div>
      <InlineError message={error} />
    </div>
  );
}
