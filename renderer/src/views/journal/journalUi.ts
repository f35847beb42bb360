// Two small app-wide stores for the journal UI, so any view (Home, a person's
// page, the palette) can open the entry editor or show an "Undo" toast without
// threading callbacks through the shell: JournalHost (mounted once in
// AppShell) renders whatever is requested here.
import { useSyncExternalStore } from 'react';
import type { InteractionKind, JournalEntry } from '../../../../shared/journal';

export interface EditorRequest {
  /** Edit this entry; without it, a new entry. */
  entry?: JournalEntry;
  /** People the new entry starts with (e.g. the person whose page it was opened from). */
  participants?: { id: number; displayName: string }[];
  /** What a new entry starts with besides its people (issue 17: "Log the meeting" after "Mark met"). */
  draft?: { kind?: InteractionKind; title?: string };
  /** Called with the saved entry. */
  onSaved?: (entry: JournalEntry) => void;
}

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void | Promise<void> };
}

function store<T>(initial: T) {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next: T) {
      value = next;
      for (const l of listeners) l();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const editor = store<EditorRequest | null>(null);
const toast = store<Toast | null>(null);
let toastIds = 0;

export function openEntryEditor(request: EditorRequest = {}): void {
  editor.set(request);
}
export function closeEntryEditor(): void {
  editor.set(null);
}
export function useEntryEditorRequest(): EditorRequest | null {
  return useSyncExternalStore(editor.subscribe, editor.get);
}

export function showToast(message: string, action?: Toast['action']): void {
  toast.set({ id: ++toastIds, message, action });
}
export function dismissToast(id: number): void {
  if (toast.get()?.id === id) toast.set(null);
}
export function useToast(): Toast | null {
  return useSyncExternalStore(toast.subscribe, toast.get);
}
