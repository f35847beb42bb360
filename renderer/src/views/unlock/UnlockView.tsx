// The unlock screen (issue 7): shown at start when the data file is protected
// with a passphrase (app:info answered PASSPHRASE_REQUIRED). Main has opened
// nothing; app:unlock opens the file, or says the passphrase is wrong and
// leaves the file as it was.
import { useState, type FormEvent } from 'react';
import { invoke, RequestError } from '../../api';
import { InlineError } from '../../components/ErrorNotice';
import { errorMessage } from '../../data/mutate';
import './unlock.css';

export function UnlockView({ onUnlocked }: { onUnlocked: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function unlock(event: FormEvent) {
    event.preventDefault();
    if (!passphrase) {
      setError('Type your passphrase.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await invoke('app:unlock', { passphrase });
      setPassphrase('');
      onUnlocked();
    } catch (e) {
      setError(e instanceof RequestError && e.code === 'WRONG_PASSPHRASE' ? 'That passphrase does not open your data. Check it (and Caps Lock) and try again.' : errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <div className="welcome" data-testid="unlock">
      <form className="welcome-card unlock-card" noValidate onSubmit={(event) => void unlock(event)}>
        <p className="welcome-brand">Kith</p>
        <h1 className="welcome-title">Your data is protected with a passphrase.</h1>
        <label className="form-field">
          <span className="form-label">Passphrase</span>
          <input
            className="input large"
            type="password"
            autoFocus
            autoComplete="current-password"
            spellCheck={false}
            value={passphrase}
            aria-invalid={error ? true : undefined}
            data-testid="unlock-passphrase"
            onChange={(event) => setPassphrase(event.target.value)}
          />
        </label>
        <InlineError message={error} />
        <div className="welcome-actions">
          <button type="submit" className="button primary large" disabled={busy} data-testid="unlock-submit">
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </div>
        <p className="welcome-hint">
          Kith never stores your passphrase and cannot recover it. If it is lost, neither this data nor its backups can be opened.
        </p>
      </form>
    </div>
  );
}
