/**
 * The cheap test for event XML on a file's head, apart from the parser so that format detection (which
 * the VS Code client also runs) does not pull the XML parser in.
 */

export const EVENT_NAMESPACE = 'http://schemas.microsoft.com/win/2004/08/events/event';

/** How much of a head `looksLikeEventXml` reads. */
const SNIFF_LENGTH = 8192;
const EVENT_START = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:[-+] )?<(?:[A-Za-z_][\w.-]*:)?Events?[\s/>]/;

/** Is this exported Windows event XML, judging by its first few KB? */
export function looksLikeEventXml(head: string): boolean {
  const sample = head.length > SNIFF_LENGTH ? head.slice(0, SNIFF_LENGTH) : head;
  return sample.includes(EVENT_NAMESPACE) || EVENT_START.test(sample);
}
