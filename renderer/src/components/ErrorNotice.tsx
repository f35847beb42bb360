interface Props {
  title?: string;
  message: string;
  onRetry?: () => void;
}

/** A readable error in place of what could not be shown. Never a blank screen. */
export function ErrorNotice({ title = 'Something went wrong', message, onRetry }: Props) {
  return (
    <div className="error-notice" role="alert" data-testid="error-notice">
      <strong>{title}</strong>
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A one-line error under a form or next to an action. */
export function InlineError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="inline-error" role="alert" data-testid="inline-error">
      {message}
    </p>
  );
}
