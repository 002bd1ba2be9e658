/**
 * One entry point from text to model: detect the format, run its parser. Adding a format is a parser
 * file and one line here.
 */
import type { DocumentFormat, DocumentModel } from '../model';
import { parseAdminUiLog } from './adminui';
import { parseCcmLog } from './ccm';
import { detectFormat } from './detect';
import { parseEventXml } from './eventXml';
import { parsePlainLog } from './plain';
import { parseSimpleLog } from './simple';

export function parseDocument(text: string, format: DocumentFormat = detectFormat(text)): DocumentModel {
  switch (format) {
    case 'eventXml':
      return parseEventXml(text);
    case 'ccm':
      return parseCcmLog(text);
    case 'simple':
      return parseSimpleLog(text);
    case 'adminui':
      return parseAdminUiLog(text);
    case 'plain':
      return parsePlainLog(text);
  }
}

export { detectFormat, detectLogFormat } from './detect';
