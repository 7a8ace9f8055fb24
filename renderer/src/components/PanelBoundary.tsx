/**
 * A render error in one panel must never blank the app (issue 20.1). Each panel sits in one of these: when
 * something in it throws while rendering, the panel is replaced by a short notice, the rest of the window keeps
 * working, and the document (which lives in the store, not in the panel) is kept and can be saved from here.
 * A new document, or "Try again", renders the panel afresh.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { runCommand } from '../commands/run-command';
import './panel-boundary.css';

interface Props {
  /** What the panel is, in words: "canvas list", "properties". */
  readonly name: string;
  /** Rendering is retried when this changes (the open document). */
  readonly resetKey?: unknown;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
  readonly resetKey: unknown;
}

export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    // Another document: the error belonged to the old one.
    if (props.resetKey !== state.resetKey) return { error: null, resetKey: props.resetKey };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console for a bug report; the user sees the sentence below.
    console.error(`The ${this.props.name} could not be shown:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <section className="panel-failed" role="alert" data-testid="panel-failed" data-panel={this.props.name}>
        <p>
          The {this.props.name} could not be shown for this document. Your document is kept: the rest of the
          window still works, and you can save it.
        </p>
        <p className="detail">{error.message}</p>
        <div className="actions">
          <button type="button" onClick={() => runCommand('save-as')}>
            Save a copy…
          </button>
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      </section>
    );
  }
}
