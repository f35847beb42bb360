// #/import: pick a file, see what it would do (import:preview), then import it
// whole or not at all (import:commit). The file is read here as bytes and
// crosses to main base64-encoded, where its encoding is found (issue 13); the
// renderer never sees a path.
import { useId, useRef, useState } from 'react';
import { ENCODING_LABELS, IMPORT_FORMATS, type ArchiveSummary, type ImportFormat, type ImportIssue, type ImportPreview, type ImportResult } from '../../../../shared/importExport';
import { ErrorNotice } from '../../components/ErrorNotice';
import { invoke } from '../../api';
import { errorMessage, mutate } from '../../data/mutate';
import { hrefFor } from '../../router';
import { detectFormat, FORMAT_LABELS } from './detectFormat';
import { MINE, WhoseConnections, type OwnerChoice } from './WhoseConnections';
import { HistoryImport } from './HistoryImport';
import { sniffText, toBase64 } from '../../../../shared/importBytes';
import '../../styles/data.css';
import { CountTile } from './CountTile';

/** What is being imported: a file's bytes (base64) or a folder chosen with the native dialog (by token, never a path). */
type Source = { kind: 'file'; name: string; bytes: string; head: string } | { kind: 'folder'; name: string; token: string };

/** The archive's choices (issue 13): message text (off by default) and senders ticked for import (unticked by default). */
interface ArchiveChoices {
  messageText: boolean;
  include: string[];
  /** Issue 14: whose Connections.csv this is (mine unless a person is picked). */
  owner?: OwnerChoice;
}

const NO_CHOICES: ArchiveChoices = { messageText: false, include: [] };

/** Issue 14: someone else's list, with nobody picked yet, or one needing a confirmation not given: not importable yet. */
function ownerPending(preview: ImportPreview, choices: ArchiveChoices | null): boolean {
  const owner = choices?.owner;
  if (!owner?.someoneElse) return false;
  if (!owner.owner) return true;
  return (preview.theirs?.sameListAs.length ?? 0) > 0 && !owner.confirmOwner;
}

type Step =
  | { kind: 'choose' }
  | { kind: 'previewing'; fileName: string }
  | { kind: 'preview'; fileName: string; source: Source; choices: ArchiveChoices; preview: ImportPreview }
  | { kind: 'importing'; fileName: string; preview: ImportPreview; choices: ArchiveChoices }
  | { kind: 'done'; fileName: string; result: ImportResult };

const LIST_LIMIT = 200;

function requestOf(format: ImportFormat, source: Source, choices: ArchiveChoices) {
  const what = source.kind === 'file' ? { bytes: source.bytes } : { folder: source.token };
  const owner = format === 'linkedin' && choices.owner?.owner ? { of: choices.owner.owner.id, confirmOwner: choices.owner.confirmOwner } : {};
  return { format, ...what, ...(format === 'linkedin' ? { messageText: choices.messageText, include: choices.include } : {}), ...owner };
}

export function ImportView() {
  const [format, setFormat] = useState<ImportFormat | 'auto'>('auto');
  const [detected, setDetected] = useState<ImportFormat | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<{ title: string; message: string } | null>(null);
  const [file, setFile] = useState<Source | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const formatId = useId();

  async function preview(source: Source, chosen: ImportFormat | 'auto', choices: ArchiveChoices = NO_CHOICES) {
    setError(null);
    const name = source.name;
    const guess = source.kind === 'folder' ? 'linkedin' : detectFormat(name, source.head);
    setDetected(guess);
    const effective = chosen === 'auto' ? guess : chosen;
    if (!effective) {
      setStep({ kind: 'choose' });
      setError({
        title: 'Kith could not tell what kind of file this is',
        message: `Choose its format above (LinkedIn, vCard, Google Contacts or Kith JSON) and Kith will read ${name} as that. Nothing was imported.`,
      });
      return;
    }
    setStep({ kind: 'previewing', fileName: name });
    try {
      const result = await invoke('import:preview', requestOf(effective, source, choices));
      setStep({ kind: 'preview', fileName: name, source, choices, preview: result });
    } catch (e) {
      setStep({ kind: 'choose' });
      setError({ title: `${name} could not be read as ${FORMAT_LABELS[effective]}`, message: `${errorMessage(e)} Nothing was imported.` });
    }
  }

  async function onFile(list: FileList | null) {
    const picked = list?.[0];
    if (!picked) return;
    let raw: Uint8Array;
    try {
      raw = new Uint8Array(await picked.arrayBuffer());
    } catch (e) {
      setError({ title: `${picked.name} could not be read`, message: errorMessage(e) });
      return;
    }
    // A zip is LinkedIn's archive; its start is not text.
    const isZip = raw[0] === 0x50 && raw[1] === 0x4b;
    const source: Source = { kind: 'file', name: picked.name, bytes: toBase64(raw), head: isZip ? '' : sniffText(raw) };
    setFile(source);
    await preview(source, isZip && format === 'auto' ? 'linkedin' : format);
  }

  async function onFolder() {
    setError(null);
    let chosen;
    try {
      chosen = await invoke('import:chooseFolder', {});
    } catch (e) {
      setError({ title: 'The folder could not be opened', message: errorMessage(e) });
      return;
    }
    if (!chosen) return;
    const source: Source = { kind: 'folder', name: chosen.name, token: chosen.token };
    setFile(source);
    await preview(source, 'linkedin');
  }

  async function rechoose(choices: ArchiveChoices) {
    if (step.kind !== 'preview') return;
    // Ticking "someone else's" before a person is picked, or the confirmation, changes no preview: no round trip.
    const before = step.choices.owner;
    const after = choices.owner;
    if (after && (after.owner?.id ?? null) === (before?.owner?.id ?? null) && (after.someoneElse || !before?.someoneElse)) {
      setStep({ ...step, choices });
      return;
    }
    await preview(step.source, step.preview.format, choices);
  }

  async function commit() {
    if (step.kind !== 'preview') return;
    setError(null);
    setStep({ kind: 'importing', fileName: step.fileName, preview: step.preview, choices: step.choices });
    try {
      const result = await mutate('import:commit', requestOf(step.preview.format, step.source, step.choices));
      setStep({ kind: 'done', fileName: step.fileName, result });
    } catch (e) {
      setStep(step);
      setError({ title: 'Nothing was imported', message: errorMessage(e) });
    }
  }

  function reset() {
    setStep({ kind: 'choose' });
    setFile(null);
    setDetected(null);
    setError(null);
    if (inputRef.current) inputRef.current.value = '';
  }

  const busy = step.kind === 'previewing' || step.kind === 'importing';

  return (
    <div className="page data-page" data-testid="import-view">
      <header className="data-header">
        <h1 className="entity-title">Import people</h1>
        <p className="muted-text">
          From LinkedIn's data archive, vCards, a Google Contacts CSV or a Kith JSON export. You see what would change first;
          then the whole file is imported, or nothing.
        </p>
      </header>

      {step.kind !== 'done' && (
        <section className="data-card import-picker" aria-label="Choose a file">
          <label className="form-field">
            <span className="form-label">File</span>
            <span className="file-picker">
              <input
                ref={inputRef}
                type="file"
                className="file-input"
                accept=".zip,.csv,.txt,.vcf,.vcard,.json,application/zip,text/csv,text/plain,text/vcard,application/json"
                disabled={busy}
                onChange={(event) => void onFile(event.target.files)}
                data-testid="import-file"
              />
              <span className="button" aria-hidden="true">
                Choose file…
              </span>
              <span className={`file-name truncate${file ? '' : ' muted-text'}`} data-testid="import-file-name">
                {file ? file.name : 'No file chosen'}
              </span>
            </span>
          </label>
          <div className="form-field">
            <span className="form-label">Or</span>
            <button type="button" className="button" disabled={busy} onClick={() => void onFolder()} data-testid="import-folder">
              Choose unzipped LinkedIn folder…
            </button>
          </div>
          <label className="form-field" htmlFor={formatId}>
            <span className="form-label">Format</span>
            <select
              id={formatId}
              className="select"
              value={format}
              disabled={busy}
              data-testid="import-format"
              onChange={(event) => {
                const next = event.target.value as ImportFormat | 'auto';
                setFormat(next);
                if (file) void preview(file, next);
              }}
            >
              <option value="auto">{detected ? `Automatic: ${FORMAT_LABELS[detected]}` : 'Automatic'}</option>
              {IMPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </label>
          <p className="field-hint import-help">
            LinkedIn: Settings → Data privacy → Get a copy of your data; choose the zip LinkedIn sends (or its folder, or one of its
            CSV files: connections, messages, invitations, notes, positions, recommendations). Google Contacts: Export → Google CSV. Apple
            Contacts and Outlook: export as vCard.
          </p>
        </section>
      )}

      {error && <ErrorNotice title={error.title} message={error.message} />}

      {step.kind === 'previewing' && (
        <p className="muted-text" aria-busy="true" data-testid="import-previewing">
          Reading {step.fileName}…
        </p>
      )}

      {(step.kind === 'preview' || step.kind === 'importing') && (
        <PreviewPanel
          fileName={step.fileName}
          preview={step.preview}
          choices={step.choices}
          onChoices={(c) => void rechoose(c)}
          importing={step.kind === 'importing'}
          onImport={() => void commit()}
          onCancel={reset}
        />
      )}

      {step.kind === 'done' && <DonePanel fileName={step.fileName} result={step.result} onAnother={reset} />}

      {/* Issue 14: calendars and mail bring journal entries, with their own preview. */}
      {step.kind === 'choose' && <HistoryImport />}
    </div>
  );
}


function PreviewPanel({
  fileName,
  preview,
  choices,
  onChoices,
  importing,
  onImport,
  onCancel,
}: {
  fileName: string;
  preview: ImportPreview;
  choices: ArchiveChoices | null;
  onChoices: (choices: ArchiveChoices) => void;
  importing: boolean;
  onImport: () => void;
  onCancel: () => void;
}) {
  const { counts } = preview;
  const withChanges = preview.matches.filter((m) => m.changes.length > 0).length;
  return (
    <section className={`data-card import-preview${preview.archive ? ' archive' : ''}`} data-testid="import-preview" aria-label="Preview">
      <div className="section-header">
        <h2 className="section-title">
          {fileName}{' '}
          <span className="section-count">
            {FORMAT_LABELS[preview.format]} · {counts.records.toLocaleString()} records
            {preview.encoding && <span data-testid="preview-encoding"> · read as {ENCODING_LABELS[preview.encoding]}</span>}
          </span>
        </h2>
      </div>
      {preview.format === 'linkedin' && !preview.archive && choices && (
        <WhoseConnections
          choice={choices.owner ?? MINE}
          theirs={preview.theirs}
          disabled={importing}
          onChange={(owner) => onChoices({ ...choices, owner })}
        />
      )}
      <div className="count-tiles">
        <CountTile n={counts.newPeople} label={preview.theirs ? 'new, second-degree' : 'new people'} testId="preview-new-people" tone="accent" />
        <CountTile n={counts.matchedPeople} label="already in Kith" testId="preview-matched" />
        <CountTile n={counts.newOrganizations} label="new organizations" testId="preview-new-orgs" />
        <CountTile n={counts.newTies} label="new ties" testId="preview-new-ties" />
        <CountTile n={counts.skipped} label="skipped" testId="preview-skipped" tone="muted" />
      </div>

      {preview.nothingToDo && (
        <p className="import-nothing" data-testid="preview-nothing">
          Nothing to import: everything in this file is already in Kith.
        </p>
      )}

      {preview.matches.length > 0 && (
        <details className="import-group" open data-testid="preview-matches">
          <summary>
            Matched to people already in Kith <span className="section-count">{preview.matches.length}</span>
            <span className="import-group-note">
              {withChanges > 0 ? `merged, not duplicated: ${withChanges} get new details` : 'merged, not duplicated: nothing new to add'}
            </span>
          </summary>
          <ul className="import-rows">
            {preview.matches.slice(0, LIST_LIMIT).map((m) => (
              <li key={m.key} className="import-row" data-testid="preview-match">
                <span className="import-where">{m.where}</span>
                <span className="import-name truncate">
                  {m.name}
                  {m.name !== m.personName && (
                    <>
                      {' → '}
                      <a href={hrefFor.person(m.personId)}>{m.personName}</a>
                    </>
                  )}
                </span>
                <span className="pill muted">by {m.matchedBy.replace(/-/g, ' ')}</span>
                <span className="import-detail truncate" title={m.changes.join(', ')}>
                  {m.changes.length ? `adds ${m.changes.join(', ')}` : 'nothing new'}
                </span>
              </li>
            ))}
          </ul>
          <More total={preview.matches.length} />
        </details>
      )}

      {preview.newPeople.length > 0 && (
        <details className="import-group" open={preview.newPeople.length <= 50} data-testid="preview-new-list">
          <summary>
            New people <span className="section-count">{preview.newPeople.length}</span>
            {preview.newOrganizations.length > 0 && (
              <span className="import-group-note">
                at {preview.newOrganizations.slice(0, 4).join(', ')}
                {preview.newOrganizations.length > 4 ? ` and ${preview.newOrganizations.length - 4} more new organizations` : ''}
              </span>
            )}
          </summary>
          <ul className="import-rows">
            {preview.newPeople.slice(0, LIST_LIMIT).map((p) => (
              <li key={p.key} className="import-row" data-testid="preview-new-person">
                <span className="import-where">{p.where}</span>
                <span className="import-name truncate">{p.name}</span>
                <span className="import-detail truncate">{p.organization ?? ''}</span>
              </li>
            ))}
          </ul>
          <More total={preview.newPeople.length} />
        </details>
      )}

      {preview.jobChanges && preview.jobChanges.length > 0 && (
        <details className="import-group" open data-testid="preview-job-changes">
          <summary>
            Job changes <span className="section-count">{preview.jobChanges.length}</span>
            <span className="import-group-note">the old job ends, the new one starts</span>
          </summary>
          <ul className="import-rows">
            {preview.jobChanges.slice(0, LIST_LIMIT).map((j) => (
              <li key={j.key} className="import-row" data-testid="preview-job-change">
                <span className="import-where">{j.where}</span>
                <span className="import-name truncate">
                  <a href={hrefFor.person(j.personId)}>{j.name}</a>
                </span>
                <span className="import-detail truncate">
                  {j.from.join(', ')} → {j.to}
                </span>
              </li>
            ))}
          </ul>
          <More total={preview.jobChanges.length} />
        </details>
      )}

      {preview.archive && <ArchivePanel archive={preview.archive} choices={choices} disabled={importing} onChoices={onChoices} />}

      <IssueGroup title="Skipped" issues={preview.skipped} testId="preview-skipped-list" note="not imported" />
      <IssueGroup title="Warnings" issues={preview.warnings} testId="preview-warnings" note="imported, with a remark" />

      <div className="form-actions import-actions">
        <button
          type="button"
          className="button primary"
          disabled={importing || preview.nothingToDo || ownerPending(preview, choices)}
          onClick={onImport}
          data-testid="import-commit"
        >
          {importing ? 'Importing…' : importLabel(preview)}
        </button>
        <button type="button" className="button" disabled={importing} onClick={onCancel} data-testid="import-cancel">
          Cancel
        </button>
        <span className="field-hint">A backup of your data is taken first.</span>
      </div>
    </section>
  );
}

function ArchivePanel({
  archive,
  choices,
  disabled,
  onChoices,
}: {
  archive: ArchiveSummary;
  choices: ArchiveChoices | null;
  disabled: boolean;
  onChoices: (choices: ArchiveChoices) => void;
}) {
  const m = archive.messages;
  const leftOut = [
    [m.alreadyImported, 'already imported'],
    [m.largeConversations, m.largeConversations === 1 ? 'conversation with more than 8 people' : 'conversations with more than 8 people'],
    [m.withNobodyKnown, 'with nobody in Kith'],
    [m.drafts, m.drafts === 1 ? 'draft' : 'drafts'],
    [m.spam, 'spam'],
    [m.sponsored, 'sponsored'],
  ] as const;
  const leftOutText = leftOut.filter(([n]) => n > 0).map(([n, what]) => `${n.toLocaleString()} ${what}`).join(', ');
  const newPositions = archive.positions.filter((p) => p.isNew);
  const include = new Set(choices?.include ?? []);
  const toggle = (key: string, on: boolean) => {
    if (!choices) return;
    const next = new Set(include);
    if (on) next.add(key);
    else next.delete(key);
    onChoices({ ...choices, include: [...next] });
  };
  return (
    <section className="import-archive" aria-label="LinkedIn archive" data-testid="preview-archive">
      <div className="count-tiles">
        <CountTile n={m.entries} label="journal entries from messages" testId="preview-entries" tone="accent" />
        <CountTile n={archive.howWeMet} label="“how we met” from invitations" testId="preview-how-we-met" />
        <CountTile n={archive.notes} label="notes" testId="preview-notes" />
        <CountTile n={newPositions.length} label="of your positions" testId="preview-positions" />
        <CountTile n={archive.favors} label="recommendations" testId="preview-favors" />
      </div>
      <p className="field-hint" data-testid="preview-messages-note">
        {m.messages.toLocaleString()} messages: one journal entry per conversation and day, with the people in Kith.
        {leftOutText && ` Left out: ${leftOutText}.`}
        {archive.me && ` Your profile: ${archive.me}.`}
      </p>
      {choices && (
        <label className="toggle import-toggle">
          <input
            type="checkbox"
            checked={choices.messageText}
            disabled={disabled}
            onChange={(event) => onChoices({ ...choices, messageText: event.target.checked })}
            data-testid="preview-message-text"
          />
          <span>Import the text of messages too (otherwise each entry says how many messages were exchanged)</span>
        </label>
      )}
      {archive.senders.length > 0 && (
        <details className="import-group" open={archive.senders.length <= 20} data-testid="preview-senders">
          <summary>
            People who messaged you but are not connections <span className="section-count">{archive.senders.length}</span>
            <span className="import-group-note">tick the ones to add, such as recruiters</span>
          </summary>
          <ul className="import-rows">
            {archive.senders.slice(0, LIST_LIMIT).map((s) => (
              <li key={s.key} className="import-row" data-testid="preview-sender">
                <span className="import-where">sender</span>
                <label className="toggle import-name truncate">
                  <input type="checkbox" checked={include.has(s.key)} disabled={disabled || !choices} onChange={(event) => toggle(s.key, event.target.checked)} />
                  {s.name}
                </label>
                <span className="import-detail truncate">
                  {s.messages.toLocaleString()} {s.messages === 1 ? 'message' : 'messages'}
                </span>
              </li>
            ))}
          </ul>
          <More total={archive.senders.length} />
        </details>
      )}
      <details className="import-group" data-testid="preview-files">
        <summary>
          Files <span className="section-count">{archive.files.length}</span>
          <span className="import-group-note">each recognised by its header</span>
        </summary>
        <ul className="import-rows">
          {archive.files.map((f) => (
            <li key={f.name} className="import-row">
              <span className="import-where">file</span>
              <span className="import-name truncate">{f.name}</span>
              <span className="pill muted">{f.kind === 'other' ? 'not used' : f.kind}</span>
              <span className="import-detail truncate">{f.encoding ? ENCODING_LABELS[f.encoding] : ''}</span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function importLabel(preview: ImportPreview): string {
  const entries = preview.archive?.messages.entries ?? 0;
  if (preview.counts.newPeople === 0 && preview.counts.matchedPeople === 0 && entries > 0) return `Import ${entries.toLocaleString()} journal entries`;
  const { newPeople, matchedPeople } = preview.counts;
  if (newPeople > 0) return `Import ${newPeople.toLocaleString()} new ${newPeople === 1 ? 'person' : 'people'}`;
  if (matchedPeople > 0) return `Update ${matchedPeople.toLocaleString()} ${matchedPeople === 1 ? 'person' : 'people'}`;
  return 'Import';
}

function More({ total }: { total: number }) {
  if (total <= LIST_LIMIT) return null;
  return <p className="field-hint import-more">…and {(total - LIST_LIMIT).toLocaleString()} more.</p>;
}

function IssueGroup({ title, issues, testId, note }: { title: string; issues: readonly ImportIssue[]; testId: string; note: string }) {
  if (issues.length === 0) return null;
  return (
    <details className="import-group" open={issues.length <= 20} data-testid={testId}>
      <summary>
        {title} <span className="section-count">{issues.length}</span>
        <span className="import-group-note">{note}</span>
      </summary>
      <ul className="import-rows">
        {issues.slice(0, LIST_LIMIT).map((i, n) => (
          <li key={`${i.where}-${n}`} className="import-row issue" data-testid="preview-issue">
            <span className="import-where">{i.where}</span>
            <span className="import-detail">{i.message}</span>
          </li>
        ))}
      </ul>
      <More total={issues.length} />
    </details>
  );
}

function DonePanel({ fileName, result, onAnother }: { fileName: string; result: ImportResult; onAnother: () => void }) {
  const c = result.counts;
  const parts = [
    c.newPeople && `${c.newPeople.toLocaleString()} new ${c.newPeople === 1 ? 'person' : 'people'}`,
    c.updatedPeople && `${c.updatedPeople.toLocaleString()} updated`,
    c.newOrganizations && `${c.newOrganizations.toLocaleString()} new organizations`,
    c.newTies && `${c.newTies.toLocaleString()} new ties`,
    result.archive?.messages.entries && `${result.archive.messages.entries.toLocaleString()} journal entries from messages`,
    result.archive?.howWeMet && `${result.archive.howWeMet.toLocaleString()} “how we met”`,
    result.archive?.notes && `${result.archive.notes.toLocaleString()} notes`,
    result.archive?.favors && `${result.archive.favors.toLocaleString()} recommendations`,
  ].filter(Boolean);
  return (
    <section className="data-card import-done" data-testid="import-done" role="status">
      <h2 className="section-title">Imported {fileName}</h2>
      {result.theirs && (
        <p data-testid="import-done-theirs">
          As <a href={hrefFor.person(result.theirs.personId)}>{result.theirs.name}</a>'s connections: {result.theirs.secondDegree.toLocaleString()} second-degree{' '}
          {result.theirs.secondDegree === 1 ? 'person' : 'people'} added.
        </p>
      )}
      <p data-testid="import-done-summary">{parts.length ? `${parts.join(', ')}.` : 'Nothing changed: everything was already in Kith.'}</p>
      {/* The skipped rows and why, here: this said "see the preview for why" once the preview was gone (review 31). */}
      {c.skipped > 0 &&
        (result.skipped.length > 0 ? (
          <IssueGroup title="Skipped" issues={result.skipped} testId="import-done-skipped" note="not imported" />
        ) : (
          <p className="muted-text">
            {c.skipped.toLocaleString()} {c.skipped === 1 ? 'row was' : 'rows were'} skipped.
          </p>
        ))}
      <div className="form-actions">
        {/* Issue 17: just the people this import brought in, when it brought anyone. */}
        <a
          className="button primary"
          href={result.importBatch ? `${hrefFor.people()}?batch=${encodeURIComponent(result.importBatch)}` : hrefFor.people()}
          data-testid="import-see-people"
        >
          See the people
        </a>
        <button type="button" className="button" onClick={onAnother} data-testid="import-another">
          Import another file
        </button>
      </div>
    </section>
  );
}
