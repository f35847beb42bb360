// Journal bodies and notes as Markdown (see MarkdownBody.tsx for how links,
// raw HTML and images are kept inert). The renderer is a chunk of its own
// (issue 17, lazyMarkdown.ts): the app's start does not wait for it. The views
// that show Markdown load it with their code; should it still be loading (or
// have failed), the text shows as plain paragraphs in the same box.
import { Suspense } from 'react';
import { findMentions } from '../../../shared/mentions';
import { MarkdownBody } from './lazyMarkdown';

/**
 * "@Ana Acosta" → "[@Ana Acosta](#/people/12)" for the people given, so the
 * reader shows mentions as links. Brackets and backslashes in a name are
 * escaped so a name cannot change the Markdown around it.
 */
export function linkMentions(text: string, people: readonly { id: number; displayName: string }[]): string {
  if (people.length === 0) return text;
  const found = findMentions(
    text,
    people.map((p) => ({ id: p.id, name: p.displayName })),
  ).filter((m) => m.personId !== null);
  let out = '';
  let at = 0;
  for (const m of found) {
    const label = text.slice(m.start, m.end).replace(/[\\[\]]/gu, (c) => `\\${c}`);
    out += `${text.slice(at, m.start)}[${label}](#/people/${m.personId})`;
    at = m.end;
  }
  return out + text.slice(at);
}

/** The text as paragraphs (blank lines between them), as Markdown would break it, while the renderer loads. */
function PlainParagraphs({ text }: { text: string }) {
  return text
    .split(/\n[ \t]*\n/u)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph, i) => <p key={i}>{paragraph}</p>);
}

export function Markdown({
  text,
  className,
  testId,
  people,
}: {
  text: string;
  className?: string;
  testId?: string;
  /** People whose @mentions become links to their pages. */
  people?: readonly { id: number; displayName: string }[];
}) {
  return (
    <div className={`markdown ${className ?? ''}`} data-testid={testId ?? 'markdown'}>
      <Suspense fallback={<PlainParagraphs text={text} />}>
        <MarkdownBody markdown={people ? linkMentions(text, people) : text} />
      </Suspense>
    </div>
  );
}
