/**
 * Which format a text is, from its head alone (the first few KB), so the client can choose a language
 * for a file before anyone parses it and the server can pick a parser whatever the file is called.
 */
import type { DocumentFormat, LogFormat } from '../model';
import { looksLikeEventXml } from './eventXml/head';

/** How much of a file's head detection looks at. */
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

/** The format of a text, from its head: event XML, one of the log formats, or plain text. */
export function detectFormat(head: string): DocumentFormat {
  const sample = head.length > DETECTION_HEAD_LENGTH ? head.slice(0, DETECTION_HEAD_LENGTH) : head;
  if (looksLikeEventXml(sample)) return 'eventXml';
  return detectLogFormat(sample) ?? 'plain';
}
