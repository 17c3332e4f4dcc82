import { formatDateTime, formatRelative, SITE_TIME_ZONE } from '../lib/format-date.ts';
import { useDigits } from '../lib/locale.ts';
import { useNow } from '../lib/use-now.ts';

type Props = { iso: string; now?: number; prefix?: string };

/** A date in Arabic inside `<time datetime>`; recent ones in relative words («قبل ساعتين»). */
export function TimeStamp({ iso, now, prefix }: Props) {
  const clock = useNow();
  // Read through the store (not the formatters' default) so a change of digits re-renders.
  const digits = useDigits();
  // While hydrating (no clock yet) the text must equal the prerendered HTML: the site's zone.
  const absolute = formatDateTime(iso, digits, clock === null ? SITE_TIME_ZONE : undefined);
  const at = now ?? clock;
  const relative = at === null ? null : formatRelative(iso, at, digits);
  // Each tick of the clock may change the text (the reader's zone, relative words) and
  // with it its width: a new element each time, not new text in the painted one, so the
  // change is not a layout shift of what the reader already saw.
  return (
    <time key={clock} dateTime={iso} title={relative ? absolute : undefined}>
      {prefix ? `${prefix} ` : ''}
      {relative ?? absolute}
    </time>
  );
}
