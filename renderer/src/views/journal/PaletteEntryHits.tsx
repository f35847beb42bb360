// Journal entries and notes in the command palette (search:all), under the
// people and organizations the quick search finds; snippets as <mark> text.
import { Command } from 'cmdk';
import { useQuery } from '../../data/useQuery';
import { navigate } from '../../router';
import { hitHref } from './SearchView';
import { Snippet } from './Snippet';

export function PaletteEntryHits({ query, onClose }: { query: string; onClose: () => void }) {
  const results = useQuery('search:all', { query, kinds: ['entry', 'person'], limit: 5 }, query !== '');
  if (!query || !results.data) return null;
  // People whose notes (not name) matched: the quick search already lists name matches.
  const notes = results.data.people.filter((h) => (h.field === 'notes' || h.field === 'howWeMet') && h.snippet.some((s) => s.hit));
  const entries = results.data.entries;
  const go = (href: string) => {
    onClose();
    navigate(href);
  };
  return (
    <>
      {entries.length > 0 && (
        <Command.Group heading="Journal">
          {entries.map((hit) => (
            <Command.Item key={`entry-${hit.id}`} value={`entry-${hit.id}`} onSelect={() => go(hitHref(hit))} data-testid="palette-item" data-kind="entry">
              <span className="palette-hit">
                <span className="palette-hit-title truncate">{hit.title}</span>
                <Snippet segments={hit.snippet} className="palette-hit-snippet truncate" />
              </span>
              <span className="palette-detail truncate">{hit.detail}</span>
            </Command.Item>
          ))}
        </Command.Group>
      )}
      {notes.length > 0 && (
        <Command.Group heading="Notes">
          {notes.map((hit) => (
            <Command.Item key={`note-${hit.id}`} value={`note-${hit.id}`} onSelect={() => go(hitHref(hit))} data-testid="palette-item" data-kind="note">
              <span className="palette-hit">
                <span className="palette-hit-title truncate">{hit.title}</span>
                <Snippet segments={hit.snippet} className="palette-hit-snippet truncate" />
              </span>
            </Command.Item>
          ))}
        </Command.Group>
      )}
    </>
  );
}
