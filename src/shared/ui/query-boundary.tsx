import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, type ErrorInfo, type ReactNode, Suspense } from 'react';
import { isNotFound } from '../api/errors.ts';
import { ErrorView } from './error-view.tsx';
import { NotFoundView } from './not-found-view.tsx';

type Props = {
  children: ReactNode;
  /** Shown while data loads: a skeleton shaped like the page. */
  fallback: ReactNode;
  /** What is missing when the data is not found («القصة», «القسم»). */
  missing?: string;
  /** Changing this (e.g. the route's id) clears a previous error. */
  resetKey?: unknown;
};

/** Suspense plus an error boundary for a page's data: skeleton, not-found, or alert with retry. */
export function QueryBoundary({ children, fallback, missing, resetKey }: Props) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary onReset={reset} resetKey={resetKey} missing={missing}>
          <Suspense fallback={fallback}>{children}</Suspense>
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}

type BoundaryProps = {
  children: ReactNode;
  onReset: () => void;
  resetKey: unknown;
  missing?: string;
};
type BoundaryState = { error: unknown; resetKey: unknown };

class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error };
  }

  static getDerivedStateFromProps(
    props: BoundaryProps,
    state: BoundaryState,
  ): Partial<BoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    if (!isNotFound(error)) console.error(error, info.componentStack);
  }

  retry = () => {
    this.props.onReset();
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (isNotFound(error)) return <NotFoundView what={this.props.missing} />;
    return <ErrorView error={error} onRetry={this.retry} />;
  }
}
