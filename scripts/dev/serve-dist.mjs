// Serves dist/ for the end-to-end tests, building it first when it is missing.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const port = process.argv[2] ?? '4173';
if (!existsSync('dist/index.html')) execSync('npm run build', { stdio: 'inherit' });
execSync(`npx vite preview --port ${port} --strictPort --host 127.0.0.1`, { stdio: 'inherit' });
