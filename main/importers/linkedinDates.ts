// The date shapes of LinkedIn's archive files (issue 13), each to an ISO date
// (or `YYYY-MM` for positions); null when the text is not such a date.
import { parseExportDate } from './normalize';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function valid(y: number, m: number, d: number): string | null {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === s ? s : null;
}

/** Two-digit years are this century: the archive holds nothing from before 2000 in that shape (LinkedIn began in 2003). */
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** Invitations' `1/29/26, 2:37 PM`, recommendations' `05/20/25` (US month/day/year), or any date parseExportDate reads. */
export function parseUsDate(raw: string): string | null {
  const text = raw.trim();
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?\s*([AP]M)?)?$/i.exec(text);
  if (m) return valid(fullYear(m[3]!), Number(m[1]), Number(m[2]));
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/.exec(text);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return parseExportDate(text);
}

/** Positions' `Jan 2024` to `2024-01`, or `2024` alone; null otherwise. */
export function parseMonthYear(raw: string): string | null {
  const text = raw.trim();
  const m = /^([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS[m[1]!.slice(0, m[1]!.toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()];
    return month ? `${m[2]}-${String(month).padStart(2, '0')}` : null;
  }
  if (/^\d{4}$/.test(text)) return text;
  const iso = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(text);
  if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12) return `${iso[1]}-${iso[2]}`;
  return null;
}
