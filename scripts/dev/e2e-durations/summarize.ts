// Durations of an end-to-end run, per project and per tag, from Playwright's JSON
// report (reports/e2e.json, written by every run: playwright.config.ts).

/** The parts of Playwright's JSON report read here. */
export type JsonReport = {
  stats: { startTime: string; duration: number };
  config?: { workers?: number; metadata?: { actualWorkers?: number } };
  suites: JsonSuite[];
};
type JsonSuite = { file?: string; specs?: JsonSpec[]; suites?: JsonSuite[] };
type JsonSpec = {
  title: string;
  tags: string[];
  tests: { projectName: string; results: { duration: number; status: string }[] }[];
};

export type Totals = { flows: number; ms: number; failed: number };
export type Summary = {
  wallMs: number;
  projects: Map<string, Totals>;
  /** tag → project → totals; a flow counts under each of its tags. */
  tags: Map<string, Map<string, Totals>>;
};

/** Sums the runs of every flow that ran (skipped ones take no time and are not counted). */
export function summarize(report: JsonReport): Summary {
  const projects = new Map<string, Totals>();
  const tags = new Map<string, Map<string, Totals>>();
  const add = (totals: Map<string, Totals>, key: string, ms: number, failed: boolean) => {
    const entry = totals.get(key) ?? { flows: 0, ms: 0, failed: 0 };
    entry.flows++;
    entry.ms += ms;
    if (failed) entry.failed++;
    totals.set(key, entry);
  };
  const visit = (suite: JsonSuite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const ran = test.results.filter((r) => r.status !== 'skipped');
        if (ran.length === 0) continue;
        const ms = ran.reduce((sum, r) => sum + r.duration, 0);
        const failed = ran.at(-1)?.status !== 'passed';
        add(projects, test.projectName, ms, failed);
        for (const tag of spec.tags) {
          const byProject = tags.get(`@${tag}`) ?? new Map<string, Totals>();
          add(byProject, test.projectName, ms, failed);
          tags.set(`@${tag}`, byProject);
        }
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites) visit(suite);
  return { wallMs: report.stats.duration, projects, tags };
}

export function minutes(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** A plain-text table: the run, each project, then each tag by project. */
export function formatSummary(summary: Summary): string {
  const names = [...summary.projects.keys()];
  const cell = (totals: Totals | undefined) =>
    totals
      ? `${String(totals.flows).padStart(4)} ${minutes(totals.ms).padStart(11)}${totals.failed ? ` (${totals.failed} failed)` : ''}`
      : '—'.padStart(16);
  const lines = [`Wall time of the run: ${minutes(summary.wallMs)}`, ''];
  lines.push(`${'project'.padEnd(16)} flows  flow time (sum over workers)`);
  for (const name of names) lines.push(`${name.padEnd(16)}${cell(summary.projects.get(name))}`);
  lines.push('', `${'tag'.padEnd(16)}${names.map((n) => n.padStart(16)).join('  ')}`);
  for (const tag of [...summary.tags.keys()].sort()) {
    const byProject = summary.tags.get(tag);
    lines.push(`${tag.padEnd(16)}${names.map((n) => cell(byProject?.get(n))).join('  ')}`);
  }
  return lines.join('\n');
}
