// `npm run test:e2e:durations [-- reports/nginx.json]`: how long the last run took, per
// project and per tag, read from its JSON report. Flow times are summed: with two
// workers, a project's wall time is about half its sum.
import { readFileSync } from 'node:fs';
import { formatSummary, type JsonReport, summarize } from './summarize.ts';

const file = process.argv[2] ?? 'reports/e2e.json';
const report = JSON.parse(readFileSync(file, 'utf8')) as JsonReport;
console.log(`${file}, run of ${report.stats.startTime}`);
console.log(formatSummary(summarize(report)));
