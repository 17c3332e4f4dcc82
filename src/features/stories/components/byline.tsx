type Props = { authors: readonly string[] | undefined };

/** «بقلم أحمد وSara ومحمد»: names joined by Intl.ListFormat, each isolated. */
export function Byline({ authors }: Props) {
  if (!authors?.length) return null;
  const parts = new Intl.ListFormat('ar', { type: 'conjunction' }).formatToParts(authors);
  return (
    <p className="story-header__byline">
      بقلم{' '}
      {parts.map((part, i) =>
        part.type === 'element' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of a fixed list
          <bdi key={i}>{part.value}</bdi>
        ) : (
          part.value
        ),
      )}
    </p>
  );
}
