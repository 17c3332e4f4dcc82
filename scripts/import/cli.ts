// `npm run import -- <format> <input…> --out <dir>` (CONTRACT §5). Options: --sections
// map.json, --source <name>, --base-url <url>, --fetch-media, --dry-run, --prune,
// --max-input-mb <n>, --timeout <seconds>, --threads <n>. See docs/importing.md.
import { parseArgs } from 'node:util';
import { FORMATS, type Format } from './formats/formats.ts';
import { formatReport, runImport } from './run-import.ts';
import { InputError } from './shared/draft.ts';

const USAGE = `usage: npm run import -- <feed|wordpress|ans|optimo> <file|folder|url>… --out <content dir>
  [--sections map.json] [--source name] [--base-url https://site] [--fetch-media]
  [--dry-run] [--prune] [--max-input-mb 50] [--timeout 20] [--threads n]`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      sections: { type: 'string' },
      source: { type: 'string' },
      'base-url': { type: 'string' },
      'fetch-media': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      prune: { type: 'boolean', default: false },
      'max-input-mb': { type: 'string', default: '50' },
      timeout: { type: 'string', default: '20' },
      threads: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
}
try {
  args = parse();
} catch (error) {
  fail((error as Error).message);
}
const { values, positionals } = args;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [format, ...inputs] = positionals;
if (!format || !(format in FORMATS))
  fail(`the format must be one of ${Object.keys(FORMATS).join(', ')}`);
if (inputs.length === 0) fail('name at least one input: a file, a folder or an http(s) URL');
if (!values.out) fail('--out <content dir> is required');
const maxMb = Number(values['max-input-mb']);
const timeout = Number(values.timeout);
if (!(maxMb > 0) || !(timeout > 0)) fail('--max-input-mb and --timeout must be positive numbers');
const threads = values.threads === undefined ? undefined : Number(values.threads);
if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= 16))
  fail('--threads must be a whole number from 1 to 16');

try {
  const report = await runImport({
    format: format as Format,
    inputs,
    outDir: values.out,
    ...(values.sections ? { sectionsMap: values.sections } : {}),
    ...(values.source ? { source: values.source } : {}),
    ...(values['base-url'] ? { baseUrl: values['base-url'] } : {}),
    ...(threads ? { threads } : {}),
    fetchMedia: values['fetch-media'],
    dryRun: values['dry-run'],
    prune: values.prune,
    limits: { maxBytes: Math.round(maxMb * 1024 * 1024), timeoutMs: timeout * 1000 },
  });
  console.log(formatReport(report));
  // Items skipped for their own reasons are reported; an input that could not be read fails the run.
  process.exit(report.failures.length > 0 ? 1 : 0);
} catch (error) {
  if (error instanceof InputError) {
    console.error(`import: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
