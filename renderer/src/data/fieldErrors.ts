import type { z } from 'zod';

export type FieldErrors = Partial<Record<string, string>>;

/**
 * Turns zod issues into one readable message per top-level field:
 * `emails.1.value: cannot be empty` → `emails: Email 2 cannot be empty`.
 */
export function fieldErrors(error: z.ZodError, labels: Record<string, string>): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const [field, index] = issue.path;
    const key = typeof field === 'string' ? field : '_form';
    if (out[key]) continue;
    const label = labels[key] ?? key;
    const which = typeof index === 'number' ? `${label} ${index + 1}` : label;
    // Schema messages are either full sentences ("Name cannot be empty") or fragments ("is too long").
    const startsLower = /^[a-z]/.test(issue.message);
    out[key] = startsLower || typeof index === 'number' ? `${which} ${lowerFirst(issue.message, label)}` : issue.message;
  }
  return out;
}

function lowerFirst(message: string, label: string): string {
  const stripped = message.startsWith(label) ? message.slice(label.length).trimStart() : message;
  return stripped.charAt(0).toLowerCase() + stripped.slice(1);
}
