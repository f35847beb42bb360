import { useState } from 'react';
import { InlineError } from '../../components/ErrorNotice';
import { errorMessage, mutate } from '../../data/mutate';
import { useQuery } from '../../data/useQuery';

/** "Target" on and off for an organization: the organizations I want to reach (organizations.is_target). */
export function TargetToggle({ organizationId, isTarget: known }: { organizationId: number; isTarget?: boolean | null }) {
  const query = useQuery('targets:get', { organizationId }, known === undefined || known === null);
  const isTarget = known ?? query.data?.isTarget;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (isTarget === undefined) return null;
  const toggle = async () => {
    setError(null);
    setBusy(true);
    try {
      await mutate('targets:set', { organizationId, isTarget: !isTarget });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className={`button target-toggle${isTarget ? ' on' : ''}`}
        aria-pressed={isTarget}
        disabled={busy}
        title={isTarget ? 'One of your targets: shown in Routes with its best route. Click to remove.' : 'Add to your targets: organizations you want to reach'}
        onClick={() => void toggle()}
        data-testid="target-toggle"
        data-target={isTarget ? 'true' : 'false'}
      >
        <span className="target-icon" aria-hidden="true" />
        {isTarget ? 'Target' : 'Add to targets'}
      </button>
      <InlineError message={error} />
    </>
  );
}
