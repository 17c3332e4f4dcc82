// The header's search box. Submitting moves to /search?q=… inside the app; on the
// search page the box holds the query, and typing updates the results as it goes
// (each new query gets one history entry; its later keystrokes replace it).
import { type FormEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { appPaths } from '#content/app-paths.ts';

const TYPING_DELAY_MS = 200;

export function SearchForm() {
  const location = useLocation();
  const navigate = useNavigate();
  const onSearchPage = location.pathname === '/search';
  const urlQuery = onSearchPage ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  const [value, setValue] = useState(urlQuery);
  // Our own navigation on its way (its loader may still be fetching the index): what it
  // carries, and whether typing or a submit started it.
  const pending = useRef<{ query: string; by: 'typing' | 'submit' } | null>(null);
  // Whether the entry now in the URL was made by typing, so later keystrokes replace it.
  // Set only once that navigation lands: a replace sent while the push is still on its
  // way would cancel the push and overwrite the previous query's entry.
  const typingEntry = useRef(false);
  const input = useRef<HTMLInputElement>(null);

  // Words typed into the prerendered box before the app ran are the reader's: hydration
  // leaves them in the box, and they become the state, so no re-render wipes them (and
  // the URL, unchanged, does not either: see the effect below).
  useLayoutEffect(() => {
    const typedBefore = input.current?.value;
    if (!typedBefore) return;
    const query = new URLSearchParams(window.location.search).get('q') ?? '';
    pending.current = { query, by: 'submit' };
    setValue(typedBefore);
  }, []);

  // Back, forward and links change the query: show it, unless it is our own navigation landing.
  useEffect(() => {
    const own = pending.current;
    if (own && own.query === urlQuery) {
      typingEntry.current = own.by === 'typing';
    } else {
      setValue(urlQuery);
      typingEntry.current = false;
    }
    pending.current = null;
  }, [urlQuery]);

  useEffect(() => {
    if (!onSearchPage || value === urlQuery) return;
    const timer = setTimeout(() => {
      navigate(appPaths.search(value), { replace: typingEntry.current });
      pending.current = { query: value, by: 'typing' };
    }, TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [value, onSearchPage, urlQuery, navigate]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending.current?.query === value) {
      // Typing already sent this query on its way: Enter only ends the typing entry.
      pending.current.by = 'submit';
      return;
    }
    navigate(appPaths.search(value), {
      replace: onSearchPage && (typingEntry.current || value === urlQuery),
    });
    pending.current = { query: value, by: 'submit' };
    typingEntry.current = false;
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is not yet a landmark in every screen reader; role="search" on the form is
    <form role="search" action="/search" className="site-search" onSubmit={submit}>
      <input
        ref={input}
        type="search"
        name="q"
        aria-label="بحث"
        // A Latin query reads left to right; the empty box keeps the page's direction,
        // so its Arabic placeholder starts at the right.
        dir={value ? 'auto' : undefined}
        placeholder="ابحث في الأخبار"
        enterKeyHint="search"
        autoComplete="off"
        className="site-search__input"
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="site-search__button" aria-label="ابحث">
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" className="icon">
          <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="m15.5 15.5 5 5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
    </form>
  );
}
