// The first steps for a Kith with nobody in it yet (issue 17): Home, People
// and the Network view show the same two ways in, instead of "You are all
// caught up" or an empty canvas. Shared so every empty view guides the same way.
import { useApp } from '../AppContext';
import { hrefFor } from '../router';
import { EmptyState } from './EmptyState';

export function GettingStarted({ testId, lead }: { testId: string; lead?: string }) {
  const { openNewPerson } = useApp();
  return (
    <EmptyState title="Start with the people you know" testId={testId}>
      <p>
        {lead ??
          'Kith keeps track of who you know, how well, and the paths between you. Bring in your LinkedIn connections, or add someone by hand.'}
      </p>
      <div className="getting-started-actions">
        <a className="button primary" href={hrefFor.import()} data-testid={`${testId}-import`}>
          Import your LinkedIn connections
        </a>
        <button type="button" className="button" onClick={openNewPerson} data-testid={`${testId}-add-person`}>
          Add a person
        </button>
      </div>
    </EmptyState>
  );
}
