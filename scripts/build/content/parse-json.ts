// JSON.parse, and on a syntax error the line and column of the first fault
// (V8's own messages do not always carry a position).
import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';

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

export function parseJson(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const errors: ParseError[] = [];
    parse(text, errors, {
      disallowComments: true,
      allowTrailingComma: false,
      allowEmptyContent: false,
    });
    const first = errors[0];
    if (!first) return { ok: false, message: `invalid JSON: ${(error as Error).message}` };
    const before = text.slice(0, first.offset).split('\n');
    const code = printParseErrorCode(first.error);
    return {
      ok: false,
      message: `invalid JSON at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}: ${HUMAN[code] ?? code}`,
    };
  }
}
