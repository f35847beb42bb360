// Settings › Passphrase (issue 7): protect the data with a passphrase, change
// it, or remove it. Each asks for what it needs (the current passphrase to
// change or remove; the new one twice) and says plainly that a lost
// passphrase cannot be recovered. The passphrase goes to main once and is
// never shown again or kept in the renderer after the dialog closes.
import { useState, type FormEvent } from 'react';
import { MIN_PASSPHRASE_LENGTH, type EncryptionChange } from '../../../../shared/encryption';
import { RequestError } from '../../api';
import { ErrorNotice, InlineError } from '../../components/ErrorNotice';
import { Modal } from '../../components/Modal';
import { errorMessage, mutate } from '../../data/mutate';
import { useQuery } from '../../data/useQuery';
import '../unlock/unlock.css';

type Action = 'set' | 'change' | 'remove';

const TITLES: Record<Action, string> = {
  set: 'Protect your data with a passphrase',
  change: 'Change the passphrase',
  remove: 'Remove the passphrase',
};

export function EncryptionSection() {
  const status = useQuery('encryption:status', {});
  const [action, setAction] = useState<Action | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const encrypted = status.data?.encrypted ?? false;

  return (
    <section className="section" data-testid="settings-passphrase">
      <div className="section-header">
        <h2 className="section-title">Passphrase</h2>
        {status.data && (
          <div className="passphrase-actions">
            {encrypted ? (
              <>
                <button type="button" className="button" onClick={() => setAction('change')} data-testid="passphrase-change">
                  Change passphrase…
                </button>
                <button type="button" className="button" onClick={() => setAction('remove')} data-testid="passphrase-remove">
                  Remove passphrase…
                </button>
              </>
            ) : (
              <button type="button" className="button" onClick={() => setAction('set')} data-testid="passphrase-set">
                Protect with a passphrase…
              </button>
            )}
          </div>
        )}
      </div>
      {status.error && <ErrorNotice title="Kith could not tell whether your data is protected" message={status.error.message} />}
      {status.data && (
        <p className="passphrase-state" data-testid="passphrase-state" data-encrypted={encrypted ? 'true' : 'false'}>
          <span className={`pill ${encrypted ? 'accent' : 'muted'}`}>{encrypted ? 'Protected' : 'Not protected'}</span>
          <span className="muted-text">
            {encrypted
              ? 'Your data file and every backup are encrypted: without the passphrase they are unreadable, on this computer or a copy of it.'
              : 'Anyone who can read your files (or a copy of your disk or backups) can read your notes.'}
          </span>
        </p>
      )}
      {status.data?.encrypted && <p className="field-hint">{`${status.data.cipher}; key from ${status.data.kdf}.`}</p>}
      {done && (
        <p className="field-hint" role="status" data-testid="passphrase-done">
          {done}
        </p>
      )}
      {action && (
        <PassphraseDialog
          action={action}
          onClose={() => setAction(null)}
          onDone={(message) => {
            setAction(null);
            setDone(message);
          }}
        />
      )}
    </section>
  );
}

function summary(action: Action, result: EncryptionChange): string {
  const n = result.backupsRekeyed;
  const backups = n ? ` (and ${n} backup${n === 1 ? '' : 's'})` : '';
  if (action === 'set') return `Your data${backups} is now protected. Kith asks for the passphrase each time it starts.`;
  if (action === 'change') return `The passphrase of your data${backups} is changed.`;
  return `The passphrase is removed: your data${backups} is stored unprotected again.`;
}

function PassphraseDialog({ action, onClose, onDone }: { action: Action; onClose: () => void; onDone: (message: string) => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const needsCurrent = action !== 'set';
  const needsNew = action !== 'remove';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (needsCurrent && !current) return setError('Type your current passphrase.');
    if (needsNew && next.length < MIN_PASSPHRASE_LENGTH) return setError(`A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters; a few words are easier to remember and harder to guess.`);
    if (needsNew && next !== again) return setError('The two new passphrases are not the same.');
    if (needsNew && !understood) return setError('Tick the box to confirm you have kept the passphrase somewhere safe.');
    setBusy(true);
    try {
      const result =
        action === 'set'
          ? await mutate('encryption:set', { passphrase: next })
          : action === 'change'
            ? await mutate('encryption:change', { current, next })
            : await mutate('encryption:remove', { current });
      onDone(summary(action, result));
    } catch (e) {
      setError(e instanceof RequestError && e.code === 'WRONG_PASSPHRASE' ? 'That is not your current passphrase. Nothing was changed.' : errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <Modal title={TITLES[action]} onClose={busy ? () => undefined : onClose} testId="passphrase-dialog">
      <form className="dialog-form" noValidate onSubmit={(event) => void submit(event)}>
        <h2 className="dialog-title">{TITLES[action]}</h2>
        {action === 'remove' ? (
          <p>Your data file and its backups will be stored unencrypted again: anyone who can read your files can read your notes.</p>
        ) : (
          <p className="passphrase-warning" data-testid="passphrase-warning">
            <strong>A lost passphrase cannot be recovered.</strong> Kith never stores it. Without it, neither your data nor its backups can be
            opened, by you or anyone else. Write it down somewhere safe.
          </p>
        )}
        {needsCurrent && (
          <label className="form-field">
            <span className="form-label">Current passphrase</span>
            <input className="input" type="password" autoFocus autoComplete="current-password" spellCheck={false} value={current} onChange={(e) => setCurrent(e.target.value)} data-testid="passphrase-current" />
          </label>
        )}
        {needsNew && (
          <>
            <label className="form-field">
              <span className="form-label">New passphrase</span>
              <input className="input" type="password" autoFocus={!needsCurrent} autoComplete="new-password" spellCheck={false} value={next} onChange={(e) => setNext(e.target.value)} data-testid="passphrase-new" />
            </label>
            <label className="form-field">
              <span className="form-label">New passphrase, again</span>
              <input className="input" type="password" autoComplete="new-password" spellCheck={false} value={again} onChange={(e) => setAgain(e.target.value)} data-testid="passphrase-again" />
            </label>
            <label className="checkbox-row">
              <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} data-testid="passphrase-understood" />
              <span>I have kept this passphrase somewhere safe.</span>
            </label>
          </>
        )}
        <InlineError message={error} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy} data-testid="passphrase-confirm">
            {busy ? 'Working…' : action === 'set' ? 'Protect my data' : action === 'change' ? 'Change passphrase' : 'Remove passphrase'}
          </button>
          <button type="button" className="button" disabled={busy} onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
