import './story-list-page.css';

export function ListSkeleton() {
  return (
    <div className="story-list" aria-busy="true">
      <span className="visually-hidden" role="status">
        جارٍ تحميل القصص…
      </span>
      <div aria-hidden="true">
        <span className="skeleton-line" style={{ inlineSize: '10%' }} />
        <span className="skeleton-line" style={{ blockSize: '2.4rem', inlineSize: '30%' }} />
        {[1, 2, 3, 4, 5].map((n) => (
          <div key={n} className="skeleton" style={{ blockSize: '6rem', marginBlock: '1.25rem' }} />
        ))}
      </div>
    </div>
  );
}
