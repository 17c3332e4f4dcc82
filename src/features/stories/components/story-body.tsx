import type { ReactNode } from 'react';
import type { StoryPayload } from '#content/api-schema.ts';
import { type BlockVisitor, visitBlock } from '#content/body-walker.ts';
import { IsolatedText } from '#shared/ui/isolated-text.tsx';
import { InlineRuns } from './inline-runs.tsx';
import { ReadAlsoBox } from './read-also-box.tsx';
import { StoryFigure } from './story-figure.tsx';

type Props = { payload: StoryPayload };

/** How each block type looks: one handler per type, so a new type is a type error here. */
function blockViews(payload: StoryPayload): BlockVisitor<ReactNode> {
  return {
    paragraph: (block, i) => (
      <p key={i}>
        <InlineRuns runs={block.content} />
      </p>
    ),
    heading: (block, i) => (
      <h2 key={i} className="story-body__heading">
        <IsolatedText text={block.text} />
      </h2>
    ),
    image: (block, i) => (
      <StoryFigure key={i} image={block.image} rendition={payload.media[block.image.src]} />
    ),
    quote: (block, i) => (
      <blockquote key={i} className="story-body__quote">
        <p>
          <InlineRuns runs={block.content} />
        </p>
        {block.cite && (
          <footer>
            — <cite>{block.cite}</cite>
          </footer>
        )}
      </blockquote>
    ),
    list: (block, i) => {
      const List = block.ordered ? 'ol' : 'ul';
      return (
        <List key={i} className="story-body__list">
          {block.items.map((item, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: items of immutable content
            <li key={j}>
              <InlineRuns runs={item} />
            </li>
          ))}
        </List>
      );
    },
    readAlso: (block, i) => <ReadAlsoBox key={i} items={block.items} teasers={payload.readAlso} />,
  };
}

/** Every block of the story in order, keyed by position (content never reorders). */
export function StoryBody({ payload }: Props) {
  const views = blockViews(payload);
  return (
    <div className="story-body">
      {payload.article.body.map((block, i) => visitBlock(block, i, views))}
    </div>
  );
}
