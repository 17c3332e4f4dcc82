import type { StoryPayload } from '#content/api-schema.ts';
import type { Block } from '#content/article-schema.ts';
import { IsolatedText } from '#shared/ui/isolated-text.tsx';
import { InlineRuns } from './inline-runs.tsx';
import { ReadAlsoBox } from './read-also-box.tsx';
import { StoryFigure } from './story-figure.tsx';

type Props = { payload: StoryPayload };

function assertUnreachable(value: never): never {
  throw new Error(`Unknown block ${JSON.stringify(value)}`);
}

function BlockView({ block, payload }: { block: Block; payload: StoryPayload }) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <InlineRuns runs={block.content} />
        </p>
      );
    case 'heading':
      return (
        <h2 className="story-body__heading">
          <IsolatedText text={block.text} />
        </h2>
      );
    case 'image':
      return <StoryFigure image={block.image} rendition={payload.media[block.image.src]} />;
    case 'quote':
      return (
        <blockquote className="story-body__quote">
          <p>
            <InlineRuns runs={block.content} />
          </p>
          {block.cite && (
            <footer>
              — <cite>{block.cite}</cite>
            </footer>
          )}
        </blockquote>
      );
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul';
      return (
        <List className="story-body__list">
          {block.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: items of immutable content
            <li key={i}>
              <InlineRuns runs={item} />
            </li>
          ))}
        </List>
      );
    }
    case 'readAlso':
      return <ReadAlsoBox items={block.items} teasers={payload.readAlso} />;
    default:
      return assertUnreachable(block);
  }
}

/** Every block of the story in order, through one exhaustive switch. */
export function StoryBody({ payload }: Props) {
  return (
    <div className="story-body">
      {payload.article.body.map((block, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: blocks of immutable content
        <BlockView key={i} block={block} payload={payload} />
      ))}
    </div>
  );
}
