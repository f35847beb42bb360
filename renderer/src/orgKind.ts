import type { OrganizationKind } from '../../shared/domain';
import { organizationKindLabel } from '../../shared/vocabulary';

/** "nonprofit" → "Nonprofit", for display next to other text. */
export function kindLabel(kind: OrganizationKind): string {
  return organizationKindLabel(kind);
}
