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
  const typed = useRef<string | null>(null);
  // Whether the query being typed already has its own history entry (later updates replace it).
  const pushed = useRef(false);
  // Whether the box holds words the reader typed and has not yet sent. Only those start
  // a search as they go: after back or forward the box still holds the old words until
  // the effect below shows the URL's, and on a busy phone that can outlast the typing
  // delay, which would then send the old words again (and drop the forward entry).
  const edited = useRef(false);
  const input = useRef<HTMLInputElement>(null);

  // Words typed into the prerendered box before the app ran are the reader's: hydration
  // leaves them in the box, and they become the state, so no re-render wipes them (and
  // the URL, unchanged, does not either: see the effect below). Once, at hydration:
  // typed is the query of the URL the page was served for.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the first render's words count
  useLayoutEffect(() => {
    const typedBefore = input.current?.value;
    if (!typedBefore) return;
    typed.current = urlQuery;
    edited.current = true;
    setValue(typedBefore);
  }, []);

  // Back, forward and links change the query: show it, unless it is what we just typed.
  useEffect(() => {
    if (urlQuery !== typed.current) {
      setValue(urlQuery);
      edited.current = false;
      pushed.current = false;
    }
    typed.current = null;
  }, [urlQuery]);

  useEffect(() => {
    if (!onSearchPage || value === urlQuery || !edited.current) return;
    const timer = setTimeout(() => {
      // Replace only an entry that has landed (pushed, and typed is null once it lands):
      // a replace sent while our push is on its way (its loader fetching the index)
      // cancels the push and overwrites the entry before.
      navigate(appPaths.search(value), { replace: pushed.current && typed.current === null });
      typed.current = value;
      pushed.current = true;
    }, TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [value, onSearchPage, urlQuery, navigate]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Typing has already sent this very query: Enter only ends its entry.
    if (typed.current !== value) {
      navigate(appPaths.search(value), {
        replace: onSearchPage && ((pushed.current && typed.current === null) || value === urlQuery),
      });
      typed.current = value;
    }
    edited.current = false;
    pushed.current = false;
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
        onChange={(event) => {
          edited.current = true;
          setValue(event.target.value);
        }}
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
