// XML in, safely: a document type with an internal subset (where entities are declared:
// XXE, billion laughs) is refused before any parser sees it, entities are never expanded
// beyond XML's own five and character references, and a malformed document is named with
// its line and column.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from './draft.ts';

/** Refuses a document type with an internal subset, before any parser sees the document. */
export function refuseDangerousXml(text: string): void {
  // The prolog: the XML declaration, comments, processing instructions, then a DOCTYPE.
  const prolog =
    /^\uFEFF?\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*<!DOCTYPE\b([^>[]*)(\[)?/i.exec(text);
  if (prolog?.[2]) {
    throw new InputError(
      'refused: the DOCTYPE declares an internal subset (entity declarations are how XXE and entity-expansion attacks work)',
    );
  }
  if (/<!ENTITY\b/i.test(text.slice(0, 4096)) && /<!DOCTYPE/i.test(text.slice(0, 4096))) {
    throw new InputError('refused: entity declarations are not allowed');
  }
}

/**
 * Why a document failed to parse, with the line and column of the first fault. The
 * validator is a second full pass, so it runs only once a parser has given up.
 */
export function malformedXml(text: string, fallback: string): InputError {
  let verdict: ReturnType<typeof XMLValidator.validate>;
  try {
    verdict = XMLValidator.validate(text, { allowBooleanAttributes: true });
  } catch (error) {
    if (error instanceof RangeError)
      return new InputError('refused: XML nested too deeply to read');
    throw error;
  }
  if (verdict === true) return new InputError(fallback);
  const { line, col, msg } = verdict.err;
  return new InputError(`malformed XML at line ${line}, column ${col}: ${msg}`);
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Entities stay as written; decodeXmlText decodes XML's own ones in text, never in CDATA.
  processEntities: false,
  htmlEntities: false,
  cdataPropName: '#cdata',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute,
});

/** A checked document as nested objects: every element is an array, attributes are "@name". */
export function parseXml(text: string): Record<string, unknown> {
  refuseDangerousXml(text);
  try {
    return parser.parse(text) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof RangeError) throw new InputError('refused: XML nested too deeply to read');
    throw malformedXml(text, `malformed XML: ${(error as Error).message}`);
  }
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML's five entities and character references; anything else stays as written. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return XML_ENTITIES[ref.toLowerCase()] ?? whole;
    const code =
      ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
