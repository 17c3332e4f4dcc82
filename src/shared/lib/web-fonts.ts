// A first visit fetches the web fonts once painted (every face's load(), in
// src/app/boot/preferences-boot.js) and keeps the stand-ins on that page.

/**
 * Call as the router puts a new page on screen, before it is laid out (a layout
 * effect): once every face is in, the new page is laid out once, in the web fonts.
 * Switched on as the click that led there ended, the whole page was laid out again.
 */
export function applyFetchedWebFonts(): void {
  if ([...document.fonts].every((face) => face.status === 'loaded'))
    document.documentElement.setAttribute('data-web-fonts', '');
}
