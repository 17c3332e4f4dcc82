import { Link } from 'react-router';
import type { StoryPayload } from '#content/api-schema.ts';
import { appPaths } from '#content/app-paths.ts';
import { formatHijriDate } from '#shared/lib/format-date.ts';
import { useDigits, useShowHijri } from '#shared/lib/locale.ts';
import { readingTimeLabel } from '#shared/lib/reading-time-label.ts';
import { BreakingLabel } from '#shared/ui/breaking-label.tsx';
import { IsolatedText } from '#shared/ui/isolated-text.tsx';
import { TimeStamp } from '#shared/ui/time-stamp.tsx';
import { Byline } from './byline.tsx';

type Props = { payload: StoryPayload; headingRef?: React.Ref<HTMLHeadingElement> };

export function StoryHeader({ payload, headingRef }: Props) {
  const { article, section, readingMinutes } = payload;
  // From the locale store: the reader's digits and Hijri choice re-render the header.
  const digits = useDigits();
  const hijri = useShowHijri();
  return (
    <header className="story-header">
      <p className="story-header__kicker">
        {article.breaking && <BreakingLabel />}
        <Link to={appPaths.section(section.id)} className="story-header__section">
          {section.name}
        </Link>
      </p>
      <h1 ref={headingRef} tabIndex={-1} className="story-header__headline">
        <IsolatedText text={article.headline} />
      </h1>
      {article.summary && (
        <p className="story-header__summary">
          <IsolatedText text={article.summary} />
        </p>
      )}
      <Byline authors={article.authors} />
      {/* The reading time first: the dates switch to the reader's time zone once the app
          runs (TimeStamp), and a date that changes width moves only what follows it. */}
      <p className="story-header__meta">
        <span className="story-header__reading-time">
          {readingTimeLabel(readingMinutes, digits)}
        </span>
        <span>
          <TimeStamp iso={article.publishedAt} prefix="نُشر" />
        </span>
        {hijri && (
          <span className="story-header__hijri">
            الموافق {formatHijriDate(article.publishedAt, digits)}
          </span>
        )}
        {article.updatedAt && (
          <span>
            <TimeStamp iso={article.updatedAt} prefix="حُدّث" />
          </span>
        )}
      </p>
    </header>
  );
}
