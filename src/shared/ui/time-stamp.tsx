import { formatDateTime, formatRelative } from '../lib/format-date.ts';
import { useNow } from '../lib/use-now.ts';

type Props = { iso: string; now?: number; prefix?: string };

/** A date in Arabic inside `<time datetime>`; recent ones in relative words («قبل ساعتين»). */
export function TimeStamp({ iso, now, prefix }: Props) {
  const clock = useNow();
  const absolute = formatDateTime(iso);
  const at = now ?? clock;
  const relative = at === null ? null : formatRelative(iso, at);
  return (
    <time dateTime={iso} title={relative ? absolute : undefined}>
      {prefix ? `${prefix} ` : ''}
      {relative ?? absolute}
    </time>
  );
}
