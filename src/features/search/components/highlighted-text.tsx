import { Fragment } from 'react';
import { IsolatedText } from '#shared/ui/isolated-text.tsx';
import type { Segment } from '../model/highlight.ts';

/** Segments as text, matches inside <mark>: content is never interpreted as HTML. */
export function HighlightedText({ segments }: { segments: readonly Segment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.mark ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one immutable text
          <mark key={i} className="search-mark">
            <IsolatedText text={segment.text} />
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one immutable text
          <Fragment key={i}>
            <IsolatedText text={segment.text} />
          </Fragment>
        ),
      )}
    </>
  );
}
