import { useState, type FormEvent } from 'react';
import { PersonPatch, type LabeledValue, type Person } from '../../../shared/domain';
import { InlineError } from '../components/ErrorNotice';
import { LabeledValuesEditor } from '../components/LabeledValuesEditor';
import { fieldErrors, type FieldErrors } from '../data/fieldErrors';
import { errorMessage, mutate } from '../data/mutate';

interface Draft {
  displayName: string;
  givenName: string;
  familyName: string;
  headline: string;
  location: string;
  emails: LabeledValue[];
  phones: LabeledValue[];
  links: LabeledValue[];
  howWeMet: string;
  notes: string;
  tags: string;
}

const LABELS: Record<string, string> = {
  displayName: 'Name',
  givenName: 'Given name',
  familyName: 'Family name',
  headline: 'Headline',
  location: 'Location',
  emails: 'Email',
  phones: 'Phone',
  links: 'Link',
  howWeMet: 'How we met',
  notes: 'Notes',
  tags: 'Tags',
};

function draftOf(person: Person): Draft {
  return {
    displayName: person.displayName,
    givenName: person.givenName,
    familyName: person.familyName,
    headline: person.headline,
    location: person.location,
    emails: person.emails,
    phones: person.phones,
    links: person.links,
    howWeMet: person.howWeMet,
    notes: person.notes,
    tags: person.tags.join(', '),
  };
}

/** Rows the user left completely blank are dropped rather than refused. */
function filledRows(rows: LabeledValue[]): LabeledValue[] {
  return rows
    .filter((r) => r.value.trim() !== '' || (r.label ?? '').trim() !== '')
    .map((r) => (r.label?.trim() ? { value: r.value, label: r.label.trim() } : { value: r.value }));
}

export function patchOf(draft: Draft): PersonPatch {
  return {
    displayName: draft.displayName,
    givenName: draft.givenName.trim(),
    familyName: draft.familyName.trim(),
    headline: draft.headline.trim(),
    location: draft.location.trim(),
    emails: filledRows(draft.emails),
    phones: filledRows(draft.phones),
    links: filledRows(draft.links),
    howWeMet: draft.howWeMet,
    notes: draft.notes,
    tags: [...new Set(draft.tags.split(',').map((t) => t.trim()).filter(Boolean))],
  };
}

export function PersonProfileForm({ person, onDone }: { person: Person; onDone: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(person));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setServerError(null);
    const parsed = PersonPatch.safeParse(patchOf(draft));
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error, LABELS));
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await mutate('people:update', { id: person.id, patch: parsed.data });
      onDone();
    } catch (error) {
      setServerError(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const text = (key: 'displayName' | 'givenName' | 'familyName' | 'headline' | 'location', autoFocus = false) => (
    <label className={`form-field${errors[key] ? ' invalid' : ''}`}>
      <span className="form-label">{LABELS[key]}</span>
      <input
        className="input"
        value={draft[key]}
        autoFocus={autoFocus}
        aria-invalid={errors[key] ? true : undefined}
        data-testid={`field-${key}`}
        onChange={(event) => set(key, event.target.value)}
      />
      {errors[key] && <span className="field-error" data-testid={`error-${key}`}>{errors[key]}</span>}
    </label>
  );

  return (
    <form
      className="section form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone();
        }
      }}
      data-testid="person-form"
      noValidate
    >
      <div className="section-header">
        <h2 className="section-title">Edit profile</h2>
      </div>
      <div className="form-grid">
        {text('displayName', true)}
        {text('headline')}
        {text('givenName')}
        {text('familyName')}
        {text('location')}
        <label className={`form-field${errors.tags ? ' invalid' : ''}`}>
          <span className="form-label">Tags</span>
          <input className="input" value={draft.tags} placeholder="mentor, design, Berlin" data-testid="field-tags" onChange={(event) => set('tags', event.target.value)} />
          <span className="field-hint">Separate tags with commas.</span>
          {errors.tags && <span className="field-error" data-testid="error-tags">{errors.tags}</span>}
        </label>
      </div>
      <LabeledValuesEditor label="Emails" singular="email" testId="emails" rows={draft.emails} onChange={(rows) => set('emails', rows)} error={errors.emails} />
      <LabeledValuesEditor label="Phones" singular="phone" testId="phones" rows={draft.phones} onChange={(rows) => set('phones', rows)} error={errors.phones} />
      <LabeledValuesEditor label="Links" singular="link" testId="links" rows={draft.links} onChange={(rows) => set('links', rows)} error={errors.links} />
      <label className={`form-field${errors.howWeMet ? ' invalid' : ''}`}>
        <span className="form-label">How we met</span>
        <textarea className="textarea" rows={2} value={draft.howWeMet} data-testid="field-howWeMet" onChange={(event) => set('howWeMet', event.target.value)} />
        {errors.howWeMet && <span className="field-error">{errors.howWeMet}</span>}
      </label>
      <label className={`form-field${errors.notes ? ' invalid' : ''}`}>
        <span className="form-label">Notes</span>
        <textarea className="textarea" rows={5} value={draft.notes} data-testid="field-notes" onChange={(event) => set('notes', event.target.value)} />
        {errors.notes && <span className="field-error">{errors.notes}</span>}
      </label>
      <InlineError message={serverError} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={saving} data-testid="save-person">
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button" onClick={onDone} data-testid="cancel-person">
          Cancel
        </button>
      </div>
    </form>
  );
}
