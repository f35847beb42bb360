import { useEffect, type RefObject } from 'react';

/** Marks the search box "/" focuses, so the shell can find it once a view has loaded. */
const TARGET = 'data-slash-target';

/** "/" focuses the view's search box, unless the user is already typing somewhere. */
export function useSlashToFocus(ref: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const input = ref.current;
    input?.setAttribute(TARGET, '');
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      ref.current?.focus();
      ref.current?.select();
    };
    // Capture phase (issue 17): the shell's own "/" (open the palette) listens
    // in the bubble phase and was added first, so after a navigation it ran
    // first and the view's search never got the key.
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      input?.removeAttribute(TARGET);
    };
  }, [ref]);
}

/**
 * "/" pressed while a view with a search box is still loading: focus that box
 * as soon as it is shown (for up to 3 s), unless the user has moved on to
 * typing somewhere else by then.
 */
export function focusSlashTargetWhenShown(timeoutMs = 3000): void {
  const started = performance.now();
  const look = () => {
    const active = document.activeElement as HTMLElement | null;
    if (active && active !== document.body && (active.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(active.tagName))) return;
    const input = document.querySelector<HTMLInputElement>(`[${TARGET}]`);
    if (input) {
      input.focus();
      input.select();
    } else if (performance.now() - started < timeoutMs) {
      requestAnimationFrame(look);
    }
  };
  look();
}
