import { EmptyState } from '../components/EmptyState';
import { hrefFor } from '../router';

export function NotFound({ path }: { path: string }) {
  return (
    <EmptyState title="Nothing lives here" testId="not-found">
      <p>Kith has no page at “{path}”.</p>
      <a href={hrefFor.people()}>Go to People</a>
    </EmptyState>
  );
}
