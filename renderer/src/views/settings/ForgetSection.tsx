// Settings › Forget a person (issue 18): removes someone completely from the
// live data after showing what goes and asking once; then lists the backups
// that still hold anyone forgotten and offers to delete those backups.
// Forgetting takes no backup of its own (it would keep what is forgotten).
import { useState } from 'react';
import type { ForgetPreview, ForgottenInBackups } from '../../../../shared/forget';
import { ErrorNotice, InlineError } from '../../components/ErrorNotice';
import { Modal } from '../../components/Modal';
import { errorMessage, mutate } from '../../data/mutate';
import { useQuery } from '../../data/useQuery';

function n(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

/** The preview as lines, leaving out what is zero. */
function removals(p: ForgetPreview): string[] {
  return [
    p.ties && n(p.ties, 'tie'),
    p.affiliations && n(p.affiliations, 'affiliation'),
    p.journalEntries && `${n(p.journalEntries, 'journal entry', 'journal entries')} with nobody else`,
    p.participations && `their place in ${n(p.participations, 'shared journal entry', 'shared journal entries')}`,
    p.mentions && `${n(p.mentions, '@mention')} in other entries (replaced by “[forgotten]”)`,
    p.favors && n(p.favors, 'favor'),
    p.followUps && n(p.followUps, 'follow-up'),
    p.introductions && n(p.introductions, 'introduction'),
    p.otherRecords && n(p.otherRecords, 'other record'),
    p.savedViews && n(p.savedViews, 'saved view'),
    p.onlyThroughThem && `${n(p.onlyThroughThem, 'person', 'people')} known only from their connections list`,
  ].filter((line): line is string => typeof line === 'string');
}

function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

export function ForgetSection() {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const found = useQuery('people:list', { search: search.trim(), limit: 8, archived: 'include' }, search.trim() !== '' && chosen === null);
  const preview = useQuery('people:forgetPreview', { id: chosen ?? 1 }, chosen !== null);
  const candidates = (found.data?.items ?? []).filter((p) => !p.isMe);

  return (
    <section className="section" data-testid="settings-forget">
      <h2 className="section-title">Forget a person</h2>
      <p className="muted-text">
        Removes someone completely from your data: their ties, work history, journal entries with nobody else, their place in shared
        entries and @mentions, favors, follow-ups and introductions. This cannot be undone. Backups taken before still hold them; they are
        listed below, and you can delete those backups.
      </p>
      {chosen === null ? (
        <>
          <label className="form-field">
            <span className="form-label">Who?</span>
            <input
              className="input"
              type="search"
              value={search}
              placeholder="Type a name"
              spellCheck={false}
              onChange={(e) => {
                setSearch(e.target.value);
                setDone(null);
              }}
              data-testid="forget-search"
            />
          </label>
          {search.trim() !== '' && found.data && (
            <ul className="rows" data-testid="forget-candidates">
              {candidates.length === 0 ? (
                <li className="muted-text">Nobody by that name.</li>
              ) : (
                candidates.map((p) => (
                  <li key={p.id}>
                    <button type="button" className="button small" onClick={() => setChosen(p.id)} data-testid="forget-candidate">
                      {p.displayName}
                    </button>
                    {p.organizationName && <span className="muted-text"> {p.organizationName}</span>}
                  </li>
                ))
              )}
            </ul>
          )}
        </>
      ) : (
        <div data-testid="forget-preview">
          {preview.error && <ErrorNotice title="Kith could not prepare this" message={preview.error.message} />}
          {preview.data && (
            <>
              <p>
                Forgetting <strong>{preview.data.displayName}</strong> removes:
              </p>
              <ul data-testid="forget-removals">
                {removals(preview.data).length ? removals(preview.data).map((line) => <li key={line}>{line}</li>) : <li>only the person</li>}
              </ul>
              <div className="form-actions">
                <button type="button" className="button danger" onClick={() => setConfirming(true)} data-testid="forget-start">
                  Forget {preview.data.displayName}…
                </button>
                <button type="button" className="button" onClick={() => setChosen(null)}>
                  Choose someone else
                </button>
              </div>
            </>
          )}
        </div>
      )}
      {done && (
        <p className="field-hint" role="status" data-testid="forget-done">
          {done}
        </p>
      )}
      {confirming && preview.data && (
        <ForgetDialog
          preview={preview.data}
          onClose={() => setConfirming(false)}
          onDone={(name) => {
            setConfirming(false);
            setChosen(null);
            setSearch('');
            setDone(`Kith has forgotten ${name}.`);
          }}
        />
      )}
      <ForgottenBackups />
    </section>
  );
}

function ForgetDialog({ preview, onClose, onDone }: { preview: ForgetPreview; onClose: () => void; onDone: (name: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function forget() {
    setBusy(true);
    setError(null);
    try {
      const result = await mutate('people:forget', { id: preview.personId, confirm: true });
      onDone(result.displayName);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <Modal title="Forget a person" onClose={busy ? () => undefined : onClose} testId="forget-dialog">
      <div className="dialog-form">
        <h2 className="dialog-title">Forget {preview.displayName}?</h2>
        <p>
          Everything Kith holds about {preview.displayName} is removed from your data now, with no backup taken. This cannot be undone.
        </p>
        <InlineError message={error} />
        <div className="form-actions">
          <button type="button" className="button primary danger" disabled={busy} onClick={() => void forget()} data-testid="forget-confirm">
            {busy ? 'Forgetting…' : `Forget ${preview.displayName}`}
          </button>
          <button type="button" className="button" disabled={busy} onClick={onClose} autoFocus>
            Cancel
          </button>
        </div>
      </div>
    </Modal>
  );
}

function ForgottenBackups() {
  const list = useQuery('backups:forgotten', {});
  const [purging, setPurging] = useState<ForgottenInBackups | null>(null);
  if (list.error) return <ErrorNotice title="Kith could not check the backups for forgotten people" message={list.error.message} />;
  if (!list.data || list.data.length === 0) return null;
  return (
    <div className="forgotten-backups" data-testid="forgotten-backups">
      <h3 className="section-subtitle">Backups that still hold someone you forgot</h3>
      <ul className="rows">
        {list.data.map((f) => (
          <li key={f.key} className="forgotten-row" data-testid="forgotten-row">
            <span>
              A person forgotten on {formatDay(f.forgottenAt)} is still in {n(f.backups.length, 'backup')}
              {f.unchecked.length > 0 && ` (${n(f.unchecked.length, 'backup')} could not be checked)`}.
            </span>
            {f.backups.length > 0 && (
              <button type="button" className="button small" onClick={() => setPurging(f)} data-testid="forgotten-purge">
                Delete these backups…
              </button>
            )}
          </li>
        ))}
      </ul>
      {purging && <PurgeDialog entry={purging} onClose={() => setPurging(null)} />}
    </div>
  );
}

function PurgeDialog({ entry, onClose }: { entry: ForgottenInBackups; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function purge() {
    setBusy(true);
    setError(null);
    try {
      await mutate('backups:purgeForgotten', { key: entry.key, confirm: true });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <Modal title="Delete backups" onClose={busy ? () => undefined : onClose} testId="purge-dialog">
      <div className="dialog-form">
        <h2 className="dialog-title">Delete {n(entry.backups.length, 'backup')}?</h2>
        <p>These backups still hold the person you forgot. Deleting them also deletes everything else in them:</p>
        <ul className="selectable" data-testid="purge-names">
          {entry.backups.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
        <InlineError message={error} />
        <div className="form-actions">
          <button type="button" className="button primary danger" disabled={busy} onClick={() => void purge()} data-testid="purge-confirm">
            {busy ? 'Deleting…' : 'Delete these backups'}
          </button>
          <button type="button" className="button" disabled={busy} onClick={onClose} autoFocus>
            Cancel
          </button>
        </div>
      </div>
    </Modal>
  );
}
