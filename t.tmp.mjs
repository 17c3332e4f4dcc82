import { chromium } from '@playwright/test';
import fs from 'node:fs';
const b = await chromium.launch({executablePath:'/usr/bin/chromium'});
// warm one
{const c = await b.newContext(); const p = await c.newPage(); await p.goto('http://localhost:4999/article/abu-dhabi-solar-tender-record-low'); await p.waitForSelector('html[data-ready]'); await c.close();}
const c = await b.newContext(); const p = await c.newPage();
await b.startTracing(p, {categories:['devtools.timeline','v8.execute','disabled-by-default-devtools.timeline','blink.user_timing','loading','netlog']});
await p.goto('http://localhost:4999/article/abu-dhabi-solar-tender-record-low');
await p.waitForSelector('html[data-ready]');
const buf = await b.stopTracing();
fs.writeFileSync('/tmp/trace.json', buf);
await b.close();
