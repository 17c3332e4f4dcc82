import { useBookmarkToggle } from '../model/use-bookmark-toggle.ts';
import './bookmark-toggle.css';

type ButtonProps = {
  /** The story it saves: the inline first-taps script answers a tap before the app runs by it. */
  id: string;
  saved: boolean;
  onToggle: () => void;
  /** On a story card the button names the story it saves: «حفظ: <headline>». */
  headline?: string;
  /** The story page's own button, which `s` presses too. */
  shortcut?: boolean;
};

/** The «حفظ» toggle: aria-pressed tells whether the story is saved (and styles the icon). */
export function BookmarkButton({ id, saved, onToggle, headline, shortcut = false }: ButtonProps) {
  const onCard = headline !== undefined;
  return (
    <button
      type="button"
      className={onCard ? 'bookmark-toggle bookmark-toggle--card' : 'button bookmark-toggle'}
      aria-pressed={saved}
      aria-label={onCard ? `حفظ: ${headline}` : undefined}
      aria-keyshortcuts={shortcut ? 'S' : undefined}
      data-bookmark-id={id}
      title={saved ? 'محفوظة — اضغط للإزالة' : 'احفظ القصة لقراءتها لاحقاً'}
      onClick={onToggle}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" className="icon">
        <path
          d="M6 3h12a1 1 0 0 1 1 1v17l-7-4.5L5 21V4a1 1 0 0 1 1-1z"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinejoin="round"
        />
      </svg>
      {!onCard && 'حفظ'}
    </button>
  );
}

/** The toggle on a story card. */
export function CardBookmarkToggle({ id, headline }: { id: string; headline: string }) {
  const { saved, toggle } = useBookmarkToggle(id);
  return <BookmarkButton id={id} saved={saved} onToggle={toggle} headline={headline} />;
}
