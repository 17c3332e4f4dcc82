import { useState } from 'react';

type Props = { title: string; url: string };

/** Web Share where the device has it, else copies the link; the outcome is announced. */
export function ShareButton({ title, url }: Props) {
  const [status, setStatus] = useState('');
  const share = async () => {
    try {
      if (navigator.share) {
        await navigator.share({ title, url });
        return;
      }
      await navigator.clipboard.writeText(url);
      setStatus('تم نسخ رابط القصة');
    } catch (error) {
      if ((error as Error).name !== 'AbortError') setStatus('تعذّر نسخ الرابط');
    }
  };
  return (
    <>
      <button type="button" className="button button--quiet" onClick={share}>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" className="icon">
          <path
            fill="currentColor"
            d="M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7l-6.7 3.4a3 3 0 1 0 0 3.2L15 17a3 3 0 1 0 3-1z"
          />
        </svg>
        مشاركة
      </button>
      <span className="visually-hidden" aria-live="polite">
        {status}
      </span>
    </>
  );
}
