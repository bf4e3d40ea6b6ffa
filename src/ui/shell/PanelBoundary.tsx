import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

interface Props {
  /** The panel's name, for the message and the region's label. */
  name: string;
  children: ReactNode;
}

interface State {
  error: string | null;
}

/**
 * An error boundary around one panel: a panel that throws while drawing shows a one-line message
 * and a "Try again" button; the rest of the page keeps working.
 */
export class PanelBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(e: unknown): State {
    const text = e instanceof Error ? e.message : String(e);
    return { error: text.replace(/\s+/g, ' ').slice(0, 200) || 'unknown error' };
  }

  componentDidCatch(e: unknown, info: ErrorInfo): void {
    // Kept for whoever debugs it; the user sees the message in the panel.
    console.error(`panel "${this.props.name}" failed`, e, info.componentStack);
  }

  render() {
    if (this.state.error === null) return this.props.children;
    return (
      <section className="panel panel-failed" aria-label={this.props.name}>
        <header className="panel-head">
          <h2>{this.props.name}</h2>
        </header>
        <div className="panel-body" role="alert">
          <p>This panel failed to draw: {this.state.error}. The rest of the page still works.</p>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => this.setState({ error: null })}
          >
            Try again
          </button>
        </div>
      </section>
    );
  }
}
