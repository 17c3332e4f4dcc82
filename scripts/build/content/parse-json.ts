// JSON.parse, and on a syntax error the line and column of the first fault
// (V8's own messages do not always carry a position).
import { createScanner, type ParseError, parse, printParseErrorCode } from 'jsonc-parser';

export type ParsedJson = { ok: true; value: unknown } | { ok: false; message: string };

const HUMAN: Record<string, string> = {
  ValueExpected: 'a value was expected',
  CommaExpected: 'a comma was expected',
  ColonExpected: 'a colon was expected',
  PropertyNameExpected: 'a property name was expected',
  CloseBraceExpected: 'a closing } was expected',
  CloseBracketExpected: 'a closing ] was expected',
  EndOfFileExpected: 'nothing more was expected',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed',
  InvalidSymbol: 'an unexpected character',
};

/** Far deeper than any story; jsonc-parser recurses per level, so deeper input is refused first. */
export const MAX_JSON_DEPTH = 512;

// jsonc-parser's SyntaxKind values (a const enum its types do not let us import).
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

/** Where the nesting first goes past MAX_JSON_DEPTH, found without recursion; -1 if it never does. */
function tooDeepAt(text: string): number {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
      if (++depth > MAX_JSON_DEPTH) return scanner.getTokenOffset();
    } else if (kind === CLOSE_BRACE || kind === CLOSE_BRACKET) {
      depth = Math.max(0, depth - 1);
    }
  }
  return -1;
}

function at(text: string, offset: number, what: string): ParsedJson {
  const before = text.slice(0, offset).split('\n');
  return {
    ok: false,
    message: `invalid JSON at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}: ${what}`,
  };
}

export function parseJson(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const deep = tooDeepAt(text);
    if (deep >= 0) return at(text, deep, `nested more than ${MAX_JSON_DEPTH} levels deep`);
    const errors: ParseError[] = [];
    parse(text, errors, {
      disallowComments: true,
      allowTrailingComma: false,
      allowEmptyContent: false,
    });
    const first = errors[0];
    if (!first) return { ok: false, message: `invalid JSON: ${(error as Error).message}` };
    const code = printParseErrorCode(first.error);
    return at(text, first.offset, HUMAN[code] ?? code);
  }
}
