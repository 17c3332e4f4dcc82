import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useRef } from 'react';
import { PAGE_SIZE } from '#content/api-paths.ts';
import { queryWords } from '#content/arabic-search-terms.ts';
import { countLabel } from '#shared/lib/count-label.ts';
import { usePageHeadingFocus } from '#shared/lib/page-focus.ts';
import { QueryBoundary } from '#shared/ui/query-boundary.tsx';
import { RESULT_FORMS } from '../model/result-forms.ts';
import { searchResultsQuery } from '../model/search-results-query.ts';
import { SearchHit } from './search-hit.tsx';
import { SearchPager } from './search-pager.tsx';
import { SearchSkeleton } from './search-skeleton.tsx';
import './search-page.css';

type Props = { query: string; page: number };

/** `/search?q=…&page=N`: the heading at once, results as soon as the index answers. */
export function SearchPage({ query, page }: Props) {
  // While the reader types, the previous results stay on screen until the new ones are ready.
  const deferredQuery = useDeferredValue(query);
  const empty = queryWords(query).length === 0;
  const heading = useRef<HTMLHeadingElement>(null);
  // Not while the reader is typing in the search box: the results follow, focus stays.
  const focusTarget = useMemo(
    () => ({
      get current() {
        return document.activeElement?.matches('input[type="search"]') ? null : heading.current;
      },
    }),
    [],
  );
  usePageHeadingFocus(focusTarget, `${query}:${page}`);
  return (
    <div className="search-page">
      <h1 ref={heading} tabIndex={-1} className="search-page__title">
        {empty ? (
          'البحث'
        ) : (
          <>
            نتائج البحث عن: <bdi dir="auto">{query.trim()}</bdi>
          </>
        )}
      </h1>
      {empty ? (
        <p className="search-page__message">
          {query.trim()
            ? 'هذه الكلمات شائعة جداً ولا يُبحث بها وحدها. أضف كلمة تدل على الموضوع، مثل اسم مكان أو شخص.'
            : 'اكتب كلمة أو أكثر في خانة البحث أعلى الصفحة، مثل اسم مدينة أو موضوع أو شخص، ثم اضغط «ابحث».'}
        </p>
      ) : (
        <QueryBoundary
          fallback={<SearchSkeleton />}
          missing="فهرس البحث"
          resetKey={`${deferredQuery}:${page}`}
        >
          <SearchResults query={deferredQuery} page={page} stale={deferredQuery !== query} />
        </QueryBoundary>
      )}
    </div>
  );
}

function SearchResults({ query, page, stale }: Props & { stale: boolean }) {
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(searchResultsQuery(queryClient, query, page));
  const matched = useMemo(() => new Set(data.matched), [data.matched]);
  const hasNext = data.total > page * PAGE_SIZE || !data.complete;
  const pageCount = data.complete ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : null;
  const offline = data.offline && (
    <p className="search-page__notice">
      أنت غير متصل بالإنترنت: البحث في القصص المحفوظة على هذا الجهاز فقط.
    </p>
  );
  if (data.total === 0 && data.complete) {
    return (
      <div className="search-page__none" aria-busy={stale}>
        {offline}
        <p role="status" className="search-page__count">
          لا نتائج
        </p>
        <p className="search-page__message">
          {data.offline
            ? 'لم نجد ما كتبت في قصصك المحفوظة. ابحث مرة أخرى حين يعود الاتصال.'
            : 'لم نجد قصصاً تطابق ما كتبت. جرّب كلمة أخرى أو أقل، أو تأكد من الإملاء.'}
        </p>
      </div>
    );
  }
  const count = countLabel(data.total, RESULT_FORMS);
  return (
    <div
      aria-busy={stale}
      className={stale ? 'search-page__results is-stale' : 'search-page__results'}
    >
      {offline}
      {data.correction && (
        <p className="search-page__correction">
          نتائج عن: <bdi dir="auto">{data.correction}</bdi>
        </p>
      )}
      <p role="status" className="search-page__count">
        {data.complete ? count : `${count} على الأقل`}
      </p>
      {data.items.length === 0 ? (
        <p className="search-page__message">لا نتائج في هذه الصفحة. عد إلى الصفحة الأولى.</p>
      ) : (
        <ol className="search-page__items">
          {data.items.map((hit) => (
            <li key={hit.doc.id}>
              <SearchHit hit={hit} matched={matched} />
            </li>
          ))}
        </ol>
      )}
      <SearchPager query={query} page={page} hasNext={hasNext} pageCount={pageCount} />
    </div>
  );
}
