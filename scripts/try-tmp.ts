import { checkContent } from '#scripts/build/content/build-content.ts';
import { searchIndexFiles } from '#scripts/build/content/search-index.ts';
import { memorySource } from '#features/search/model/saved-stories-source.ts';
import { runSearch } from '#features/search/model/search-engine.ts';
const { corpus } = await checkContent('content');
const files = new Map([...searchIndexFiles(corpus!)].map((f) => [f.path, f.payload]));
const source = memorySource(files);
for (const q of process.argv.slice(2)) {
  const r = await runSearch(source, q, 1);
  console.log(`«${q}» total=${r.total} complete=${r.complete} correction=${r.correction} matched=${r.matched.slice(0,8).join(',')}`);
  for (const h of r.items.slice(0, 3)) console.log('   ', h.doc.id);
}
