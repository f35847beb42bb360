import { useState, type FormEvent } from 'react';
import { ORGANIZATION_KINDS, OrganizationPatch, SIZE_BANDS, type Organization, type OrganizationKind, type SizeBand } from '../../../shared/domain';
import { SIZE_BAND_LABELS } from '../../../shared/likelyTies';
import { InlineError } from '../components/ErrorNotice';
import { kindLabel } from '../orgKind';
import { fieldErrors, type FieldErrors } from '../data/fieldErrors';
import { errorMessage, mutate } from '../data/mutate';

const LABELS = { name: 'Name', kind: 'Kind', domain: 'Domain', notes: 'Notes' };

export function OrganizationForm({ organization, onDone }: { organization: Organization; onDone: () => void }) {
  const [name, setName] = useState(organization.name);
  const [kind, setKind] = useState<OrganizationKind>(organization.kind);
  const [domain, setDomain] = useState(organization.domain);
  const [notes, setNotes] = useState(organization.notes);
  const [sizeBand, setSizeBand] = useState<SizeBand | null>(organization.sizeBand);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setServerError(null);
    const parsed = OrganizationPatch.safeParse({ name, kind, domain, notes, sizeBand });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error, LABELS));
    setErrors({});
    try {
      await mutate('orgs:update', { id: organization.id, patch: parsed.data });
      onDone();
    } catch (e) {
      setServerError(errorMessage(e));
    }
  };

  return (
    <form
      className="section form"
      onSubmit={submit}
      noValidate
      data-testid="org-form"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone();
        }
      }}
    >
      <div className="form-grid">
        <label className={`form-field${errors.name ? ' invalid' : ''}`}>
          <span className="form-label">Name</span>
          <input className="input" autoFocus value={name} data-testid="org-field-name" onChange={(event) => setName(event.target.value)} />
          {errors.name && <span className="field-error" data-testid="error-name">{errors.name}</span>}
        </label>
        <label className="form-field">
          <span className="form-label">Kind</span>
          <select className="select" value={kind} data-testid="org-field-kind" onChange={(event) => setKind(event.target.value as OrganizationKind)}>
            {ORGANIZATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </label>
        <label className="form-field">
          <span className="form-label">Size</span>
          {/* Issue 15: how confident "both worked here" is; unknown counts as large. */}
          <select className="select" value={sizeBand ?? ''} data-testid="org-field-size" onChange={(event) => setSizeBand(event.target.value === '' ? null : (event.target.value as SizeBand))}>
            <option value="">Not known (counted as large)</option>
            {SIZE_BANDS.map((b) => (
              <option key={b} value={b}>
                {SIZE_BAND_LABELS[b]}
              </option>
            ))}
          </select>
        </label>
        <label className={`form-field${errors.domain ? ' invalid' : ''}`}>
          <span className="form-label">Domain</span>
          <input className="input" value={domain} placeholder="acme.com" data-testid="org-field-domain" onChange={(event) => setDomain(event.target.value)} />
          {errors.domain && <span className="field-error">{errors.domain}</span>}
        </label>
      </div>
      <label className="form-field">
        <span className="form-label">Notes</span>
        <textarea className="textarea" rows={4} value={notes} data-testid="org-field-notes" onChange={(event) => setNotes(event.target.value)} />
      </label>
      <InlineError message={serverError} />
      <div className="form-actions">
        <button type="submit" className="button primary" data-testid="save-org">
          Save
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
