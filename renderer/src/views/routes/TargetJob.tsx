import { useState } from 'react';
import { today } from '../../../../shared/clock';
import { TARGET_STAGES, type TargetStage } from '../../../../shared/targets';
import { InlineError } from '../../components/ErrorNotice';
import { errorMessage, mutate } from '../../data/mutate';
import { useQuery } from '../../data/useQuery';

export const STAGE_LABELS: Readonly<Record<TargetStage, string>> = {
  researching: 'Researching',
  reached_out: 'Reached out',
  referred: 'Referred',
  applied: 'Applied',
  interviewing: 'Interviewing',
  offer: 'Offer',
  closed: 'Closed',
};

/**
 * The job behind a target organization (issue 12): the role I am after (free
 * text) and where I stand, each stage change dated (today unless another
 * day is chosen: an application sent last week is logged as such). The drafted
 * introduction request names the role.
 */
export function TargetJob({ organizationId, onlyForTarget = false }: { organizationId: number; onlyForTarget?: boolean }) {
  const query = useQuery('targets:job', { organizationId });
  const target = useQuery('targets:get', { organizationId }, onlyForTarget);
  const [draft, setDraft] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The day the next stage was reached; null: today.
  const [on, setOn] = useState<string | null>(null);
  const job = query.data;
  if (!job) return query.error ? <InlineError message={query.error.message} /> : null;
  // On an organization's page the row shows once the organization is a target or has a job: on every
  // page it read "Role … Stage: Not started · On: today" with nothing to say what it was for (review 31).
  if (onlyForTarget && !target.data?.isTarget && job.role === '' && job.stage === null) return null;

  const save = async (input: { role?: string; stage?: TargetStage; on?: string }) => {
    setError(null);
    setBusy(true);
    try {
      await mutate('targets:setJob', { organizationId, ...input });
      if (input.role !== undefined) setDraft(null);
      if (input.stage !== undefined) setOn(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const role = draft ?? job.role;
  const changed = draft !== null && draft.trim() !== job.role;

  return (
    <section className="target-job" data-testid="target-job" aria-label="The job">
      <form
        className="target-job-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (changed) void save({ role: draft });
        }}
      >
        <label className="toolbar-field target-job-role">
          <span>Role</span>
          <input className="input" value={role} placeholder="The role you are after" onChange={(e) => setDraft(e.target.value)} data-testid="target-role" />
        </label>
        {changed && (
          <button type="submit" className="button small primary" disabled={busy} data-testid="target-role-save">
            Save role
          </button>
        )}
        <label className="toolbar-field">
          <span>Stage</span>
          <select
            className="select"
            value={job.stage ?? ''}
            disabled={busy}
            onChange={(e) => void save({ stage: e.target.value as TargetStage, ...(on ? { on } : {}) })}
            data-testid="target-stage"
          >
            {job.stage === null && <option value="">Not started</option>}
            {TARGET_STAGES.map((s) => (
              <option key={s} value={s}>
                {STAGE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar-field">
          <span>On</span>
          <input
            className="input"
            type="date"
            value={on ?? today()}
            max={today()}
            disabled={busy}
            onChange={(e) => setOn(e.target.value || null)}
            aria-label="The day the stage was reached"
            data-testid="target-stage-on"
          />
        </label>
      </form>
      <InlineError message={error} />
      {job.history.length > 0 && (
        <ol className="target-stage-history" aria-label="Stage history" data-testid="target-stage-history">
          {job.history.map((h, i) => (
            <li key={`${h.stage}-${h.on}-${i}`}>
              {STAGE_LABELS[h.stage]} <span className="muted-text">{h.on}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
