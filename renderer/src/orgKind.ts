import type { OrganizationKind } from '../../shared/domain';

/** "nonprofit" → "Nonprofit", for display next to other text. */
export function kindLabel(kind: OrganizationKind): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}
