import { useState, type FormEvent } from 'react';
import type { AppInfo } from '../../../shared/domain';
import { InlineError } from '../components/ErrorNotice';
import { errorMessage, mutate } from '../data/mutate';

/** First run: my name, then a sample network to explore or an empty journal. */
export function Welcome({ onDone }: { onDone: (info: AppInfo) => void }) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState<'sample' | 'empty' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const finish = async (loadSample: boolean) => {
    setError(null);
    if (!name.trim()) {
      setError('Type your name first: Kith puts you at the centre of your network.');
      return;
    }
    setBusy(loadSample ? 'sample' : 'empty');
    try {
      const info = await mutate('app:completeSetup', { displayName: name.trim(), loadSample });
      window.location.hash = '#/people';
      onDone(info);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(null);
    }
  };

  return (
    <div className="welcome" data-testid="welcome">
      <form
        className="welcome-card"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void finish(true);
        }}
      >
        <p className="welcome-brand">Kith</p>
        <h1 className="welcome-title">The people you know, and the paths between them.</h1>
        <p className="welcome-text">
          A private journal of your network: who works where, who knows whom, and how well. Everything stays on this computer.
        </p>
        <label className="form-field">
          <span className="form-label">Your name</span>
          <input className="input large" autoFocus value={name} placeholder="Sam Rivera" data-testid="welcome-name" onChange={(event) => setName(event.target.value)} />
        </label>
        <InlineError message={error} />
        <div className="welcome-actions">
          <button type="submit" className="button primary large" disabled={busy !== null} data-testid="welcome-sample">
            {busy === 'sample' ? 'Loading the sample network…' : 'Load the sample network'}
          </button>
          <button type="button" className="button large" disabled={busy !== null} onClick={() => void finish(false)} data-testid="welcome-empty">
            {busy === 'empty' ? 'Setting up…' : 'Start empty'}
          </button>
        </div>
        <p className="welcome-hint">The sample network has about 150 fictional people and their workplaces, for exploring. You can add your own people either way.</p>
      </form>
    </div>
  );
}
