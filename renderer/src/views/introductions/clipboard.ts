// Copying a drafted request. Kith sends nothing: the person pastes it into
// their own email or chat.
//
// Which path works where:
// - navigator.clipboard.writeText works in a plain browser tab (and in the
//   end-to-end Chromium) after a click.
// - In the Electron app it is refused: the session's permission handlers
//   (main/electron/main.ts) deny every permission, clipboard-sanitized-write
//   included, so writeText rejects with NotAllowedError. There the visible
//   textarea's own text is selected and document.execCommand('copy') copies
//   it; that needs only the click's user activation, not a permission, and
//   no hidden element (the user sees what was copied, selected).
export type CopyMethod = 'clipboard-api' | 'exec-command';

export async function copyText(text: string, textarea: HTMLTextAreaElement | null): Promise<CopyMethod> {
  try {
    if (typeof navigator.clipboard?.writeText === 'function') {
      await navigator.clipboard.writeText(text);
      return 'clipboard-api';
    }
  } catch {
    // Refused (Electron's permission handler) or unavailable: fall back below.
  }
  if (textarea && textarea.value === text) {
    textarea.focus();
    textarea.select();
    if (document.execCommand('copy')) return 'exec-command';
  }
  throw new Error('Kith could not reach the clipboard. The message is selected: press Ctrl+C (⌘C on a Mac) to copy it.');
}
