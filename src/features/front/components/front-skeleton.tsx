import './front-page.css';

export function FrontSkeleton() {
  return (
    <div className="front" aria-busy="true">
      <span className="visually-hidden" role="status">
        جارٍ تحميل الأخبار…
      </span>
      <div className="front__lead" aria-hidden="true">
        <div className="skeleton" style={{ aspectRatio: '3 / 2', maxInlineSize: '40rem' }} />
        <span className="skeleton-line" style={{ blockSize: '2rem', inlineSize: '70%' }} />
      </div>
      <div className="front__block front__grid" aria-hidden="true">
        {[1, 2, 3, 4].map((n) => (
          <div key={n}>
            <div className="skeleton" style={{ aspectRatio: '3 / 2' }} />
            <span className="skeleton-line" style={{ inlineSize: '85%' }} />
            <span className="skeleton-line" style={{ inlineSize: '60%' }} />
          </div>
        ))}
      </div>
    </div>
  );
}
