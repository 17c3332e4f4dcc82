// The small scripts pages run inline rather than as files: a file in <head> is a
// request on the critical path, and the first paint waits for it. The
// Content-Security-Policy still forbids 'unsafe-inline': it allows exactly these
// scripts by their SHA-256 hash, and the build fails when deploy/security-headers.conf
// does not list the hashes of the scripts as built (see missingCspHashes).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { minifySync } from 'rolldown/utils';

export const INLINE_SCRIPTS = {
  /** Theme, text size and data saver on <html> before first paint; in <head> of every page. */
  preferencesBoot: 'src/app/boot/preferences-boot.js',
  /** The largest photo preloaded, or every photo held back for a reader saving data; after it. */
  dataSaver: 'src/app/boot/data-saver.js',
  /** Keeps taps made before the app runs on prerendered pages; in <head>. */
  firstTaps: 'src/app/boot/first-taps.js',
  /** Starts the app on prerendered pages after the page has loaded, or at a tap; end of <body>. */
  appLoader: 'src/app/boot/app-loader.js',
} as const;

export type InlineScriptName = keyof typeof INLINE_SCRIPTS;

export type InlineScript = {
  file: string;
  /** The script's text as it goes between the tags: minified. */
  body: string;
  /** The CSP source that allows it: 'sha256-…'. */
  hash: string;
  /** `<script>…</script>`. */
  tag: string;
};

/**
 * The script as every page carries it: minified (by Vite's own bundler, the one that
 * builds the app), so its comments and long names stay in the source. Scripts are
 * written for the browsers the app supports: nothing is transpiled.
 */
export function minifyScript(file: string, source: string): string {
  const { code, errors } = minifySync(path.basename(file), source, {
    compress: true,
    mangle: true,
  });
  if (errors.length > 0) throw new Error(`${file}: ${errors.map((e) => e.message).join('; ')}`);
  return code.trim();
}

export function cspHash(body: string): string {
  return `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
}

export function readInlineScript(name: InlineScriptName, root = process.cwd()): InlineScript {
  const file = INLINE_SCRIPTS[name];
  const body = minifyScript(file, readFileSync(path.join(root, file), 'utf8'));
  if (/<\/script/i.test(body))
    throw new Error(`${file}: an inline script cannot contain "</script"`);
  return { file, body, hash: cspHash(body), tag: `<script>${body}</script>` };
}

/** The text of each executable inline script in a page (not files, not JSON data blocks). */
export function inlineScriptBodies(html: string): string[] {
  return [
    ...html.matchAll(
      /<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g,
    ),
  ].map((m) => m[1] ?? '');
}

export type CspDirective = 'script-src' | 'style-src';

/** The sources of one CSP directive (or of default-src when it is absent) in an nginx header file. */
export function policySources(conf: string, directive: CspDirective): string[] {
  const policy = /add_header\s+Content-Security-Policy\s+"([^"]*)"/.exec(conf)?.[1] ?? '';
  const directives = new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
  return directives.get(directive) ?? directives.get('default-src') ?? [];
}

/** The sources of the CSP's script-src (or default-src) directive in an nginx header file. */
export const scriptSources = (conf: string): string[] => policySources(conf, 'script-src');

/**
 * What is wrong with the CSP in `conf` for these inline scripts (or, with 'style-src',
 * styles), one problem a line: one whose hash is missing, and a hash that none has any more.
 */
export function cspProblems(
  conf: string,
  confName: string,
  inlined: readonly { file: string; hash: string }[],
  directive: CspDirective = 'script-src',
): string[] {
  const sources = policySources(conf, directive);
  const what = directive === 'script-src' ? 'inline script' : 'inline style';
  const problems = inlined
    .filter((item) => !sources.includes(item.hash))
    .map(
      (item) =>
        `${confName}: ${directive} lacks ${item.hash}, the hash of ${item.file} as inlined; add it`,
    );
  const known = new Set(inlined.map((item) => item.hash));
  for (const source of sources) {
    if (/^'sha(256|384|512)-/.test(source) && !known.has(source)) {
      problems.push(`${confName}: ${directive} allows ${source}, which no ${what} has; remove it`);
    }
  }
  if (sources.includes("'unsafe-inline'")) {
    problems.push(`${confName}: ${directive} must not allow 'unsafe-inline'`);
  }
  return problems;
}
