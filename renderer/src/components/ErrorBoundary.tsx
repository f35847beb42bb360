import { Component, type ReactNode } from 'react';
import { ErrorNotice } from './ErrorNotice';

interface State {
  error: Error | null;
}

/** Catches a render failure in one view so the rest of the app keeps working. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="page">
          <ErrorNotice
            title="This view could not be shown"
            message={this.state.error.message}
            onRetry={() => this.setState({ error: null })}
          />
        </div>
      );
    }
    return this.props.children;
  }
}
