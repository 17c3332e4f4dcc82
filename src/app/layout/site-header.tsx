import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { appPaths } from '#content/app-paths.ts';
import { SettingsButton } from '#features/preferences/components/settings-button.tsx';
import { SearchForm } from '#features/search/components/search-form.tsx';
import { sectionsQuery } from '#shared/api/sections-query.ts';
import './site-header.css';

export function SiteHeader() {
  const { data: sections, isError, isFetching, refetch } = useQuery(sectionsQuery());
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const location = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the menu whenever the page changes
  useEffect(() => setMenuOpen(false), [location.pathname]);

  return (
    <header className="site-header">
      <div className="page site-header__bar">
        <Link to="/" className="site-header__logo" aria-label="قارئ — الصفحة الرئيسية">
          قارئ
        </Link>
        <SearchForm />
        <Link to={appPaths.bookmarks()} className="site-header__bookmarks">
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" className="icon">
            <path
              d="M6 3h12a1 1 0 0 1 1 1v17l-7-4.5L5 21V4a1 1 0 0 1 1-1z"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinejoin="round"
            />
          </svg>
          <span className="site-header__bookmarks-label">المحفوظات</span>
        </Link>
        <SettingsButton />
        <button
          type="button"
          className="button button--quiet site-header__menu-button"
          aria-expanded={menuOpen}
          aria-controls={menuId}
          onClick={() => setMenuOpen((open) => !open)}
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" className="icon">
            <path fill="currentColor" d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z" />
          </svg>
          الأقسام
        </button>
      </div>
      <nav
        id={menuId}
        className="site-nav"
        data-open={menuOpen ? 'true' : 'false'}
        aria-label="الأقسام"
      >
        <ul className="page site-nav__list">
          <li>
            <NavLink to="/" end className="site-nav__link">
              الرئيسية
            </NavLink>
          </li>
          {sections?.map((section) => (
            <li key={section.id}>
              <NavLink to={appPaths.section(section.id)} className="site-nav__link">
                {section.name}
              </NavLink>
            </li>
          ))}
          {/* Never a silently empty navigation: say so, and offer to try again. */}
          {!sections && isError && (
            <li className="site-nav__failure">
              <span role="status">تعذّر تحميل الأقسام.</span>
              <button
                type="button"
                className="button button--quiet"
                disabled={isFetching}
                onClick={() => void refetch()}
              >
                إعادة تحميل الأقسام
              </button>
            </li>
          )}
        </ul>
      </nav>
    </header>
  );
}
