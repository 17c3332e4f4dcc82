// For publish-killed.test.ts: a publish in a process of its own, started when the test
// says so (a line on stdin) once Node, the renderer and sharp are loaded, so that the
// test's SIGKILL lands inside the publish itself. The app build comes as JSON in
// QARI_TEST_APP.
import { pathToFileURL } from 'node:url';
import type { AppBuild } from './app-build.ts';
import { publishSite } from './publish-site.ts';

const app = JSON.parse(process.env.QARI_TEST_APP as string) as AppBuild;
await import(pathToFileURL(app.ssrEntry).href);
await import('sharp');
process.stdout.write('ready\n');
process.stdin.once('data', async () => {
  const result = await publishSite(app, { full: false });
  process.stdout.write(result.ok ? 'done\n' : 'refused\n');
  process.exit(0);
});
