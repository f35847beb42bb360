// Settings › Sync (issue 19): keep Kith in step on your own computers through
// a folder a tool you already use moves (Syncthing, a cloud drive, a USB
// stick). Off: what sync does and does not do, and "Choose a sync folder…"
// with the sync passphrase (twice on the first computer, once on the
// others). On: the folder, this computer, "Sync now" and what the last pass
// did, the other computers seen and the last change applied from each, and
// anything waiting (a newer version's files, a file that failed, texts edited
// on two computers at once). The folder is chosen with the native dialog in
// main; only a token comes back here. Every pass runs in main.
import { useState, type FormEvent } from 'react';
import type { ChosenSyncFolder, LastSyncPass, SyncConflictView, SyncStatusView, SyncWaitingItem } from '../../../../shared/sync';
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/encryption';
import { invoke, RequestError } from '../../api';
import { ErrorNotice, InlineError } from '../../components/ErrorNotice';
import { errorMessage, mutate } from '../../data/mutate';
import { useQuery } from '../../data/useQuery';
import { hrefFor } from '../../router';
import '../unlock/unlock.css';
import './sync.css';

function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** What a pass did, in one sentence. */
export function passSentence(last: LastSyncPass): string {
  if (!last.pass) return last.error ?? 'The sync did not run.';
  const p = last.pass;
  const wrote = p.written ? `wrote ${plural(p.written, 'change file', 'change files')}` : 'had no new changes to write';
  const applied = p.applied
    ? `applied ${plural(p.applied, 'file', 'files')} from other computers (${plural(p.operations, 'change', 'changes')})`
    : 'found nothing new from other computers';
  return `This computer ${wrote} and ${applied}.`;
}

const WAITING_LABELS: Record<SyncWaitingItem['kind'], string> = {
  'newer-version': 'Needs a newer Kith',
  'failed-file': 'A file failed',
  waiting: 'Waiting',
};

export function SyncSection() {
  const status = useQuery('sync:status', {});
  const encryption = useQuery('encryption:status', {});
  const [chosen, setChosen] = useState<ChosenSyncFolder | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [syncing, setSyncing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const s = status.data;

  async function chooseFolder() {
    setChoosing(true);
    setError(null);
    try {
      const folder = await invoke('sync:chooseFolder', {});
      if (folder) setChosen(folder);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setChoosing(false);
    }
  }

  async function syncNow() {
    setSyncing(true);
    setError(null);
    try {
      // The answer is the last pass, which the status shows (also when the folder was gone).
      await mutate('sync:now', {});
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSyncing(false);
    }
  }

  return (
    <section className="section sync-section" data-testid="settings-sync" data-enabled={s ? String(s.enabled) : undefined}>
      <div className="section-header">
        <h2 className="section-title">Sync between your computers</h2>
        {s && (
          <div className="passphrase-actions">
            {s.enabled && (
              <button type="button" className="button primary" disabled={syncing} onClick={() => void syncNow()} data-testid="sync-now">
                {syncing ? 'Syncing…' : 'Sync now'}
              </button>
            )}
            <button type="button" className="button" disabled={choosing || syncing} onClick={() => void chooseFolder()} data-testid="sync-choose-folder">
              {s.enabled ? 'Change the sync folder…' : 'Choose a sync folder…'}
            </button>
          </div>
        )}
      </div>
      {status.error && <ErrorNotice title="Kith could not read the sync status" message={status.error.message} />}
      {s && !s.enabled && (
        <div className="sync-explain" data-testid="sync-explain">
          <p>
            Keep Kith in step on your laptop and your desktop, with no account. Kith writes encrypted change files into a folder that a
            tool you already use moves between your computers: Syncthing, Dropbox, iCloud Drive, OneDrive, Nextcloud, or a USB stick.
            Your data file itself stays where it is.
          </p>
          <p className="muted-text">
            Sync is for your own computers. It is not real-time collaboration: two people cannot share one Kith. Changes arrive once your
            sync tool has moved the files and Kith syncs; when the same text was edited on two computers at once, both versions are kept
            for you to merge.
          </p>
        </div>
      )}
      {encryption.data && !encryption.data.encrypted && (s?.enabled || chosen) && (
        <p className="passphrase-warning" data-testid="sync-unprotected-warning">
          <strong>Your data folder is not protected with a passphrase.</strong> The sync key is kept in your data file, so anyone who can
          read this computer&rsquo;s files can read your sync folder too. Protect your data with a passphrase (in Passphrase, below).
        </p>
      )}
      <InlineError message={error} />
      {chosen && (
        <SetUpForm
          chosen={chosen}
          onCancel={() => setChosen(null)}
          onDone={() => {
            setChosen(null);
            setError(null);
          }}
        />
      )}
      {s?.enabled && <SyncOn status={s} />}
    </section>
  );
}

function SetUpForm({ chosen, onCancel, onDone }: { chosen: ChosenSyncFolder; onCancel: () => void; onDone: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const first = !chosen.existing;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!passphrase) return setError('Type the sync passphrase.');
    if (first && passphrase.length < MIN_PASSPHRASE_LENGTH) return setError(`A sync passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters; a few words are easier to remember and harder to guess.`);
    if (first && passphrase !== again) return setError('The two sync passphrases are not the same.');
    setBusy(true);
    try {
      await mutate('sync:setUp', { token: chosen.token, passphrase, ...(first ? { confirmPassphrase: again } : {}) });
      onDone();
    } catch (e) {
      setError(e instanceof RequestError && e.code === 'WRONG_PASSPHRASE' ? e.message : errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <form className="sync-setup dialog-form" noValidate onSubmit={(event) => void submit(event)} data-testid="sync-setup" data-first={first ? 'true' : 'false'}>
      <dl className="fields">
        <div className="field-row">
          <dt>Sync folder</dt>
          <dd className="selectable data-path" data-testid="sync-chosen-folder">
            {chosen.folder}
          </dd>
        </div>
      </dl>
      {first ? (
        <p>
          No computer syncs through this folder yet: this one is the first. Choose a sync passphrase. You will type it once on each of your
          other computers, and it cannot be recovered, so keep it somewhere safe. It can differ from your data&rsquo;s passphrase.
        </p>
      ) : (
        <p>Kith on another computer already syncs through this folder. Type the sync passphrase you chose there.</p>
      )}
      <label className="form-field">
        <span className="form-label">Sync passphrase</span>
        <input className="input" type="password" autoFocus autoComplete={first ? 'new-password' : 'current-password'} spellCheck={false} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} data-testid="sync-passphrase" />
      </label>
      {first && (
        <label className="form-field">
          <span className="form-label">Sync passphrase, again</span>
          <input className="input" type="password" autoComplete="new-password" spellCheck={false} value={again} onChange={(e) => setAgain(e.target.value)} data-testid="sync-passphrase-again" />
        </label>
      )}
      <InlineError message={error} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy} data-testid="sync-start">
          {busy ? 'Setting up…' : 'Start syncing'}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function SyncOn({ status }: { status: SyncStatusView }) {
  const waiting = status.waiting ?? [];
  const skewed = status.skewedDevices ?? [];
  const last = status.lastPass;
  return (
    <>
      <dl className="fields">
        <div className="field-row">
          <dt>Sync folder</dt>
          <dd className="selectable data-path" data-testid="sync-folder">
            {status.folder}
          </dd>
        </div>
        <div className="field-row">
          <dt>This computer</dt>
          <dd data-testid="sync-this-device">
            {status.deviceName && <span>{status.deviceName} · </span>}
            <span className="muted-text">device</span> <code className="selectable">{status.device}</code>
          </dd>
        </div>
        <div className="field-row">
          <dt>Last sync</dt>
          <dd data-testid="sync-last-pass" data-ok={last ? String(last.pass !== null) : undefined}>
            {last ? (
              <>
                <span className="muted-text">{formatWhen(last.at)}: </span>
                <span className={last.pass ? '' : 'sync-error-text'}>{passSentence(last)}</span>
              </>
            ) : (
              <span className="muted-text">Not synced since Kith started. Sync now, or let your sync tool catch up first.</span>
            )}
          </dd>
        </div>
      </dl>
      {last?.pass?.newDeviceId && (
        <p className="field-hint" data-testid="sync-new-device-id">
          This data file is a copy or a restore of another, so it took a new device id; nothing was lost.
        </p>
      )}
      {last?.pass && last.pass.ignored.length > 0 && (
        <p className="field-hint" data-testid="sync-ignored">
          {plural(last.pass.ignored.length, 'conflict copy', 'conflict copies')} made by your sync tool {last.pass.ignored.length === 1 ? 'is' : 'are'}{' '}
          ignored (Kith never reads them; you may delete them): {last.pass.ignored.join(', ')}
        </p>
      )}

      <h3 className="sync-subtitle">Other computers</h3>
      {status.devices.length === 0 ? (
        <p className="muted-text" data-testid="sync-no-devices">
          None seen yet. On your other computer, choose the same folder (once your sync tool has copied it there) and type the same sync
          passphrase.
        </p>
      ) : (
        <>
        <p className="field-hint">Each computer is known by its device id, shown under &ldquo;This computer&rdquo; in its own Settings.</p>
        <ul className="rows sync-devices" data-testid="sync-devices">
          {status.devices.map((d) => {
            const ahead = skewed.find((k) => k.device === d.device);
            return (
              <li key={d.device} className="sync-device" data-testid="sync-device" data-device={d.device}>
                <span className="sync-device-name">
                  {d.name ? <>{d.name} </> : null}
                  <code className="selectable muted-text">{d.device}</code>
                </span>
                <span className="muted-text">
                  {d.appliedFile === 0
                    ? 'Nothing applied from it yet.'
                    : `Its changes applied here up to its file ${d.appliedFile.toLocaleString()}${d.appliedAt ? `, on ${formatWhen(d.appliedAt)}` : ''}${d.lastChangeAt ? ` (the last made there ${formatWhen(d.lastChangeAt)})` : ''}.`}
                </span>
                {ahead && (
                  <span className="pill muted" title="Its changes were stamped no later than a day ahead of this computer's clock, so one wrong clock cannot win every edit.">
                    Clock {ahead.clockAheadMs ? `${Math.round(ahead.clockAheadMs / 3_600_000)} h` : ''} ahead
                  </span>
                )}
                <ForgetDevice device={d} />
              </li>
            );
          })}
        </ul>
        </>
      )}

      {(waiting.length > 0 || status.conflicts > 0) && (
        <>
          <h3 className="sync-subtitle">Waiting</h3>
          {waiting.length > 0 && (
            <ul className="rows sync-waiting" data-testid="sync-waiting">
              {waiting.map((w, i) => (
                <li key={i} data-kind={w.kind}>
                  <span className={`pill ${w.kind === 'waiting' ? 'muted' : 'accent'}`}>{WAITING_LABELS[w.kind]}</span> {w.device && <code className="muted-text">{w.device}</code>} {w.message}
                </li>
              ))}
            </ul>
          )}
          {status.conflicts > 0 && <ConflictList count={status.conflicts} />}
        </>
      )}
    </>
  );
}

function conflictHref(c: SyncConflictView): string | null {
  if (c.id === null) return null;
  if (c.kind === 'entry') return `#/journal?entry=${c.id}`;
  if (c.kind === 'person') return hrefFor.person(c.id);
  if (c.kind === 'organization') return hrefFor.org(c.id);
  return null;
}

function ConflictList({ count }: { count: number }) {
  const list = useQuery('sync:conflicts', {});
  return (
    <div data-testid="sync-conflicts">
      <p>
        {plural(count, 'text was', 'texts were')} edited on two computers at once. Both versions are kept: open each, merge the other
        version into the one shown, and save. Saving resolves it on every computer.
      </p>
      {list.error && <ErrorNotice title="The texts to resolve could not be listed" message={list.error.message} />}
      <ul className="rows">
        {(list.data ?? []).map((c, i) => {
          const href = conflictHref(c);
          return (
            <li key={i} data-testid="sync-conflict">
              {href ? <a href={href}>{c.label}</a> : <span>{c.label}</span>} <span className="muted-text">· {c.field}</span>
              <details>
                <summary className="muted-text">The other version</summary>
                <pre className="selectable sync-other-version">{c.otherValue}</pre>
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * "Forget this computer" (issue 19): for one that will never sync again (sold,
 * broken, reinstalled). Old change files are kept until every computer has
 * applied them; a forgotten one no longer holds them back. Its own changes
 * stay, and are still read if its files turn up.
 */
function ForgetDevice({ device }: { device: SyncStatusView['devices'][number] }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (device.forgotten) {
    return (
      <span className="pill muted" data-testid="sync-device-forgotten" title="It no longer holds back the removal of old change files. Its changes stay.">
        Forgotten
      </span>
    );
  }
  async function forget() {
    setBusy(true);
    setError(null);
    try {
      await mutate('sync:forgetDevice', { device: device.device });
      setAsking(false);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <span className="sync-forget">
      {device.holdsBack && !asking && <span className="muted-text">Old change files are kept until it syncs. </span>}
      {asking ? (
        <span role="group" aria-label={`Forget ${device.device}`} data-testid="sync-forget-confirm">
          <span>Forget this computer for good? Use this only for one that will never sync again; what it changed stays. </span>
          <button type="button" className="button small danger" disabled={busy} onClick={() => void forget()} data-testid="sync-forget-yes">
            Forget it
          </button>{' '}
          <button type="button" className="button small ghost" disabled={busy} onClick={() => setAsking(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" className="button small ghost" onClick={() => setAsking(true)} data-testid="sync-forget">
          Forget…
        </button>
      )}
      {error && <span className="sync-error-text"> {error}</span>}
    </span>
  );
}
