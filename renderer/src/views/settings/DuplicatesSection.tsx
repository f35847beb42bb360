// Settings → Duplicates (issue 13): likely duplicate people and organizations,
// each group with its evidence; "Merge…" shows what the merge would do (a dry
// run), lets the user choose whose value wins where they differ, then merges
// into the first (a backup is taken first, in main).
import { useState } from 'react';
import type { DuplicateGroup, MergeField, PeopleMergeResult } from '../../../../shared/importExport';
import { ErrorNotice, InlineError } from '../../components/ErrorNotice';
import { Modal } from '../../components/Modal';
import { errorMessage, mutate } from '../../data/mutate';
import { useQuery } from '../../data/useQuery';

const FIELD_LABELS: Record<MergeField, string> = {
  displayName: 'Name',
  givenName: 'Given name',
  familyName: 'Family name',
  headline: 'Headline',
  location: 'Location',
  linkedinUrl: 'LinkedIn',
  cadenceDays: 'Keep in touch every (days)',
};

export function DuplicatesSection() {
  const people = useQuery('duplicates:people', {});
  const orgs = useQuery('duplicates:organizations', {});
  const [merging, setMerging] = useState<{ group: DuplicateGroup; preview: PeopleMergeResult } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const groups = people.data?.groups ?? [];
  const orgGroups = orgs.data?.groups ?? [];

  async function review(group: DuplicateGroup) {
    setError(null);
    setNotice(null);
    try {
      setMerging({ group, preview: await mutate('duplicates:mergePeople', { ids: group.ids, dryRun: true }) });
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function mergeOrgs(group: DuplicateGroup) {
    setError(null);
    try {
      await mutate('duplicates:mergeOrganizations', { ids: group.ids });
      setNotice(`Merged ${group.names.slice(1).join(', ')} into ${group.names[0]}; the old names are kept so imports match them.`);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  if (people.error) return <ErrorNotice title="Duplicates could not be listed" message={people.error.message} />;
  return (
    <section className="section" data-testid="settings-duplicates">
      <div className="section-header">
        <h2 className="section-title">
          Duplicates <span className="section-count">{groups.length + orgGroups.length || ''}</span>
        </h2>
      </div>
      <p className="muted-text">
        People with the same LinkedIn address, e-mail or phone, or the same name at the same organization; organizations that differ only by
        legal form or share a domain. Merging keeps the first and moves everything to it.
      </p>
      {notice && (
        <p className="restore-notice" role="status" data-testid="duplicates-merged">
          {notice}
        </p>
      )}
      <InlineError message={error} />
      {groups.length + orgGroups.length === 0 && people.data && <p className="muted-text">No likely duplicates.</p>}
      {(groups.length > 0 || orgGroups.length > 0) && (
        <ul className="rows backup-rows" data-testid="duplicate-list">
          {groups.slice(0, 100).map((g) => (
            <li key={`p${g.ids.join('-')}`} className="backup-row" data-testid="duplicate-group">
              <span className="backup-when truncate">{g.names.join(' = ')}</span>
              <span className="pill muted">people</span>
              <span className="backup-detail muted-text truncate" title={g.evidence.join('; ')}>
                {g.evidence.join('; ')}
              </span>
              <span />
              <button type="button" className="button small" onClick={() => void review(g)} data-testid="duplicate-merge">
                Merge…
              </button>
            </li>
          ))}
          {orgGroups.slice(0, 100).map((g) => (
            <li key={`o${g.ids.join('-')}`} className="backup-row" data-testid="duplicate-org-group">
              <span className="backup-when truncate">{g.names.join(' = ')}</span>
              <span className="pill muted">organizations</span>
              <span className="backup-detail muted-text truncate">{g.evidence.join('; ')}</span>
              <span />
              <button type="button" className="button small" onClick={() => void mergeOrgs(g)} data-testid="duplicate-org-merge">
                Merge
              </button>
            </li>
          ))}
        </ul>
      )}
      {merging && (
        <MergeDialog
          group={merging.group}
          preview={merging.preview}
          onClose={() => setMerging(null)}
          onDone={(r) => {
            setMerging(null);
            setNotice(`Merged into ${r.fields.find((f) => f.field === 'displayName')?.value ?? 'the first'}; ${r.aliases.length} old addresses kept so imports match them.`);
          }}
        />
      )}
    </section>
  );
}

function MergeDialog({ group, preview, onClose, onDone }: { group: DuplicateGroup; preview: PeopleMergeResult; onClose: () => void; onDone: (r: PeopleMergeResult) => void }) {
  const [prefer, setPrefer] = useState<Partial<Record<MergeField, number>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = (field: MergeField) => prefer[field] ?? preview.fields.find((f) => f.field === field)?.fromId;

  async function merge() {
    setBusy(true);
    setError(null);
    try {
      onDone(await mutate('duplicates:mergePeople', { ids: group.ids, prefer }));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <Modal title="Merge duplicates" onClose={busy ? () => undefined : onClose} testId="merge-dialog">
      <div className="dialog-form">
        <h2 className="dialog-title">Merge {group.names.join(' and ')}?</h2>
        <p className="muted-text">{group.evidence.join('; ')}.</p>
        <p>
          Everything moves to one person:{' '}
          {Object.entries(preview.repointed)
            .filter(([, n]) => n > 0)
            .map(([k, n]) => `${n} ${k}`)
            .join(', ') || 'nothing else refers to them'}
          . E-mails, phones and links are joined; notes are kept together. Kith takes a backup first.
        </p>
        {preview.conflicts.map((c) => (
          <fieldset key={c.field} className="merge-choice" data-testid={`merge-conflict-${c.field}`}>
            <legend>{FIELD_LABELS[c.field]}</legend>
            {c.values.map((v) => (
              <label key={v.id} className="toggle import-toggle">
                <input type="radio" name={c.field} checked={chosen(c.field) === v.id} onChange={() => setPrefer({ ...prefer, [c.field]: v.id })} />
                {v.value}
              </label>
            ))}
          </fieldset>
        ))}
        <InlineError message={error} />
        <div className="form-actions">
          <button type="button" className="button primary" disabled={busy} onClick={() => void merge()} data-testid="merge-confirm">
            {busy ? 'Merging…' : 'Merge'}
          </button>
          <button type="button" className="button" disabled={busy} onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </Modal>
  );
}
