// Meetings and mail (issue 14): a calendar (.ics) or an mbox into the journal.
// Files are chosen with the native dialog in main (history:chooseFile answers a
// token, never a path); a calendar may also be picked here and sent as bytes.
// The preview shows what would be added and what is left out, asks for my
// e-mail addresses and the attendee limit, and offers the people not in Kith,
// unticked. Reading an mbox shows its progress and can be cancelled: nothing is
// written until the one transaction at the end.
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_MAX_ATTENDEES, type HistoryPreview, type HistoryRequest, type HistoryResult, type HistorySource } from '../../../../shared/history';
import type { ImportIssue } from '../../../../shared/importExport';
import { toBase64 } from '../../../../shared/importBytes';
import { invoke } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { errorMessage, mutate } from '../../data/mutate';
import { hrefFor } from '../../router';
import { CountTile } from './CountTile';

type Input = { source: HistorySource; name: string } & ({ file: string } | { bytes: string });

interface Choices {
  myEmails: string;
  maxAttendees: number;
  include: string[];
}

type Step =
  | { kind: 'idle' }
  | { kind: 'reading'; input: Input; run: string; importing: boolean }
  | { kind: 'preview'; input: Input; preview: HistoryPreview; choices: Choices }
  | { kind: 'done'; input: Input; result: HistoryResult };

const LIST_LIMIT = 200;
const LABEL: Record<HistorySource, string> = { ics: 'calendar', mbox: 'mail' };

const splitEmails = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter(Boolean);

function requestOf(input: Input, choices: Choices | null, run: string): HistoryRequest {
  const what = 'file' in input ? { file: input.file } : { bytes: input.bytes };
  const emails = choices ? splitEmails(choices.myEmails) : [];
  return {
    source: input.source,
    ...what,
    run,
    ...(choices ? { maxAttendees: choices.maxAttendees, include: choices.include } : {}),
    ...(emails.length ? { myEmails: emails } : {}),
  };
}

export function HistoryImport() {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [error, setError] = useState<{ title: string; message: string } | null>(null);
  const [progress, setProgress] = useState<{ bytesRead: number; totalBytes: number } | null>(null);
  const [savedEmails, setSavedEmails] = useState<string[]>([]);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    invoke('settings:myEmails', {})
      .then((r) => setSavedEmails(r.emails))
      .catch(() => undefined);
  }, []);

  // While a file is read, its progress is asked for a few times a second.
  const reading = step.kind === 'reading' ? step.run : null;
  useEffect(() => {
    if (!reading) return;
    const timer = setInterval(() => {
      invoke('history:progress', { run: reading })
        .then((p) => p && setProgress({ bytesRead: p.bytesRead, totalBytes: p.totalBytes }))
        .catch(() => undefined);
    }, 200);
    return () => clearInterval(timer);
  }, [reading]);

  async function preview(input: Input, choices: Choices | null) {
    setError(null);
    setProgress(null);
    const run = crypto.randomUUID();
    setStep({ kind: 'reading', input, run, importing: false });
    try {
      const result = await invoke('history:preview', requestOf(input, choices, run));
      setStep({
        kind: 'preview',
        input,
        preview: result,
        choices: choices ?? { myEmails: (savedEmails.length ? savedEmails : result.myEmails).join(', '), maxAttendees: result.calendar?.maxAttendees ?? DEFAULT_MAX_ATTENDEES, include: [] },
      });
    } catch (e) {
      setStep({ kind: 'idle' });
      setError({ title: `${input.name} could not be read as ${LABEL[input.source]}`, message: errorMessage(e) });
    }
  }

  async function choose(source: HistorySource) {
    setError(null);
    try {
      const chosen = await invoke('history:chooseFile', { source });
      if (chosen) await preview({ source, name: chosen.name, file: chosen.token }, null);
    } catch (e) {
      setError({ title: 'The file could not be opened', message: errorMessage(e) });
    }
  }

  async function onCalendarFile(list: FileList | null) {
    const picked = list?.[0];
    if (!picked) return;
    try {
      const bytes = toBase64(new Uint8Array(await picked.arrayBuffer()));
      await preview({ source: 'ics', name: picked.name, bytes }, null);
    } catch (e) {
      setError({ title: `${picked.name} could not be read`, message: errorMessage(e) });
    }
  }

  async function commit() {
    if (step.kind !== 'preview') return;
    const before = step;
    const run = crypto.randomUUID();
    setError(null);
    setProgress(null);
    setStep({ kind: 'reading', input: step.input, run, importing: true });
    try {
      const result = await mutate('history:commit', requestOf(before.input, before.choices, run));
      setSavedEmails(result.myEmails);
      setStep({ kind: 'done', input: before.input, result });
    } catch (e) {
      setStep(before);
      setError({ title: 'Nothing was imported', message: errorMessage(e) });
    }
  }

  async function cancelRun() {
    if (step.kind !== 'reading') return;
    await invoke('history:cancel', { run: step.run }).catch(() => undefined);
  }

  function reset() {
    setStep({ kind: 'idle' });
    setError(null);
    setProgress(null);
    if (inputRef.current) inputRef.current.value = '';
  }

  const busy = step.kind === 'reading';

  return (
    <section className="data-card import-history" aria-label="Meetings and mail" data-testid="history-import">
      <div className="section-header">
        <h2 className="section-title">Meetings and mail</h2>
      </div>
      <p className="muted-text">
        A calendar (.ics from Google, Outlook or Apple) becomes meetings in the journal; an mbox (Gmail Takeout, Thunderbird) becomes
        one entry per day you wrote with someone. Only headers are read from mail, never the messages themselves.
      </p>
      {(step.kind === 'idle' || busy) && (
        <div className="form-actions history-pickers">
          <span className="file-picker">
            <input
              ref={inputRef}
              type="file"
              className="file-input"
              accept=".ics,.ical,text/calendar"
              disabled={busy}
              onChange={(event) => void onCalendarFile(event.target.files)}
              data-testid="history-ics-file"
              aria-label="Calendar file (.ics)"
            />
            <span className="button" aria-hidden="true">
              Choose calendar (.ics)…
            </span>
          </span>
          <button type="button" className="button" disabled={busy} onClick={() => void choose('mbox')} data-testid="history-choose-mbox">
            Choose mail (.mbox)…
          </button>
        </div>
      )}

      {error && <ErrorNotice title={error.title} message={error.message} />}

      {step.kind === 'reading' && (
        <div className="history-progress" aria-busy="true" data-testid="history-reading">
          <p className="muted-text">
            {step.importing ? 'Importing' : 'Reading'} {step.input.name}…
          </p>
          {progress && progress.totalBytes > 0 && (
            <progress max={progress.totalBytes} value={progress.bytesRead} aria-label="How much of the file was read" data-testid="history-progress" />
          )}
          {step.input.source === 'mbox' && (
            <button type="button" className="button" onClick={() => void cancelRun()} data-testid="history-cancel-run">
              Cancel
            </button>
          )}
        </div>
      )}

      {step.kind === 'preview' && (
        <HistoryPreviewPanel
          name={step.input.name}
          preview={step.preview}
          choices={step.choices}
          onChoices={(choices) => void preview(step.input, choices)}
          onImport={() => void commit()}
          onCancel={reset}
        />
      )}

      {step.kind === 'done' && (
        <div className="import-done" role="status" data-testid="history-done">
          <h3 className="section-title">Imported {step.input.name}</h3>
          <p data-testid="history-done-summary">{doneText(step.result)}</p>
          <div className="form-actions">
            <a className="button primary" href={hrefFor.journal()}>
              See the journal
            </a>
            <button type="button" className="button" onClick={reset}>
              Import another file
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function entriesOf(p: HistoryPreview): number {
  return p.calendar ? p.calendar.entries + p.calendar.updated : p.mail ? p.mail.entries + p.mail.updated : 0;
}

function doneText(r: HistoryResult): string {
  const n = entriesOf(r);
  if (r.nothingToDo) return 'Nothing changed: everything was already in Kith.';
  const people = r.newPeople ? `, ${r.newPeople} new ${r.newPeople === 1 ? 'person' : 'people'}` : '';
  return `${n.toLocaleString()} journal ${n === 1 ? 'entry' : 'entries'}${people}.`;
}

function leftOutText(p: HistoryPreview): string {
  const parts: [number, string][] = [];
  if (p.calendar) {
    const c = p.calendar;
    parts.push(
      [c.alreadyImported, 'already imported'],
      [c.leftOut.declined, 'declined'],
      [c.leftOut.cancelled, 'cancelled'],
      [c.leftOut.tooManyAttendees, `with more than ${c.maxAttendees} people`],
      [c.leftOut.noMatchedAttendee, 'with nobody in Kith'],
      [c.leftOut.noAttendees, 'with no one else'],
      [c.leftOut.future, 'in the future'],
    );
  }
  if (p.mail) {
    const m = p.mail;
    parts.push(
      [m.alreadyImported, 'days already imported'],
      [m.leftOut.mailingLists, 'from mailing lists'],
      [m.leftOut.tooManyRecipients, `to more than ${m.maxRecipients} people`],
      [m.leftOut.noReply, 'from no-reply senders'],
      [m.leftOut.withNobodyKnown, 'with nobody in Kith'],
      [m.leftOut.undated, 'without a date'],
      [m.leftOut.malformed, 'malformed'],
      [m.leftOut.duplicates, 'repeated'],
    );
  }
  return parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n.toLocaleString()} ${what}`)
    .join(', ');
}

function HistoryPreviewPanel({
  name,
  preview,
  choices,
  onChoices,
  onImport,
  onCancel,
}: {
  name: string;
  preview: HistoryPreview;
  choices: Choices;
  onChoices: (choices: Choices) => void;
  onImport: () => void;
  onCancel: () => void;
}) {
  const [emails, setEmails] = useState(choices.myEmails);
  const [limit, setLimit] = useState(String(choices.maxAttendees));
  const c = preview.calendar;
  const m = preview.mail;
  const left = leftOutText(preview);
  const include = new Set(choices.include);
  const toggle = (key: string, on: boolean) => {
    const next = new Set(include);
    if (on) next.add(key);
    else next.delete(key);
    onChoices({ ...choices, include: [...next] });
  };
  const applyLimit = () => {
    const n = Number(limit);
    if (Number.isInteger(n) && n >= 1 && n <= 500 && n !== choices.maxAttendees) onChoices({ ...choices, maxAttendees: n });
  };
  const n = entriesOf(preview);
  return (
    <div className="import-preview" data-testid="history-preview">
      <h3 className="section-title">
        {name} <span className="section-count">{c ? `${c.events.toLocaleString()} events` : `${(m?.messages ?? 0).toLocaleString()} messages`}</span>
      </h3>
      <div className="count-tiles">
        <CountTile n={n} label={c ? 'meetings for the journal' : 'days of mail for the journal'} testId="history-entries" tone="accent" />
        {c && <CountTile n={c.seriesMonths} label="months of recurring meetings" testId="history-series" />}
        <CountTile n={preview.newPeople} label="new people (ticked)" testId="history-new-people" />
        <CountTile n={preview.skipped.length} label="could not be read" testId="history-skipped" tone="muted" />
      </div>
      {left && (
        <p className="field-hint" data-testid="history-left-out">
          Left out: {left}.
        </p>
      )}
      <form
        className="history-options"
        onSubmit={(event) => {
          event.preventDefault();
          onChoices({ ...choices, myEmails: emails });
        }}
      >
        <label className="form-field">
          <span className="form-label">My e-mail addresses</span>
          <input className="input" value={emails} onChange={(event) => setEmails(event.target.value)} placeholder="me@example.org, me@work.example" data-testid="history-my-emails" />
          <span className="field-hint">Mail from these is mail you sent; events they declined are left out. Kept in Settings.</span>
        </label>
        {c && (
          <label className="form-field">
            <span className="form-label">Leave out events with more than</span>
            <span className="history-limit">
              <input
                className="input"
                type="number"
                min={1}
                max={500}
                value={limit}
                onChange={(event) => setLimit(event.target.value)}
                onBlur={applyLimit}
                data-testid="history-max-attendees"
              />{' '}
              people (rooms and resources do not count)
            </span>
          </label>
        )}
        <button type="submit" className="button" data-testid="history-apply" onClick={applyLimit}>
          Preview again
        </button>
      </form>
      {preview.offered.length > 0 && (
        <details className="import-group" open={preview.offered.length <= 20} data-testid="history-offered">
          <summary>
            People not in Kith <span className="section-count">{preview.offered.length}</span>
            <span className="import-group-note">tick the ones to add; their {c ? 'meetings' : 'mail'} come in with them</span>
          </summary>
          <ul className="import-rows">
            {preview.offered.slice(0, LIST_LIMIT).map((o) => (
              <li key={o.key} className="import-row" data-testid="history-offered-person">
                <span className="import-where">{c ? 'attendee' : 'wrote'}</span>
                <label className="toggle import-name truncate">
                  <input type="checkbox" checked={include.has(o.key)} onChange={(event) => toggle(o.key, event.target.checked)} />
                  {o.name}
                </label>
                <span className="import-detail truncate" title={o.email}>
                  {o.name !== o.email ? `${o.email} · ` : ''}
                  {o.items.toLocaleString()} {c ? (o.items === 1 ? 'meeting' : 'meetings') : o.items === 1 ? 'message' : 'messages'}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <Issues title="Could not be read" issues={preview.skipped} testId="history-skipped-list" />
      <Issues title="Warnings" issues={preview.warnings} testId="history-warnings" />
      <div className="form-actions import-actions">
        <button type="button" className="button primary" disabled={preview.nothingToDo} onClick={onImport} data-testid="history-commit">
          {preview.nothingToDo ? 'Nothing new to import' : `Import ${n.toLocaleString()} journal ${n === 1 ? 'entry' : 'entries'}`}
        </button>
        <button type="button" className="button" onClick={onCancel} data-testid="history-cancel">
          Cancel
        </button>
        <span className="field-hint">A backup of your data is taken first.</span>
      </div>
    </div>
  );
}


function Issues({ title, issues, testId }: { title: string; issues: readonly ImportIssue[]; testId: string }) {
  if (issues.length === 0) return null;
  return (
    <details className="import-group" open={issues.length <= 20} data-testid={testId}>
      <summary>
        {title} <span className="section-count">{issues.length}</span>
      </summary>
      <ul className="import-rows">
        {issues.slice(0, LIST_LIMIT).map((i, k) => (
          <li key={`${i.where}-${k}`} className="import-row issue">
            <span className="import-where">{i.where}</span>
            <span className="import-detail">{i.message}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
