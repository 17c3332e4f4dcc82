// The content schemas, loaded with the first fetch rather than with the first view: a
// prerendered page's data arrives in its HTML, checked at build time, so valibot and
// the schemas are not needed until the reader moves to another page (and a hover
// starts that fetch, and this import, ahead of the click).
const apiSchemas = () => import('#content/api-schema.ts');

export const storySchema = () => apiSchemas().then((m) => m.StoryPayloadSchema);
export const frontSchema = () => apiSchemas().then((m) => m.FrontPayloadSchema);
export const listHeadSchema = () => apiSchemas().then((m) => m.ListHeadSchema);
export const listChunkSchema = () => apiSchemas().then((m) => m.ListChunkSchema);
export const searchTermChunkSchema = () => apiSchemas().then((m) => m.SearchTermChunkSchema);
export const searchPostingListSchema = () => apiSchemas().then((m) => m.SearchPostingListSchema);
export const searchLexiconSchema = () => apiSchemas().then((m) => m.SearchLexiconSchema);
export const searchDocRecordSchema = () => apiSchemas().then((m) => m.SearchDocRecordSchema);
export const sectionListSchema = () =>
  import('#content/article-schema.ts').then((m) => m.SectionListSchema);
