// #/import: pick a file, see what it would do (import:preview), then import it
// whole or not at all (import:commit). The file is read here as bytes and
// crosses to main base64-encoded, where its encoding is found (issue 13); the
// renderer never sees a path.
import { useId, useRef, useState } from 'react';
import { ENCODING_LABELS, IMPORT_FORMATS, type ImportFormat, type ImportIssue, type ImportPreview, type ImportResult } from '../../../../shared/importExport';
import { ErrorNotice } from '../../components/ErrorNotice';
import { invoke } from '../../api';
import { errorMessage, mutate } from '../../data/mutate';
import { hrefFor } from '../../router';
import { detectFormat, FORMAT_LABELS } from './detectFormat';
import { sniffText, toBase64 } from '../../../../shared/importBytes';
import '../../styles/data.css';

type Step =
  | { kind: 'choose' }
  | { kind: 'previewing'; fileName: string }
  | { kind: 'preview'; fileName: string; bytes: string; preview: ImportPreview }
  | { kind: 'importing'; fileName: string; preview: ImportPreview }
  | { kind: 'done'; fileName: string; result: ImportResult };

const LIST_LIMIT = 200;

export function ImportView() {
  const [format, setFormat] = useState<ImportFormat | 'auto'>('auto');
  const [detected, setDetected] = useState<ImportFormat | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<{ title: string; message: string } | null>(null);
  const [file, setFile] = useState<{ name: string; bytes: string; head: string } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const formatId = useId();

  async function preview(name: string, bytes: string, head: string, chosen: ImportFormat | 'auto') {
    setError(null);
    const guess = detectFormat(name, head);
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
      const result = await invoke('import:preview', { format: effective, bytes });
      setStep({ kind: 'preview', fileName: name, bytes, preview: result });
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
    const bytes = toBase64(raw);
    const head = sniffText(raw);
    setFile({ name: picked.name, bytes, head });
    await preview(picked.name, bytes, head, format);
  }

  async function commit() {
    if (step.kind !== 'preview') return;
    setError(null);
    setStep({ kind: 'importing', fileName: step.fileName, preview: step.preview });
    try {
      const result = await mutate('import:commit', { format: step.preview.format, bytes: step.bytes });
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
          From a LinkedIn connections export, vCards, a Google Contacts CSV or a Kith JSON export. You see what would change first;
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
                accept=".csv,.txt,.vcf,.vcard,.json,text/csv,text/plain,text/vcard,application/json"
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
                if (file) void preview(file.name, file.bytes, file.head, next);
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
            LinkedIn: Settings → Data privacy → Get a copy of your data → Connections. Google Contacts: Export → Google CSV. Apple
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
          importing={step.kind === 'importing'}
          onImport={() => void commit()}
          onCancel={reset}
        />
      )}

      {step.kind === 'done' && <DonePanel fileName={step.fileName} result={step.result} onAnother={reset} />}
    </div>
  );
}

function CountTile({ n, label, testId, tone }: { n: number; label: string; testId: string; tone?: 'accent' | 'muted' }) {
  return (
    <div className={`count-tile${tone ? ` ${tone}` : ''}${n === 0 ? ' zero' : ''}`} data-testid={testId}>
      <span className="count-tile-n">{n.toLocaleString()}</span>
      <span className="count-tile-label">{label}</span>
    </div>
  );
}

function PreviewPanel({
  fileName,
  preview,
  importing,
  onImport,
  onCancel,
}: {
  fileName: string;
  preview: ImportPreview;
  importing: boolean;
  onImport: () => void;
  onCancel: () => void;
}) {
  const { counts } = preview;
  const withChanges = preview.matches.filter((m) => m.changes.length > 0).length;
  return (
    <section className="data-card import-preview" data-testid="import-preview" aria-label="Preview">
      <div className="section-header">
        <h2 className="section-title">
          {fileName}{' '}
          <span className="section-count">
            {FORMAT_LABELS[preview.format]} · {counts.records.toLocaleString()} records
            {preview.encoding && <span data-testid="preview-encoding"> · read as {ENCODING_LABELS[preview.encoding]}</span>}
          </span>
        </h2>
      </div>
      <div className="count-tiles">
        <CountTile n={counts.newPeople} label="new people" testId="preview-new-people" tone="accent" />
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

      <IssueGroup title="Skipped" issues={preview.skipped} testId="preview-skipped-list" note="not imported" />
      <IssueGroup title="Warnings" issues={preview.warnings} testId="preview-warnings" note="imported, with a remark" />

      <div className="form-actions import-actions">
        <button
          type="button"
          className="button primary"
          disabled={importing || preview.nothingToDo}
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

function importLabel(preview: ImportPreview): string {
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
  ].filter(Boolean);
  return (
    <section className="data-card import-done" data-testid="import-done" role="status">
      <h2 className="section-title">Imported {fileName}</h2>
      <p data-testid="import-done-summary">{parts.length ? `${parts.join(', ')}.` : 'Nothing changed: everything was already in Kith.'}</p>
      {c.skipped > 0 && (
        <p className="muted-text">
          {c.skipped.toLocaleString()} {c.skipped === 1 ? 'row was' : 'rows were'} skipped (see the preview for why).
        </p>
      )}
      <div className="form-actions">
        <a className="button primary" href={hrefFor.people()} data-testid="import-see-people">
          See the people
        </a>
        <button type="button" className="button" onClick={onAnother} data-testid="import-another">
          Import another file
        </button>
      </div>
    </section>
  );
}
