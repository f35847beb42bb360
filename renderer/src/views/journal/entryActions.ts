import type { JournalEntry } from '../../../../shared/journal';
import { mutate } from '../../data/mutate';
import { showToast } from './journalUi';

/** Deletes an entry (soft) and offers "Undo", which restores it with its people and links. */
export async function deleteEntryWithUndo(entry: Pick<JournalEntry, 'id' | 'title'>): Promise<void> {
  await mutate('journal:delete', { id: entry.id });
  showToast(entry.title ? `Deleted “${entry.title}”` : 'Entry deleted', {
    label: 'Undo',
    run: async () => {
      await mutate('journal:restore', { id: entry.id });
    },
  });
}
