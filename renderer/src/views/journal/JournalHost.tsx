// Mounted once in AppShell: the entry editor and the toast, whichever view asked for them.
import { Suspense, useEffect, useState } from 'react';
import { errorMessage } from '../../data/mutate';
import { EntryEditor } from '../../lazyViews';
import { closeEntryEditor, dismissToast, showToast, useEntryEditorRequest, useToast } from './journalUi';

const TOAST_MS = 10_000;

export function JournalHost() {
  const request = useEntryEditorRequest();
  return (
    <>
      {/* A new key per request: a second "Log an entry" starts from a clean form. */}
      <Suspense fallback={null}>{request && <EntryEditor key={editorKey(request)} request={request} onClose={closeEntryEditor} />}</Suspense>
      <ToastView />
    </>
  );
}

const keys = new WeakMap<object, number>();
let nextKey = 0;
function editorKey(request: object): number {
  if (!keys.has(request)) keys.set(request, ++nextKey);
  return keys.get(request)!;
}

function ToastView() {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!toast) return;
    const timer = window.setTimeout(() => dismissToast(toast.id), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [toast]);
  if (!toast) return null;
  return (
    <div className="toast" role="status" aria-live="polite" data-testid="toast">
      <span className="toast-message">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="button small toast-action"
          disabled={busy}
          data-testid="toast-action"
          onClick={async () => {
            setBusy(true);
            try {
              await toast.action!.run();
              dismissToast(toast.id);
            } catch (error) {
              showToast(errorMessage(error));
            } finally {
              setBusy(false);
            }
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismissToast(toast.id)}>
        ×
      </button>
    </div>
  );
}
