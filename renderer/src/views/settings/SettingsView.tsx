// #/settings: where the data lives, exports (downloaded through a blob link:
// the Electron layer shows the OS save dialog for the app's own blobs),
// backups with "Back up now" and a one-step restore, and the way to import.
import { useState } from 'react';
import { BACKUP_KIND_LABELS, type BackupInfo, type RestoreScheduled } from '../../../../shared/backups';
import type { ExportFormat } from '../../../../shared/importExport';
import { useApp } from '../../AppContext';
import { invoke } from '../../api';
import { ErrorNotice, InlineError } from '../../components/ErrorNotice';
import { Modal } from '../../components/Modal';
import { errorMessage, mutate } from '../../data/mutate';
import { useQuery } from '../../data/useQuery';
import { EncryptionSection } from './EncryptionSection';
import { DuplicatesSection } from './DuplicatesSection';
import { ImportsSection } from './ImportsSection';
import { MyEmailsSection } from './MyEmailsSection';
import { ForgetSection } from './ForgetSection';
import { SyncSection } from './SyncSection';
import '../../styles/data.css';

const EXPORTS: { format: ExportFormat; label: string; what: string }[] = [
  { format: 'json', label: 'Kith JSON', what: 'Everything: people, organizations, ties, journal. Kith can import it again.' },
  { format: 'csv', label: 'CSV', what: 'People with their organization and title, for a spreadsheet.' },
  { format: 'vcard', label: 'vCard 4.0', what: 'People as contact cards, for an address book.' },
  { format: 'gexf', label: 'GEXF', what: 'The network of ties, for Gephi.' },
  { format: 'graphml', label: 'GraphML', what: 'The network of ties, for yEd, Cytoscape or NetworkX.' },
];

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function SettingsView() {
  const { info } = useApp();
  return (
    <div className="page data-page" data-testid="settings-view">
      <header className="data-header">
        <h1 className="entity-title">Settings</h1>
      </header>

      <section className="section" data-testid="settings-data">
        <h2 className="section-title">Your data</h2>
        <dl className="fields">
          <div className="field-row">
            <dt>Data folder</dt>
            <dd className="selectable data-path" data-testid="settings-data-dir">
              {info.dataDir}
            </dd>
          </div>
          <div className="field-row">
            <dt>Version</dt>
            <dd>
              Kith {info.version} · data format {info.schemaVersion}
            </dd>
          </div>
        </dl>
        <p className="muted-text">Everything stays on this computer. Kith makes no network requests and has no account.</p>
      </section>

      <ImportsSection />
      <MyEmailsSection />
      <DuplicatesSection />

      <ExportSection />
      <BackupsSection />
      <SyncSection />
      <EncryptionSection />
      <ForgetSection />
    </div>
  );
}

function ExportSection() {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function run(format: ExportFormat) {
    setBusy(format);
    setError(null);
    setDone(null);
    try {
      const result = await invoke('export:run', { format });
      const url = URL.createObjectURL(new Blob([result.text], { type: `${result.mimeType};charset=utf-8` }));
      const link = document.createElement('a');
      link.href = url;
      link.download = result.fileName;
      document.body.append(link);
      link.click();
      link.remove();
      // The download has taken its copy; the URL can go once the click is handled.
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setDone(result.fileName);
    } catch (e) {
      setError(`The export could not be made: ${errorMessage(e)}`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="section" data-testid="settings-export">
      <h2 className="section-title">Export</h2>
      <ul className="rows export-rows">
        {EXPORTS.map((e) => (
          <li key={e.format} className="export-row">
            <button type="button" className="button export-button" disabled={busy !== null} onClick={() => void run(e.format)} data-testid={`export-${e.format}`}>
              {busy === e.format ? 'Exporting…' : e.label}
            </button>
            <span className="muted-text">{e.what}</span>
          </li>
        ))}
      </ul>
      {done && (
        <p className="field-hint" role="status" data-testid="export-done">
          Saved {done}.
        </p>
      )}
      <InlineError message={error} />
    </section>
  );
}

function BackupsSection() {
  const list = useQuery('backups:list', {});
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<BackupInfo | null>(null);
  const [scheduled, setScheduled] = useState<RestoreScheduled | null>(null);
  const backups = list.data?.backups ?? [];

  async function backUpNow() {
    setCreating(true);
    setError(null);
    try {
      await mutate('backups:create', {});
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setCreating(false);
    }
  }

  return (
    <section className="section" data-testid="settings-backups">
      <div className="section-header">
        <h2 className="section-title">
          Backups <span className="section-count">{list.data ? backups.length : ''}</span>
        </h2>
        <button type="button" className="button" disabled={creating || scheduled !== null} onClick={() => void backUpNow()} data-testid="backup-now">
          {creating ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      <p className="muted-text">
        Kith backs up once a day while it runs and keeps the last 7 days and 4 weeks, plus a copy before every import, update and
        restore. Each backup is checked after it is written.
      </p>
      {scheduled && (
        <div className="restore-notice" role="status" data-testid="restore-scheduled">
          <strong>Restoring…</strong> Kith restarts now to put the backup in place. Your data as it was is saved as “
          {BACKUP_KIND_LABELS[scheduled.safetyBackup.kind]}” ({formatWhen(scheduled.safetyBackup.createdAt)}).
        </div>
      )}
      <InlineError message={error} />
      {list.error ? (
        <ErrorNotice title="The backups could not be listed" message={list.error.message} />
      ) : list.data && backups.length === 0 ? (
        <p className="muted-text" data-testid="backups-empty">
          No backups yet. The first daily backup is taken when Kith starts; or back up now.
        </p>
      ) : (
        <ul className="rows backup-rows" data-testid="backup-list">
          {backups.map((b) => (
            <li key={b.name} className="backup-row" data-testid="backup-row" data-kind={b.kind}>
              <span className="backup-when">{formatWhen(b.createdAt)}</span>
              <span className={`pill ${b.kind === 'manual' ? 'accent' : 'muted'}`}>{BACKUP_KIND_LABELS[b.kind]}</span>
              <span className="backup-detail muted-text truncate">{b.detail ?? ''}</span>
              <span className="num muted-text backup-size">{formatSize(b.sizeBytes)}</span>
              <button type="button" className="button small" disabled={scheduled !== null} onClick={() => setConfirm(b)} data-testid="backup-restore">
                Restore…
              </button>
            </li>
          ))}
        </ul>
      )}
      {list.data && <p className="field-hint selectable data-path">{list.data.folder}</p>}
      {confirm && (
        <RestoreDialog
          backup={confirm}
          onClose={() => setConfirm(null)}
          onScheduled={(result) => {
            setConfirm(null);
            setScheduled(result);
          }}
        />
      )}
    </section>
  );
}

function RestoreDialog({ backup, onClose, onScheduled }: { backup: BackupInfo; onClose: () => void; onScheduled: (r: RestoreScheduled) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function restore() {
    setBusy(true);
    setError(null);
    try {
      onScheduled(await mutate('backups:restore', { name: backup.name }));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <Modal title="Restore a backup" onClose={busy ? () => undefined : onClose} testId="restore-dialog">
      <div className="dialog-form">
        <h2 className="dialog-title">Restore the backup of {formatWhen(backup.createdAt)}?</h2>
        <p>
          Your data goes back to how it was then. Kith first saves a backup of your data as it is now, so nothing is lost, then restarts
          with the restored data.
        </p>
        <InlineError message={error} />
        <div className="form-actions">
          <button type="button" className="button primary" disabled={busy} onClick={() => void restore()} data-testid="restore-confirm" autoFocus>
            {busy ? 'Restoring…' : 'Restore and restart'}
          </button>
          <button type="button" className="button" disabled={busy} onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </Modal>
  );
}
