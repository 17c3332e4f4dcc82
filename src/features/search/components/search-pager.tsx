import { Link } from 'react-router';
import { appPaths } from '#content/app-paths.ts';

type Props = { query: string; page: number; hasNext: boolean; pageCount: number | null };

/** Previous and next pages; the URL keeps query and page, so refresh and back keep them. */
export function SearchPager({ query, page, hasNext, pageCount }: Props) {
  if (page === 1 && !hasNext) return null;
  return (
    <nav className="search-pager" aria-label="الصفحات">
      {page > 1 && (
        <Link to={appPaths.search(query, page - 1)} className="button" rel="prev">
          الصفحة السابقة
        </Link>
      )}
      <span className="search-pager__at">
        {pageCount ? `الصفحة ${page} من ${pageCount}` : `الصفحة ${page}`}
      </span>
      {hasNext && (
        <Link to={appPaths.search(query, page + 1)} className="button" rel="next">
          الصفحة التالية
        </Link>
      )}
    </nav>
  );
}
