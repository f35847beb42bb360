import { useEffect, useRef, useState } from 'react';
import type { Person } from '../../../shared/domain';
import { TIE_STRENGTH_LABELS } from '../../../shared/vocabulary';
import type { LikelyTie } from '../../../shared/likelyTies';
import { Avatar } from '../components/Avatar';
import { InlineError } from '../components/ErrorNotice';
import { errorMessage, mutate } from '../data/mutate';
import { useQuery } from '../data/useQuery';
import { hrefFor } from '../router';

function firstName(name: string): string {
  return name.trim().split(/\s+/u)[0] ?? name;
}

/**
 * "Who else might Ana know?" (issue 15): her likely ties, most confident first,
 * each with its evidence. Keyboard first, and only while the list has focus:
 * Y confirms at the suggested strength, 1–5 at that strength, N dismisses,
 * arrows move. Buttons do the same for the mouse.
 */
export function LikelyTiesSection({ person }: { person: Person }) {
  return <LikelyTiesList person={person} title={`Who else might ${firstName(person.displayName)} know?`} testId="likely-ties" />;
}

/**
 * The review queue across everyone (issue 15): the likely ties whose
 * confirmation would most warm my best routes to my target organizations
 * first, each naming the targets it helps. The same keys as the person list.
 */
export function LikelyTiesQueue() {
  return <LikelyTiesList person={null} title="Who might know whom" testId="likely-queue" />;
}

function LikelyTiesList({ person, title, testId }: { person: Person | null; title: string; testId: string }) {
  const query = useQuery('likelyTies:list', person ? { personId: person.id, limit: 50 } : { order: 'routeGain', limit: 10 });
  const items = query.data?.items ?? [];
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  const index = Math.min(active, Math.max(0, items.length - 1));

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${index}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [index]);

  if (!query.data || (items.length === 0 && !query.data.notice)) return null;

  const act = async (tie: LikelyTie, how: 'dismiss' | number) => {
    setError(null);
    try {
      if (how === 'dismiss') {
        await mutate('likelyTies:dismiss', { pairKey: tie.pairKey });
        setStatus(`Dismissed: ${tie.a.name} and ${tie.b.name}.`);
      } else {
        await mutate('likelyTies:confirm', { pairKey: tie.pairKey, strength: how });
        setStatus(`${tie.a.name} and ${tie.b.name} now have a tie (strength ${how}).`);
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLUListElement>) => {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const tie = items[index];
    const key = event.key.toLowerCase();
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(Math.max(0, Math.min(items.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      setActive(event.key === 'Home' ? 0 : items.length - 1);
    } else if (tie && key === 'y') {
      event.preventDefault();
      void act(tie, tie.suggestedStrength);
    } else if (tie && /^[1-5]$/.test(key)) {
      event.preventDefault();
      void act(tie, Number(key));
    } else if (tie && key === 'n') {
      event.preventDefault();
      void act(tie, 'dismiss');
    }
  };

  return (
    <section className="section likely-section" data-testid={testId}>
      <div className="section-header">
        <h2 className="section-title">
          {title} <span className="section-count">{query.data.total}</span>
        </h2>
      </div>
      <p className="muted-text likely-help">
        {person ? 'Guessed' : 'Likely ties that would most warm your routes to your targets come first; guessed'} from shared organizations, schools and journal entries; nothing becomes a tie until you confirm it. In the list: <kbd>Y</kbd> confirm,{' '}
        <kbd>1</kbd>–<kbd>5</kbd> confirm at that strength, <kbd>N</kbd> dismiss, <kbd>↑</kbd> <kbd>↓</kbd> move.
      </p>
      {query.data.notice && <p className="muted-text" data-testid="likely-notice">{query.data.notice}</p>}
      <InlineError message={error} />
      <p className="likely-status" role="status" aria-live="polite">
        {status}
      </p>
      {items.length > 0 && (
        <ul
          ref={listRef}
          className="rows likely-list"
          role="listbox"
          tabIndex={0}
          aria-label={title}
          aria-activedescendant={`likely-${items[index]!.pairKey}`}
          onKeyDown={onKeyDown}
          data-testid="likely-list"
        >
          {items.map((tie, i) => (
            <li
              key={tie.pairKey}
              id={`likely-${tie.pairKey}`}
              role="option"
              aria-selected={i === index}
              data-index={i}
              data-pair={tie.pairKey}
              className={`tie-row likely-row${i === index ? ' active' : ''}`}
              onMouseDown={() => setActive(i)}
              data-testid="likely-row"
            >
              <a href={hrefFor.person(tie.b.id)} className="tie-person" tabIndex={-1}>
                <Avatar name={tie.b.name} id={tie.b.id} />
                <span className="tie-person-text">
                  <span className="tie-name truncate">{person ? tie.b.name : `${tie.a.name} – ${tie.b.name}`}</span>
                  <span className="tie-org">
                    {Math.round(tie.confidence * 100)}% likely{tie.returned ? ' · back with new evidence' : ''}
                    {tie.helps?.length ? ` · helps reach ${tie.helps.map((h) => h.name).join(', ')}` : ''}
                  </span>
                </span>
              </a>
              <span className="likely-evidence" data-testid="likely-evidence">
                {tie.evidence.map((e) => e.text).join('; ')}
                {tie.askSize?.map((o) => (
                  <a key={o.organizationId} className="likely-ask-size" href={hrefFor.org(o.organizationId)} tabIndex={-1} data-testid="likely-ask-size">
                    How big is {o.name}? Setting its size sharpens this guess.
                  </a>
                ))}
              </span>
              <span className="likely-actions">
                {/* The strength in words: "Confirm (1)" read as a count (review 31). */}
                <button
                  type="button"
                  className="button small"
                  tabIndex={-1}
                  onClick={() => void act(tie, tie.suggestedStrength)}
                  title={`Confirm at strength ${tie.suggestedStrength} (Y); 1–5 confirms at another`}
                  data-testid="likely-confirm"
                >
                  Confirm as {TIE_STRENGTH_LABELS[tie.suggestedStrength] ?? tie.suggestedStrength}
                </button>
                <button type="button" className="button small" tabIndex={-1} onClick={() => void act(tie, 'dismiss')} data-testid="likely-dismiss">
                  Dismiss
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
