// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatSummary, type JsonReport, minutes, summarize } from './summarize.ts';

const run = (duration: number, status = 'passed') => ({ duration, status });

const REPORT: JsonReport = {
  stats: { startTime: '2026-11-30T10:00:00.000Z', duration: 95_000 },
  suites: [
    {
      file: 'reading/story.spec.ts',
      specs: [
        {
          title: 'opens a story',
          tags: ['reading', 'smoke'],
          tests: [
            { projectName: 'desktop', results: [run(4_000)] },
            { projectName: 'phone', results: [run(6_000, 'failed'), run(5_000)] },
          ],
        },
      ],
      suites: [
        {
          specs: [
            {
              title: 'keyboard only',
              tags: ['keyboard'],
              tests: [
                { projectName: 'desktop', results: [run(3_000, 'failed')] },
                { projectName: 'phone', results: [run(0, 'skipped')] },
              ],
            },
          ],
        },
      ],
    },
  ],
};

describe('summarize', () => {
  const summary = summarize(REPORT);

  it('sums each project, retries included, and leaves skipped flows out', () => {
    expect(summary.projects.get('desktop')).toEqual({ flows: 2, ms: 7_000, failed: 1 });
    expect(summary.projects.get('phone')).toEqual({ flows: 1, ms: 11_000, failed: 0 });
  });

  it('counts a flow under each of its tags, per project', () => {
    expect(summary.tags.get('@smoke')?.get('phone')).toEqual({ flows: 1, ms: 11_000, failed: 0 });
    expect(summary.tags.get('@reading')?.get('desktop')?.ms).toBe(4_000);
    expect(summary.tags.get('@keyboard')?.get('phone')).toBeUndefined();
  });

  it('prints the wall time, projects and tags', () => {
    const text = formatSummary(summary);
    expect(text).toContain('Wall time of the run: 1 min 35 s');
    expect(text).toMatch(/desktop\s+2\s+7 s \(1 failed\)/);
    expect(text).toMatch(/@smoke\s+1\s+4 s\s+1\s+11 s/);
  });

  it('writes durations in minutes and seconds', () => {
    expect(minutes(59_400)).toBe('59 s');
    expect(minutes(61_000)).toBe('1 min 1 s');
  });
});
