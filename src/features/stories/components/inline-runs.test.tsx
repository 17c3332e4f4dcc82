import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Inline } from '#content/article-schema.ts';
import { renderWithProviders } from '#test/render.tsx';
import { InlineRuns } from './inline-runs.tsx';

function renderRuns(runs: Inline[]) {
  const view = renderWithProviders(
    <p data-testid="runs">
      <InlineRuns runs={runs} />
    </p>,
  );
  return { ...view, p: screen.getByTestId('runs') };
}

describe('InlineRuns', () => {
  it('renders plain strings in order', () => {
    const { p } = renderRuns(['قال ', 'الوزير ', 'إن الاتفاق قريب.']);
    expect(p.textContent).toBe('قال الوزير إن الاتفاق قريب.');
    expect(p.querySelector('a')).toBeNull();
  });

  it('stresses a strong run with <strong>', () => {
    const { p } = renderRuns(['نص ', { text: 'مهم جداً', strong: true }, ' ثم نص']);
    const strong = p.querySelector('strong');
    expect(strong?.textContent).toBe('مهم جداً');
    expect(p.textContent).toBe('نص مهم جداً ثم نص');
  });

  it('makes an in-app link a router link with no new tab', async () => {
    const { p, location } = renderRuns([
      'اقرأ ',
      { text: 'التقرير الكامل', href: '/article/full-report' },
    ]);
    const link = screen.getByRole('link', { name: 'التقرير الكامل' });
    expect(link.getAttribute('href')).toBe('/article/full-report');
    expect(link.hasAttribute('target')).toBe(false);
    expect(p.querySelectorAll('a')).toHaveLength(1);
    await userEvent.click(link);
    expect(location().pathname).toBe('/article/full-report');
  });

  it('opens an external link in a new tab with rel noopener noreferrer', () => {
    renderRuns([{ text: 'المصدر', href: 'https://example.com/report' }]);
    const link = screen.getByRole('link', { name: 'المصدر' });
    expect(link.getAttribute('href')).toBe('https://example.com/report');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('can stress the text of a link', () => {
    renderRuns([{ text: 'رابط قوي', href: 'https://example.com', strong: true }]);
    const link = screen.getByRole('link', { name: 'رابط قوي' });
    expect(link.querySelector('strong')?.textContent).toBe('رابط قوي');
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    '//evil.example',
  ])('shows a link to %j as plain text, with no <a>', (href) => {
    const { p } = renderRuns(['قبل ', { text: 'اضغط هنا', href }, ' بعد']);
    expect(p.querySelector('a')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
    expect(p.textContent).toBe('قبل اضغط هنا بعد');
  });

  it('renders HTML-looking text literally and never parses it', () => {
    const html = '<img src=x onerror=alert(1)>';
    const { p } = renderRuns([html, { text: '<script>alert(1)</script>', strong: true }]);
    expect(p.textContent).toBe(`${html}<script>alert(1)</script>`);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
  });

  it('keeps HTML entities as the characters written', () => {
    const { p } = renderRuns(['علامة العطف &amp; تبقى كما هي']);
    expect(p.textContent).toBe('علامة العطف &amp; تبقى كما هي');
  });

  it('isolates Latin runs inside the text with <bdi>', () => {
    const { p } = renderRuns(['أعلنت Apple عن ', { text: 'iPhone 17', href: '/article/iphone' }]);
    expect([...p.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual([
      'Apple',
      'iPhone 17',
    ]);
  });
});
