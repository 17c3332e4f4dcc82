import { Link } from 'react-router';
import type { Inline } from '#content/article-schema.ts';
import { judgeHref } from '#content/safe-href.ts';
import { IsolatedText } from '#shared/ui/isolated-text.tsx';

type Props = { runs: readonly Inline[] };

/**
 * Text runs of a paragraph, quote or list item, rendered as text (never as HTML).
 * Links are checked again here: a link that fails the check shows as plain text.
 */
export function InlineRuns({ runs }: Props) {
  return runs.map((run, i) => {
    if (typeof run === 'string') {
      // biome-ignore lint/suspicious/noArrayIndexKey: runs of immutable content
      return <IsolatedText key={i} text={run} />;
    }
    const text = <IsolatedText text={run.text} />;
    const content = run.strong ? <strong>{text}</strong> : text;
    const verdict = run.href ? judgeHref(run.href) : null;
    if (!run.href || !verdict?.ok) {
      // biome-ignore lint/suspicious/noArrayIndexKey: runs of immutable content
      return <span key={i}>{content}</span>;
    }
    if (verdict.internal) {
      return (
        // biome-ignore lint/suspicious/noArrayIndexKey: runs of immutable content
        <Link key={i} to={run.href.trim()}>
          {content}
        </Link>
      );
    }
    return (
      // biome-ignore lint/suspicious/noArrayIndexKey: runs of immutable content
      <a key={i} href={run.href} target="_blank" rel="noopener noreferrer">
        {content}
      </a>
    );
  });
}
