import { formatDateTime, formatRelative } from '../lib/format-date.ts';

type Props = { iso: string; now?: number; prefix?: string };

/** A date in Arabic inside `<time datetime>`; recent ones in relative words («قبل ساعتين»). */
export function TimeStamp({ iso, now = Date.now(), prefix }: Props) {
  const absolute = formatDateTime(iso);
  const relative = formatRelative(iso, now);
  return (
    <time dateTime={iso} title={relative ? absolute : undefined}>
      {prefix ? `${prefix} ` : ''}
      {relative ?? absolute}
    </time>
  );
}
