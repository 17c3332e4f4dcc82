import { Fragment } from 'react';

// Runs isolated so they cannot reorder the Arabic around them: a URL or e-mail address
// whole, else Latin letters, digits and the punctuation that binds them ("S&P 500",
// "iPhone 17 Pro", "3.5%", "2-1").
const LTR_RUN = new RegExp(
  [
    /(?:https?:\/\/|www\.)[^\s\u0600-\u06FF]*[^\s\u0600-\u06FF.,:;!?)»"']/.source,
    /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.source,
    /[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F .,:&%+\-/'’_@#]*[A-Za-z0-9\u00C0-\u024F%]|[A-Za-z0-9]/
      .source,
  ].join('|'),
  'g',
);

type Props = { text: string };

export function IsolatedText({ text }: Props) {
  const parts: (string | { run: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(LTR_RUN)) {
    const start = match.index ?? 0;
    if (start > last) parts.push(text.slice(last, start));
    parts.push({ run: match[0] });
    last = start + match[0].length;
  }
  if (last === 0) return text;
  if (last < text.length) parts.push(text.slice(last));
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable string
          <Fragment key={i}>{part}</Fragment>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable string
          <bdi key={i}>{part.run}</bdi>
        ),
      )}
    </>
  );
}
