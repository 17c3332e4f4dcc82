import { describe, expect, it } from 'vitest';
import { inlineScripts } from './check-budgets.ts';

describe('inlineScripts', () => {
  it('counts executable inline scripts, not files or data blocks', () => {
    const html = [
      '<head><script>a();</script><script src="/x.js"></script>',
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script></head>',
      '<body><script type="application/json" id="qari-app">{"entry":"/e.js"}</script>',
      '<script>b();</script></body>',
    ].join('');
    expect(inlineScripts(html)).toBe('a();\nb();');
    expect(inlineScripts('<p>no scripts</p>')).toBe('');
  });
});
