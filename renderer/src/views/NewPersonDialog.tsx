import { useState, type FormEvent } from 'react';
import { PersonCreate } from '../../../shared/domain';
import { InlineError } from '../components/ErrorNotice';
import { Modal } from '../components/Modal';
import { StrengthPicker } from '../components/StrengthPicker';
import { useApp } from '../AppContext';
import { fieldErrors, type FieldErrors } from '../data/fieldErrors';
import { errorMessage, mutate } from '../data/mutate';
import { hrefFor, navigate } from '../router';
import { HiringManagerHint, useSuggestedRoles } from './RoleSuggestion';

const LABELS = { displayName: 'Name', headline: 'Headline' };

/** A small form: a name is enough; optionally where they work and how well I know them. */
export function NewPersonDialog({ onClose }: { onClose: () => void }) {
  const { info } = useApp();
  const [displayName, setDisplayName] = useState('');
  const [headline, setHeadline] = useState('');
  const [organization, setOrganization] = useState('');
  const [title, setTitle] = useState('');
  const [strength, setStrength] = useState<number | null>(null);
  const role = useSuggestedRoles(title);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setServerError(null);
    const parsed = PersonCreate.safeParse({ displayName, headline: headline.trim() || undefined });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error, LABELS));
    setErrors({});
    setSaving(true);
    try {
      const person = await mutate('people:create', parsed.data);
      // The person exists now; the extras are best effort, reported but not undone.
      if (organization.trim()) {
        await mutate('affiliations:create', {
          personId: person.id,
          organizationName: organization.trim(),
          title: title.trim(),
          current: true,
          isHiringManager: role.roles.isHiringManager,
          isRecruiter: role.roles.isRecruiter,
        });
      }
      if (strength !== null) await mutate('ties:create', { personA: info.me.id, personB: person.id, strength });
      onClose();
      navigate(hrefFor.person(person.id));
    } catch (e) {
      setServerError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title="New person" onClose={onClose} testId="new-person-dialog">
      <form className="dialog-form" onSubmit={submit} noValidate>
        <h2 className="dialog-title">New person</h2>
        <label className={`form-field${errors.displayName ? ' invalid' : ''}`}>
          <span className="form-label">Name</span>
          <input className="input" autoFocus value={displayName} placeholder="Ana Acosta" data-testid="new-person-name" onChange={(event) => setDisplayName(event.target.value)} />
          {errors.displayName && (
            <span className="field-error" data-testid="error-displayName">
              {errors.displayName}
            </span>
          )}
        </label>
        <label className="form-field">
          <span className="form-label">Headline</span>
          <input className="input" value={headline} placeholder="Product designer, ex-Acme" data-testid="new-person-headline" onChange={(event) => setHeadline(event.target.value)} />
        </label>
        <div className="form-grid">
          <label className="form-field">
            <span className="form-label">Works at</span>
            <input className="input" value={organization} placeholder="Organization" data-testid="new-person-org" onChange={(event) => setOrganization(event.target.value)} />
          </label>
          <label className="form-field">
            <span className="form-label">Title</span>
            <input className="input" value={title} placeholder="Title" data-testid="new-person-title" onChange={(event) => setTitle(event.target.value)} />
          </label>
        </div>
        {organization.trim() && title.trim() && (
          <div className="checkbox-row" data-testid="new-person-roles">
            <label className="toggle">
              <input
                type="checkbox"
                checked={role.roles.isHiringManager}
                data-testid="new-person-hiring"
                onChange={(event) => role.set({ ...role.roles, isHiringManager: event.target.checked })}
              />
              <span>Hiring manager</span>
            </label>
            <label className="toggle">
              <input
                type="checkbox"
                checked={role.roles.isRecruiter}
                data-testid="new-person-recruiter"
                onChange={(event) => role.set({ ...role.roles, isRecruiter: event.target.checked })}
              />
              <span>Recruiter</span>
            </label>
          </div>
        )}
        {organization.trim() && (
          <HiringManagerHint title={title} roles={role.roles} onAccept={() => role.set({ ...role.roles, isHiringManager: true })} testId="new-person-role-hint" />
        )}
        <div className="form-field">
          <span className="form-label">How well do you know them?</span>
          <StrengthPicker value={strength} onChange={setStrength} label="Your tie strength" testId="new-person-strength" />
        </div>
        <InlineError message={serverError} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={saving} data-testid="create-person">
            Create
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
