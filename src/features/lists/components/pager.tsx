import { Link } from 'react-router';

type Props = { page: number; pageCount: number };

const href = (page: number) => (page === 1 ? '?' : `?page=${page}`);

/** Numbered pages with previous/next; the URL names the page so refresh and back keep it. */
export function Pager({ page, pageCount }: Props) {
  if (pageCount <= 1) return null;
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1).filter(
    (n) => n === 1 || n === pageCount || Math.abs(n - page) <= 2,
  );
  return (
    <nav className="pager" aria-label="الصفحات">
      {page > 1 && (
        <Link to={href(page - 1)} className="button" rel="prev">
          الصفحة السابقة
        </Link>
      )}
      <ul className="pager__pages">
        {pages.map((n, i) => (
          <li key={n}>
            {i > 0 && n - (pages[i - 1] ?? n) > 1 && <span aria-hidden="true">…</span>}
            <Link
              to={href(n)}
              className="pager__page"
              aria-current={n === page ? 'page' : undefined}
              aria-label={`الصفحة ${n}`}
            >
              {n}
            </Link>
          </li>
        ))}
      </ul>
      {page < pageCount && (
        <Link to={href(page + 1)} className="button" rel="next">
          الصفحة التالية
        </Link>
      )}
    </nav>
  );
}
