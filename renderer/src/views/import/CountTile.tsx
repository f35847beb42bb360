/** One count in an import preview (people added, entries to write, …); a zero is shown faint. */
export function CountTile({ n, label, testId, tone }: { n: number; label: string; testId: string; tone?: 'accent' | 'muted' }) {
  return (
    <div className={`count-tile${tone ? ` ${tone}` : ''}${n === 0 ? ' zero' : ''}`} data-testid={testId}>
      <span className="count-tile-n">{n.toLocaleString()}</span>
      <span className="count-tile-label">{label}</span>
    </div>
  );
}
