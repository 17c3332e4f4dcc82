import './story-view.css';

/** The story's frame while its JSON loads: same measure and rhythm, so nothing jumps. */
export function StorySkeleton() {
  return (
    <div className="story" aria-busy="true">
      <span className="visually-hidden" role="status">
        جارٍ تحميل القصة…
      </span>
      <div aria-hidden="true">
        <span className="skeleton-line" style={{ inlineSize: '20%' }} />
        <span className="skeleton-line" style={{ blockSize: '2.2rem', inlineSize: '90%' }} />
        <span className="skeleton-line" style={{ blockSize: '2.2rem', inlineSize: '70%' }} />
        <span className="skeleton-line" style={{ inlineSize: '40%' }} />
        <div className="skeleton story-figure" style={{ aspectRatio: '3 / 2' }} />
        {[95, 100, 88, 97, 60].map((width) => (
          <span key={width} className="skeleton-line" style={{ inlineSize: `${width}%` }} />
        ))}
      </div>
    </div>
  );
}
