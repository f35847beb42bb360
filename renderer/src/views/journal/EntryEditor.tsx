// Write or edit a journal entry (issue 3): when, kind, title, a Markdown body
// and who it was with. People are added with the picker; "@name" in the body
// links a person without making them a participant (issue 17: a mention is
// not contact); a name nobody has can become a new person on save, mentioned
// (issue 17: "Add as a new person" from an @mention made them a participant).
import { useLayoutEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { activeMention, findMentions, suggestMentions, type KnownName } from '../../../../shared/mentions';
import { INTERACTION_KIND_LABELS, INTERACTION_KINDS, JournalCreate, type InteractionKind } from '../../../../shared/journal';
import { InlineError } from '../../components/ErrorNotice';
import { Modal } from '../../components/Modal';
import { errorMessage, mutate } from '../../data/mutate';
import { useQuery } from '../../data/useQuery';
import { today } from './clock';
import type { EditorRequest } from './journalUi';
import { OrganizationPicker, PersonPicker, type PickedPerson } from './pickers';
import '../../styles/journal.css';

export interface Props {
  request: EditorRequest;
  onClose: () => void;
}

export function EntryEditor({ request, onClose }: Props) {
  const entry = request.entry;
  const [date, setDate] = useState(entry ? entry.occurredAt.slice(0, 10) : today());
  const [time, setTime] = useState(entry ? (/T(\d{2}:\d{2})/.exec(entry.occurredAt)?.[1] ?? '') : '');
  const [kind, setKind] = useState<InteractionKind>(entry?.kind ?? request.draft?.kind ?? 'coffee');
  const [title, setTitle] = useState(entry?.title ?? request.draft?.title ?? '');
  const [body, setBody] = useState(entry?.body ?? '');
  const [picked, setPicked] = useState<PickedPerson[]>(
    entry ? entry.participants.map((p) => ({ id: p.id, displayName: p.displayName })) : (request.participants ?? []),
  );
  const [org, setOrg] = useState<{ id: number; name: string } | null>(
    entry?.organizationId ? { id: entry.organizationId, name: entry.organizationName ?? '' } : null,
  );
  const [cursor, setCursor] = useState(0);
  const [activeSuggestion, setActiveSuggestion] = useState(0);
  const [mentionClosed, setMentionClosed] = useState<number | null>(null);
  /** Unknown @names the user chose to create as new people: mentions, not participants. */
  const [newMentionNames, setNewMentionNames] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const mentionListRef = useRef<HTMLUListElement>(null);
  /** Where the caret goes once an inserted @name is in the notes. */
  const pendingCaret = useRef<number | null>(null);

  // Every name, for @mentions in the body; asked for once the notes hold an
  // "@" (issue 17: at 10,000 people, opening the editor fetched every row).
  // Second-degree people too (issue 14): naming someone is not knowing them.
  const everyone = useQuery('people:list', { sort: 'name', limit: 100_000, degree: 'all' }, body.includes('@'));
  const names: KnownName[] = useMemo(
    () => (everyone.data?.items ?? []).filter((p) => !p.isMe).map((p) => ({ id: p.id, name: p.displayName })),
    [everyone.data],
  );
  const mentions = useMemo(() => findMentions(body, names), [body, names]);
  const mentionedKnown = uniqueBy(
    mentions.filter((m) => m.personId !== null).map((m) => ({ id: m.personId!, displayName: m.name })),
    (p) => String(p.id),
  );
  const pickedIds = picked.flatMap((p) => (p.id === null ? [] : [p.id]));
  const newNames = picked.filter((p) => p.id === null).map((p) => p.displayName);
  const fromMentions = mentionedKnown.filter((p) => !pickedIds.includes(p.id));
  const typing = activeMention(body, cursor);
  const suggestions = typing && mentionClosed !== typing.start ? suggestMentions(typing.query, names, 6) : [];
  // Issue 17: while suggestions are offered for the name being typed, it is
  // not "nobody" yet (it read "Nobody called @Fel yet" beside Felipe).
  const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();
  const unresolved = mentions.filter((m) => m.personId === null && !newNames.some((n) => sameName(n, m.name)));
  // New people to mention on save: only names still @mentioned in the notes.
  const newMentions = newMentionNames.filter((n) => unresolved.some((m) => sameName(m.name, n)));
  // Nobody is "unknown" before the names have arrived.
  const namesLoaded = everyone.data !== undefined;
  const unknownMentions = uniqueBy(
    (namesLoaded ? unresolved : []).filter((m) => !(suggestions.length > 0 && m.start === typing?.start) && !newMentions.some((n) => sameName(n, m.name))),
    (m) => m.name.toLocaleLowerCase(),
  );

  const suggestionIndex = Math.min(activeSuggestion, suggestions.length - 1);

  // The list is fixed to the window, so it follows the notes: after every
  // render that shows it, and whenever the dialog scrolls (typing scrolls the
  // caret into view), the window resizes or the notes change size. Placed only at render, it stayed
  // where the notes had been before such a scroll.
  const listShown = suggestions.length > 0;
  useLayoutEffect(() => {
    if (!listShown) return;
    const place = () => placeMentionList(mentionListRef.current, bodyRef.current);
    place();
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    // The notes or the dialog change size without a render or a scroll when
    // the textarea is dragged taller or a late style or font lands.
    const observer = new ResizeObserver(place);
    if (bodyRef.current) observer.observe(bodyRef.current);
    const dialog = bodyRef.current?.closest('dialog');
    if (dialog) observer.observe(dialog);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
      observer.disconnect();
    };
  }, [listShown]);
  useLayoutEffect(() => {
    if (listShown) placeMentionList(mentionListRef.current, bodyRef.current);
  });

  const insertMention = (person: KnownName) => {
    if (!typing) return;
    const inserted = `@${person.name} `;
    const next = body.slice(0, typing.start) + inserted + body.slice(cursor);
    const caret = typing.start + inserted.length;
    setBody(next);
    setCursor(caret);
    setActiveSuggestion(0);
    // The name is complete: no suggestions until the next @.
    setMentionClosed(typing.start);
    pendingCaret.current = caret;
  };

  // The caret goes after the inserted name in the same commit that writes it,
  // before the next key is handled. (A requestAnimationFrame did this a frame
  // later: keys typed right after Enter went in first and the caret then
  // jumped back before them, splitting the next words.)
  useLayoutEffect(() => {
    const caret = pendingCaret.current;
    const textarea = bodyRef.current;
    if (caret === null || !textarea) return;
    pendingCaret.current = null;
    textarea.focus();
    textarea.setSelectionRange(caret, caret);
  });

  const onBodyKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
      return;
    }
    if (suggestions.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      setActiveSuggestion((i) => (Math.min(i, suggestions.length - 1) + delta + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      insertMention(suggestions[suggestionIndex]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setMentionClosed(typing!.start);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    // Issue 17: @mentions are references, stored apart; only "With" is who it was with.
    const participantIds = uniqueBy(pickedIds, String);
    const fields = {
      occurredAt: time ? `${date}T${time}` : date,
      kind,
      title: title.trim(),
      body,
      organizationId: org?.id ?? null,
      participantIds,
      newParticipants: newNames.map((displayName) => ({ displayName })),
      mentionIds: fromMentions.map((p) => p.id),
      newMentions: newMentions.map((displayName) => ({ displayName })),
    };
    const parsed = JournalCreate.safeParse(fields);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'This entry is not complete.');
      return;
    }
    setSaving(true);
    try {
      const saved = entry ? await mutate('journal:update', { id: entry.id, patch: parsed.data }) : await mutate('journal:create', parsed.data);
      onClose();
      request.onSaved?.(saved);
    } catch (e) {
      setError(errorMessage(e));
      setSaving(false);
    }
  };

  return (
    <Modal title={entry ? 'Edit entry' : 'Log an entry'} onClose={onClose} className="entry-editor-modal" testId="entry-editor">
      <form className="dialog-form entry-editor" onSubmit={submit} noValidate>
        <h2 className="dialog-title">{entry ? 'Edit entry' : 'Log an entry'}</h2>
        <div className="entry-editor-row">
          <label className="form-field">
            <span className="form-label">Date</span>
            <input type="date" className="input" required value={date} data-testid="entry-date" onChange={(e) => setDate(e.target.value)} />
          </label>
          <label className="form-field">
            <span className="form-label">Time (optional)</span>
            <input type="time" className="input" value={time} data-testid="entry-time" onChange={(e) => setTime(e.target.value)} />
          </label>
          <label className="form-field">
            <span className="form-label">Kind</span>
            <select className="select" value={kind} data-testid="entry-kind" onChange={(e) => setKind(e.target.value as InteractionKind)}>
              {INTERACTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {INTERACTION_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="form-field">
          <span className="form-label">With</span>
          <div className="chip-field" data-testid="entry-participants">
            {picked.map((p) => (
              <span key={`${p.id ?? 'new'}-${p.displayName}`} className={`chip${p.id === null ? ' chip-new' : ''}`} data-testid="entry-participant">
                <span className="truncate">{p.displayName}</span>
                {p.id === null && <span className="chip-note">new</span>}
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`Remove ${p.displayName}`}
                  onClick={() => setPicked(picked.filter((q) => q !== p))}
                >
                  ×
                </button>
              </span>
            ))}
            <div className="chip-input">
              <PersonPicker
                label="Add a person"
                placeholder={picked.length ? 'Add someone…' : 'Who was it with? Type a name'}
                testId="entry-person-input"
                allowCreate
                exclude={pickedIds}
                onPick={(p) => {
                  if (p.id === null && newNames.some((n) => n.toLocaleLowerCase() === p.displayName.toLocaleLowerCase())) return;
                  setPicked([...picked, p]);
                }}
              />
            </div>
          </div>
        </div>
        <label className="form-field">
          <span className="form-label">Title</span>
          <input className="input" value={title} placeholder="Coffee about the platform team" data-testid="entry-title" onChange={(e) => setTitle(e.target.value)} />
        </label>
        <div className="form-field entry-body-field">
          <label className="form-label" htmlFor="entry-body">
            Notes <span className="field-hint">Markdown; type @ to mention someone</span>
          </label>
          <textarea
            id="entry-body"
            ref={bodyRef}
            className="textarea entry-body"
            rows={8}
            value={body}
            data-testid="entry-body"
            placeholder="What did you talk about? What did you promise?"
            onChange={(e) => {
              setBody(e.target.value);
              setCursor(e.target.selectionStart);
              setActiveSuggestion(0);
            }}
            onSelect={(e) => setCursor(e.currentTarget.selectionStart)}
            onKeyDown={onBodyKey}
            onBlur={() => setMentionClosed(typing?.start ?? null)}
            onFocus={() => setMentionClosed(null)}
          />
          {suggestions.length > 0 && (
            <ul
              className="combobox-list mention-list"
              role="listbox"
              aria-label="People to mention"
              data-testid="mention-suggestions"
              ref={mentionListRef}
            >
              {suggestions.map((s, i) => (
                <li
                  key={s.id}
                  role="option"
                  aria-selected={i === suggestionIndex}
                  className={`combobox-option${i === suggestionIndex ? ' active' : ''}`}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    insertMention(s);
                  }}
                >
                  <span className="truncate">{s.name}</span>
                </li>
              ))}
            </ul>
          )}
          {fromMentions.length + newMentions.length > 0 && (
            <p className="entry-mentions" data-testid="entry-mentions">
              <span className="muted-text">Mentioned (linked, not counted as contact):</span>{' '}
              {fromMentions.map((p) => (
                <span key={p.id} className="chip chip-mention" data-testid="entry-mention">
                  <span className="truncate">@{p.displayName}</span>
                </span>
              ))}
              {newMentions.map((name) => (
                <span key={`new-${name}`} className="chip chip-mention chip-new" data-testid="entry-mention">
                  <span className="truncate">@{name}</span>
                  <span className="chip-note">new</span>
                </span>
              ))}
            </p>
          )}
          {unknownMentions.length > 0 && (
            <div className="unknown-mentions" data-testid="unknown-mentions">
              {unknownMentions.map((m) => (
                <span key={m.name} className="unknown-mention">
                  Nobody called <strong>@{m.name}</strong> yet.{' '}
                  <button
                    type="button"
                    className="link-button"
                    data-testid="create-mentioned"
                    onClick={() => setNewMentionNames([...newMentionNames.filter((n) => !sameName(n, m.name)), m.name])}
                  >
                    Add “{m.name}” as a new person
                  </button>
                </span>
              ))}
            </div>
          )}
        </div>
        <div className="form-field">
          <span className="form-label">Organization (optional)</span>
          <OrganizationPicker value={org} onChange={setOrg} testId="entry-org" />
        </div>
        <InlineError message={error} />
        <div className="form-actions">
          {/* Until the names arrive, the @mentions in the notes cannot be resolved and stored. */}
          <button type="submit" className="button primary" disabled={saving || (body.includes('@') && !namesLoaded)} data-testid="save-entry">
            {entry ? 'Save' : 'Log entry'}
          </button>
          <button type="button" className="button" onClick={onClose} data-testid="cancel-entry">
            Cancel
          </button>
          <span className="form-actions-hint">Ctrl+Enter saves</span>
        </div>
      </form>
    </Modal>
  );
}

/**
 * Where the @mention suggestions go (issue 17): fixed to the window, so the
 * dialog's scroll box never clips them; below the notes when they fit there,
 * else above them.
 */
function placeMentionList(list: HTMLUListElement | null, textarea: HTMLTextAreaElement | null): void {
  if (!list || !textarea) return;
  const rect = textarea.getBoundingClientRect();
  const height = list.getBoundingClientRect().height;
  const below = window.innerHeight - rect.bottom - 8;
  const top = below >= height ? rect.bottom + 4 : Math.max(8, rect.top - height - 4);
  Object.assign(list.style, {
    position: 'fixed',
    left: `${rect.left}px`,
    width: `${Math.min(rect.width, 360)}px`,
    right: 'auto',
    top: `${top}px`,
    bottom: 'auto',
    transform: 'none',
  });
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
