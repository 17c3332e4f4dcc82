import './breaking-label.css';

export function BreakingLabel() {
  return <span className="breaking-label">عاجل</span>;
}
