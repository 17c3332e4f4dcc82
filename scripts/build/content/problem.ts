// A problem found in content: which file, where in it (a JSON path), what is wrong.
import type * as v from 'valibot';

export type Problem = { file: string; path: string; message: string };

export function formatProblem({ file, path, message }: Problem): string {
  return `${file}: ${path}: ${message}`;
}

/** `body[3].content[0].href` from a valibot issue path; `(root)` for the whole file. */
function jsonPath(keys: readonly (string | number)[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out || '(root)';
}

function issueMessage(issue: v.BaseIssue<unknown>): string {
  // Only key issues get the friendly wording; a wrong type (e.g. `"hero": 5`) keeps valibot's message.
  if (
    issue.type === 'strict_object' &&
    issue.kind === 'schema' &&
    issue.path?.at(-1)?.origin === 'key'
  ) {
    return issue.expected === 'never'
      ? 'unknown field (not in the article schema)'
      : 'required field is missing';
  }
  return issue.message;
}

export function problemsFromIssues(
  file: string,
  issues: readonly v.BaseIssue<unknown>[],
): Problem[] {
  return issues.map((issue) => ({
    file,
    path: jsonPath((issue.path ?? []).map((item) => item.key as string | number)),
    message: issueMessage(issue),
  }));
}
