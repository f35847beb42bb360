import { useState, type FormEvent } from 'react';
import { PartialDate, type Affiliation } from '../../../shared/domain';
import { InlineError } from '../components/ErrorNotice';
import { errorMessage, mutate } from '../data/mutate';
import { OrganizationCombobox } from './OrganizationCombobox';
import { HiringManagerHint, useSuggestedRoles } from './RoleSuggestion';

interface Props {
  personId: number;
  /** Editing an existing affiliation; absent when adding one. */
  affiliation?: Affiliation;
  onDone: () => void;
}

type Errors = Partial<Record<'organization' | 'startDate' | 'endDate', string>>;

function checkDate(label: string, value: string): string | undefined {
  if (!value) return undefined;
  const parsed = PartialDate.safeParse(value);
  return parsed.success ? undefined : `${label} ${parsed.error.issues[0]?.message ?? 'is not a date'}`;
}

export function AffiliationForm({ personId, affiliation, onDone }: Props) {
  const [orgName, setOrgName] = useState('');
  const [orgId, setOrgId] = useState<number | null>(null);
  const [title, setTitle] = useState(affiliation?.title ?? '');
  const [startDate, setStartDate] = useState(affiliation?.startDate ?? '');
  const [endDate, setEndDate] = useState(affiliation?.endDate ?? '');
  const [current, setCurrent] = useState(affiliation?.current ?? true);
  // A new job follows its title (issue 17: the same rules as the importers); an existing one keeps what was set.
  const role = useSuggestedRoles(title, affiliation ? { isHiringManager: affiliation.isHiringManager, isRecruiter: affiliation.isRecruiter } : undefined);
  const { isHiringManager, isRecruiter } = role.roles;
  const setHiringManager = (value: boolean) => role.set({ ...role.roles, isHiringManager: value });
  const setRecruiter = (value: boolean) => role.set({ ...role.roles, isRecruiter: value });
  const [isReferrer, setReferrer] = useState(affiliation?.isReferrer ?? false);
  const [errors, setErrors] = useState<Errors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setServerError(null);
    const start = startDate.trim();
    const end = endDate.trim();
    const next: Errors = {
      organization: !affiliation && !orgName.trim() ? 'Organization name cannot be empty' : undefined,
      startDate: checkDate('Start date', start),
      endDate: checkDate('End date', end),
    };
    if (!next.startDate && !next.endDate && start && end && end.localeCompare(start.slice(0, end.length)) < 0) {
      next.endDate = 'The end date is before the start date.';
    }
    setErrors(next);
    if (next.organization || next.startDate || next.endDate) return;

    const fields = {
      title: title.trim(),
      startDate: start || null,
      endDate: end || null,
      current,
      isHiringManager,
      isRecruiter,
      isReferrer,
    };
    setSaving(true);
    try {
      if (affiliation) await mutate('affiliations:update', { id: affiliation.id, patch: fields });
      else if (orgId !== null) await mutate('affiliations:create', { personId, organizationId: orgId, ...fields });
      else await mutate('affiliations:create', { personId, organizationName: orgName.trim(), ...fields });
      onDone();
    } catch (e) {
      setServerError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="add-form"
      onSubmit={submit}
      noValidate
      data-testid="affiliation-form"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onDone();
        }
      }}
    >
      <div className="form-grid">
        {affiliation ? (
          <div className="form-field">
            <span className="form-label">Organization</span>
            <span className="static-value truncate">{affiliation.organizationName}</span>
          </div>
        ) : (
          <div className={`form-field${errors.organization ? ' invalid' : ''}`}>
            <span className="form-label">Organization</span>
            <OrganizationCombobox
              value={orgName}
              onValueChange={(text) => {
                setOrgName(text);
                setOrgId(null);
              }}
              onPick={(id, name) => {
                setOrgId(id);
                setOrgName(name);
              }}
            />
            {errors.organization && <span className="field-error">{errors.organization}</span>}
          </div>
        )}
        <label className="form-field">
          <span className="form-label">Title</span>
          <input className="input" value={title} autoFocus={!!affiliation} placeholder="Staff engineer" data-testid="affiliation-title-input" onChange={(event) => setTitle(event.target.value)} />
        </label>
        <label className={`form-field${errors.startDate ? ' invalid' : ''}`}>
          <span className="form-label">Start</span>
          <input className="input" value={startDate} placeholder="2024, 2024-03 or 2024-03-15" data-testid="affiliation-start" onChange={(event) => setStartDate(event.target.value)} />
          {errors.startDate && <span className="field-error" data-testid="error-startDate">{errors.startDate}</span>}
        </label>
        <label className={`form-field${errors.endDate ? ' invalid' : ''}`}>
          <span className="form-label">End</span>
          <input
            className="input"
            value={endDate}
            placeholder={current ? 'still there' : '2025-06'}
            data-testid="affiliation-end"
            onChange={(event) => {
              setEndDate(event.target.value);
              if (event.target.value.trim()) setCurrent(false);
            }}
          />
          {errors.endDate && <span className="field-error" data-testid="error-endDate">{errors.endDate}</span>}
        </label>
      </div>
      <HiringManagerHint title={title} roles={role.roles} onAccept={() => setHiringManager(true)} testId="affiliation-role-hint" />
      <div className="checkbox-row">
        <label className="toggle">
          <input type="checkbox" checked={current} onChange={(event) => setCurrent(event.target.checked)} data-testid="affiliation-current" />
          <span>Works there now</span>
        </label>
        <label className="toggle">
          <input type="checkbox" checked={isHiringManager} onChange={(event) => setHiringManager(event.target.checked)} data-testid="affiliation-hiring" />
          <span>Hiring manager</span>
        </label>
        <label className="toggle">
          <input type="checkbox" checked={isRecruiter} onChange={(event) => setRecruiter(event.target.checked)} data-testid="affiliation-recruiter" />
          <span>Recruiter</span>
        </label>
        <label className="toggle">
          <input type="checkbox" checked={isReferrer} onChange={(event) => setReferrer(event.target.checked)} data-testid="affiliation-referrer" />
          <span>Can refer</span>
        </label>
      </div>
      <InlineError message={serverError} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={saving} data-testid="save-affiliation">
          {affiliation ? 'Save' : 'Add'}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
