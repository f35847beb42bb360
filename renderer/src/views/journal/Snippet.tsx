import type { TextSegment } from '../../../../shared/journal';

/** A search snippet: the matched words as <mark> elements, everything as text (never HTML). */
export function Snippet({ segments, className }: { segments: readonly TextSegment[]; className?: string }) {
  return (
    <span className={`snippet ${className ?? ''}`} data-testid="snippet">
      {segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </span>
  );
}
