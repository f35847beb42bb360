import { useState, type FormEvent } from 'react';
import { ORGANIZATION_KINDS, OrganizationCreate, type OrganizationKind } from '../../../shared/domain';
import { InlineError } from '../components/ErrorNotice';
import { kindLabel } from '../orgKind';
import { Modal } from '../components/Modal';
import { fieldErrors, type FieldErrors } from '../data/fieldErrors';
import { errorMessage, mutate } from '../data/mutate';
import { hrefFor, navigate } from '../router';

export function NewOrganizationDialog({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganizationKind>('company');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setServerError(null);
    const parsed = OrganizationCreate.safeParse({ name, kind });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error, { name: 'Name' }));
    setErrors({});
    try {
      const org = await mutate('orgs:create', parsed.data);
      onClose();
      navigate(hrefFor.org(org.id));
    } catch (e) {
      setServerError(errorMessage(e));
    }
  };

  return (
    <Modal title="New organization" onClose={onClose} testId="new-org-dialog">
      <form className="dialog-form" onSubmit={submit} noValidate>
        <h2 className="dialog-title">New organization</h2>
        <label className={`form-field${errors.name ? ' invalid' : ''}`}>
          <span className="form-label">Name</span>
          <input className="input" autoFocus value={name} placeholder="Acme Labs" data-testid="new-org-name" onChange={(event) => setName(event.target.value)} />
          {errors.name && <span className="field-error">{errors.name}</span>}
        </label>
        <label className="form-field">
          <span className="form-label">Kind</span>
          <select className="select" value={kind} data-testid="new-org-kind" onChange={(event) => setKind(event.target.value as OrganizationKind)}>
            {ORGANIZATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </label>
        <InlineError message={serverError} />
        <div className="form-actions">
          <button type="submit" className="button primary" data-testid="create-org">
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
