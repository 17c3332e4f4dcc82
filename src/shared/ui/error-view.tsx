import { useEffect, useId, useRef } from 'react';
import { InvalidContentError, NetworkError, TimeoutError } from '../api/errors.ts';
import './status-view.css';

type Props = { error: unknown; onRetry: () => void };

function messageFor(error: unknown): { title: string; detail: string } {
  if (error instanceof InvalidContentError) {
    return {
      title: 'تعذّر عرض هذه الصفحة',
      detail: 'وصلت بيانات غير صالحة من الخادم. أعد المحاولة بعد قليل.',
    };
  }
  if (error instanceof TimeoutError) {
    return {
      title: 'تعذّر تحميل الصفحة',
      detail: 'لم يصل الرد في الوقت المعتاد. قد يكون الاتصال بطيئاً؛ أعد المحاولة.',
    };
  }
  // The request reached no server. Offline, fetch fails so too; navigator.onLine is not
  // asked: it says true on networks that do not reach the internet (and in Chromium 150
  // emulating offline).
  if (error instanceof NetworkError) {
    return {
      title: 'أنت غير متصل بالإنترنت',
      detail: 'هذه الصفحة غير محفوظة للقراءة دون اتصال. أعد المحاولة حين يعود الاتصال.',
    };
  }
  return {
    title: 'تعذّر تحميل الصفحة',
    detail: 'حدث خطأ في الاتصال بالخادم. تحقّق من اتصالك ثم أعد المحاولة.',
  };
}

/** A failure the reader can act on: an alert and a retry button. */
export function ErrorView({ error, onRetry }: Props) {
  const { title, detail } = messageFor(error);
  const button = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    button.current?.focus({ preventScroll: true });
  }, []);
  return (
    <section className="status-view" role="alert" aria-labelledby={titleId}>
      <h1 id={titleId} className="status-view__title">
        {title}
      </h1>
      <p className="status-view__detail">{detail}</p>
      <button ref={button} type="button" className="button button--primary" onClick={onRetry}>
        إعادة المحاولة
      </button>
    </section>
  );
}
