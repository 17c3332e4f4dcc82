// Which JS chunks a route needs, from Vite's manifest, so a prerendered page's loader
// preloads them with the entry (the styles are inline in every page).
export type ManifestChunk = {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  isEntry?: boolean;
};
export type Manifest = Record<string, ManifestChunk>;

export function routeChunks(manifest: Manifest, key: string): string[] {
  const js = new Set<string>();
  const entryFiles = new Set(
    Object.values(manifest)
      .filter((chunk) => chunk.isEntry)
      .map((chunk) => chunk.file),
  );
  const visit = (name: string) => {
    const chunk = manifest[name];
    if (!chunk || js.has(chunk.file)) return;
    // The entry and what it imports are already in the shell's <head>.
    if (entryFiles.has(chunk.file)) return;
    js.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(key);
  return [...js];
}
