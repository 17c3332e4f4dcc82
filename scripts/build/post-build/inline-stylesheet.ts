// The app's stylesheet travels inside every page, in one <style> element: a linked
// stylesheet is a request the first paint waits for, and a plain HTML page makes none.
// The whole of it (Vite builds one file: build.cssCodeSplit is off) weighs ~5 KB gzip,
// less than a round trip costs on a slow phone, so every page carries all of it and no
// page waits for a later chunk's styles. The CSP allows it by its SHA-256 hash (see
// inline-scripts.ts: cspProblems), as it does the inline scripts.
import type { Plugin } from 'vite';
import { cspHash } from './inline-scripts.ts';

export type InlineStyle = { file: string; body: string; hash: string };

const LINK = /<link rel="stylesheet"(?: crossorigin)? href="\/(assets\/[^"]+\.css)">/g;

/** Vite plugin: replaces index.html's stylesheet link with the stylesheet itself, and drops the file. */
export function inlineStylesheet(): Plugin {
  return {
    name: 'qari-inline-stylesheet',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        return html.replace(LINK, (tag, file: string) => {
          const asset = bundle[file];
          if (asset?.type !== 'asset') return tag;
          const css = String(asset.source).trim();
          if (/<\/style/i.test(css)) throw new Error(`${file}: CSS cannot contain "</style"`);
          // Inlined everywhere, the file would only be precached for nothing.
          delete bundle[file];
          return `<style>${css}</style>`;
        });
      },
    },
  };
}

/** The text of each <style> element of a page. */
export function inlineStyleBodies(html: string): string[] {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
}

/** The page's inline stylesheet as the CSP sees it; null when it has none. */
export function readInlineStyle(html: string, file: string): InlineStyle | null {
  const body = inlineStyleBodies(html)[0];
  return body === undefined ? null : { file, body, hash: cspHash(body) };
}
