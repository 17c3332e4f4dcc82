// Keeping what the reader looks at where it is while the page changes above it.

/** Where `element` is on screen now; the function returned scrolls so `target` is there. */
export function rememberPlace(element: Element): (target: Element) => void {
  const top = element.getBoundingClientRect().top;
  return (target) => {
    const moved = target.getBoundingClientRect().top - top;
    if (moved !== 0) window.scrollBy({ top: moved, behavior: 'instant' });
  };
}

/**
 * For an element just put into the page: when it went in above the part the reader
 * sees, scroll by its height, so the text in view stays put. Browsers with CSS scroll
 * anchoring (`overflow-anchor`) do this themselves, and are left to it.
 */
export function keepViewAfterInsert(element: HTMLElement): void {
  if (typeof CSS !== 'undefined' && CSS.supports?.('overflow-anchor', 'auto')) return;
  const box = element.getBoundingClientRect();
  if (box.bottom > 0) return;
  const style = getComputedStyle(element);
  const height =
    box.height +
    Number.parseFloat(style.marginBlockStart || '0') +
    Number.parseFloat(style.marginBlockEnd || '0');
  window.scrollBy({ top: height, behavior: 'instant' });
}
