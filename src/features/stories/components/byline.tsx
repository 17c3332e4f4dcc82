type Props = { authors: readonly string[] | undefined; source: string | undefined };

/** «بقلم أحمد وSara ومحمد — رويترز»: names joined by Intl.ListFormat, each isolated. */
export function Byline({ authors, source }: Props) {
  if (!authors?.length && !source) return null;
  const parts = authors?.length
    ? new Intl.ListFormat('ar', { type: 'conjunction' }).formatToParts(authors)
    : [];
  return (
    <p className="story-header__byline">
      {parts.length > 0 && (
        <>
          بقلم{' '}
          {parts.map((part, i) =>
            part.type === 'element' ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts of a fixed list
              <bdi key={i}>{part.value}</bdi>
            ) : (
              part.value
            ),
          )}
        </>
      )}
      {parts.length > 0 && source && ' — '}
      {source && <bdi className="story-header__source">{source}</bdi>}
    </p>
  );
}
