/**
 * Which format a text is, from its head (the first few KB; past them only for an XML prolog), so the
 * client can choose a language for a file before anyone parses it and the server can pick a parser
 * whatever the file is called.
 */
import type { DocumentFormat, LogFormat } from '../model';
import { looksLikeEventXml } from './eventXml/head';

/**
 * How much of a file's head the log formats are judged on (and what the VS Code client passes). Past
 * it only an XML prolog is followed (see `detectFormat`); a head cut inside a prolog is event XML only
 * when its DOCTYPE names the `Events` or `Event` root.
 */
export const DETECTION_HEAD_LENGTH = 8192;

const CCM = /<!\[LOG\[|\]LOG\]!><time="/;
const SIMPLE = /\$\$<[^<>\r\n]*><\d{1,2}-\d{1,2}-\d{4} [^<>\r\n]*><thread=\d+/;
const ADMINUI = /^\[\d+(?:,\s*PID:\d+)?\]\[\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2}[^\]]*\]/m;

/** The log format of a text's head, or null when no ConfigMgr log structure is there. */
export function detectLogFormat(head: string): Exclude<LogFormat, 'plain'> | null {
  const sample = head.length > DETECTION_HEAD_LENGTH ? head.slice(0, DETECTION_HEAD_LENGTH) : head;
  if (CCM.test(sample)) return 'ccm';
  if (SIMPLE.test(sample)) return 'simple';
  if (ADMINUI.test(sample)) return 'adminui';
  return null;
}

/**
 * The format of a text, from its head: event XML, one of the log formats, or plain text. Give it the
 * whole text when there is one: the log formats are judged on the head alone, but an event export's
 * prolog (a DOCTYPE, comments) can run past any head, and `looksLikeEventXml` skips it in linear time
 * to its first element. A text that does not start with `<?` or `<!` (every log) costs what a head does.
 */
export function detectFormat(text: string): DocumentFormat {
  if (looksLikeEventXml(text)) return 'eventXml';
  return detectLogFormat(text) ?? 'plain';
}
