// Settings → Import (issue 13): the way to import, the imports made so far,
// and undo for the last one. Undo first asks main whether it can be done
// (a dry run); when something the import touched was edited since, it says
// what instead of undoing.
import { useState } from 'react';
import type { ImportLogEntry, UndoResult } from '../../../../shared/importExport';
import { ErrorNotice, InlineError } from '../../components/ErrorNotice';
import { Modal } from '../../components/Modal';
import { errorMessage, mutate } from '../../data/mutate';
import { useQuery } from '../../data/useQuery';
import { hrefFor } from '../../router';

function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function ImportsSection() {
  const list = useQuery('imports:list', {});
  const [checking, setChecking] = useState<ImportLogEntry | null>(null);
  const [check, setCheck] = useState<UndoResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<UndoResult | null>(null);
  const items = list.data?.items ?? [];

  async function askUndo(entry: ImportLogEntry) {
    setError(null);
    setDone(null);
    setChecking(entry);
    try {
      setCheck(await mutate('imports:undo', { dryRun: true }));
    } catch (e) {
      setChecking(null);
      setError(errorMessage(e));
    }
  }

  return (
    <section className="section" data-testid="settings-import">
      <div className="section-header">
        <h2 className="section-title">
          Import <span className="section-count">{items.length || ''}</span>
        </h2>
        <a className="button" href={hrefFor.import()} data-testid="settings-import-link">
          Import people…
        </a>
      </div>
      <p className="muted-text">
        From LinkedIn (the whole data archive), vCard, Google Contacts or a Kith JSON export, with a preview before anything changes. The
        last import can be undone.
      </p>
      {done && (
        <p className="restore-notice" role="status" data-testid="import-undone">
          Undone: {done.summary} ({done.removed.toLocaleString()} added rows removed, {done.restored.toLocaleString()} restored).
        </p>
      )}
      <InlineError message={error} />
      {list.error ? (
        <ErrorNotice title="The imports could not be listed" message={list.error.message} />
      ) : items.length > 0 ? (
        <ul className="rows backup-rows" data-testid="import-log">
          {items.slice(0, 20).map((i) => (
            <li key={i.id} className="backup-row" data-testid="import-log-row">
              <span className="backup-when">{formatWhen(i.createdAt)}</span>
              <span className={`pill ${i.undoneAt ? 'muted' : 'accent'}`}>{i.undoneAt ? 'Undone' : 'Imported'}</span>
              <span className="backup-detail truncate" title={i.summary}>
                {i.summary}
              </span>
              <span className="num muted-text backup-size">{i.added.toLocaleString()} added</span>
              {i.canUndo ? (
                <button type="button" className="button small" onClick={() => void askUndo(i)} data-testid="import-undo">
                  Undo…
                </button>
              ) : (
                <span />
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {checking && check && (
        <UndoDialog
          entry={checking}
          check={check}
          onClose={() => {
            setChecking(null);
            setCheck(null);
          }}
          onDone={(r) => {
            setChecking(null);
            setCheck(null);
            setDone(r);
          }}
        />
      )}
    </section>
  );
}

function UndoDialog({ entry, check, onClose, onDone }: { entry: ImportLogEntry; check: UndoResult; onClose: () => void; onDone: (r: UndoResult) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const blocked = check.blockers.length > 0;

  async function undo() {
    setBusy(true);
    setError(null);
    try {
      const result = await mutate('imports:undo', {});
      if (result.undone) onDone(result);
      else {
        setError(`It cannot be undone now: ${result.blockers.join('; ')}.`);
        setBusy(false);
      }
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <Modal title="Undo the last import" onClose={busy ? () => undefined : onClose} testId="import-undo-dialog">
      <div className="dialog-form">
        <h2 className="dialog-title">Undo the import of {formatWhen(entry.createdAt)}?</h2>
        <p>{entry.summary}.</p>
        {blocked ? (
          <>
            <p data-testid="import-undo-blocked">It cannot be undone, because since then:</p>
            <ul className="import-undo-blockers">
              {check.blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
            <p className="muted-text">To go back anyway, restore the backup Kith took before this import (Backups, below).</p>
          </>
        ) : (
          <p>
            Kith removes the {entry.added.toLocaleString()} rows it added and puts back the {entry.changed.toLocaleString()} it changed, as
            they were before.
          </p>
        )}
        <InlineError message={error} />
        <div className="form-actions">
          {!blocked && (
            <button type="button" className="button primary" disabled={busy} onClick={() => void undo()} data-testid="import-undo-confirm">
              {busy ? 'Undoing…' : 'Undo the import'}
            </button>
          )}
          <button type="button" className="button" disabled={busy} onClick={onClose}>
            {blocked ? 'Close' : 'Cancel'}
          </button>
        </div>
      </div>
    </Modal>
  );
}
