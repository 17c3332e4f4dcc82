import { useId } from 'react';
import { Link } from 'react-router';
import { pageMeta } from '#content/page-meta.ts';
import { useDocumentMeta } from '../lib/use-document-meta.ts';
import './status-view.css';

type Props = {
  what?: string;
  /** Why it may be missing; by default any page's reasons. */
  detail?: string;
};

export function NotFoundView({
  what = 'الصفحة',
  detail = 'ربما نُقلت أو حُذفت، أو أن الرابط غير صحيح.',
}: Props) {
  const title = `${what} غير موجودة`;
  useDocumentMeta(pageMeta.notFound(what));
  const titleId = useId();
  return (
    <section className="status-view" aria-labelledby={titleId}>
      <h1 id={titleId} className="status-view__title" tabIndex={-1}>
        {title}
      </h1>
      <p className="status-view__detail">{detail}</p>
      <Link to="/" className="button button--primary">
        العودة إلى الصفحة الرئيسية
      </Link>
    </section>
  );
}
