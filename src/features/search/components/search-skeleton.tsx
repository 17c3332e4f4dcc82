/** The shape of a page of results while the index loads. */
export function SearchSkeleton() {
  return (
    <div aria-busy="true">
      <span className="visually-hidden" role="status">
        جارٍ البحث…
      </span>
      <div aria-hidden="true">
        <span className="skeleton-line" style={{ inlineSize: '20%' }} />
        {[1, 2, 3, 4].map((n) => (
          <div
            key={n}
            className="skeleton"
            style={{ blockSize: '5.5rem', marginBlock: '1.25rem' }}
          />
        ))}
      </div>
    </div>
  );
}
