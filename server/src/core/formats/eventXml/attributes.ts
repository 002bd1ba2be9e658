/**
 * Where an attribute's value was written. The XML parser gives decoded values but no positions, so the
 * raw start tag is scanned again: it is short, and its start and end are known exactly.
 */
import type { Span } from '../../model';

function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

const EQUALS = 0x3d;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOS = 0x27;

/**
 * The raw value span (inside the quotes) of attribute `name` in the start tag `src[tagStart, tagEnd)`,
 * or null when the tag does not carry it. Tolerates unquoted values and stray characters.
 */
export function findAttributeValueSpan(src: string, tagStart: number, tagEnd: number, name: string): Span | null {
  let i = tagStart + 1;
  // Skip the element name.
  while (i < tagEnd) {
    const c = src.charCodeAt(i);
    if (isXmlSpace(c) || c === GT || c === SLASH) break;
    i++;
  }
  while (i < tagEnd) {
    let c = src.charCodeAt(i);
    if (isXmlSpace(c) || c === SLASH || c === GT || c === EQUALS) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < tagEnd) {
      c = src.charCodeAt(i);
      if (isXmlSpace(c) || c === EQUALS || c === GT || c === SLASH) break;
      i++;
    }
    const nameEnd = i;
    while (i < tagEnd && isXmlSpace(src.charCodeAt(i))) i++;
    if (src.charCodeAt(i) !== EQUALS) continue; // an attribute without a value
    i++;
    while (i < tagEnd && isXmlSpace(src.charCodeAt(i))) i++;
    const q = src.charCodeAt(i);
    let valueStart: number;
    let valueEnd: number;
    if (q === QUOTE || q === APOS) {
      valueStart = i + 1;
      valueEnd = valueStart;
      while (valueEnd < tagEnd - 1 && src.charCodeAt(valueEnd) !== q) valueEnd++;
      i = valueEnd + 1;
    } else {
      valueStart = i;
      while (i < tagEnd) {
        c = src.charCodeAt(i);
        if (isXmlSpace(c) || c === GT || (c === SLASH && src.charCodeAt(i + 1) === GT)) break;
        i++;
      }
      valueEnd = i;
    }
    if (nameEnd - nameStart === name.length && src.startsWith(name, nameStart)) {
      return { start: valueStart, end: valueEnd };
    }
  }
  return null;
}
