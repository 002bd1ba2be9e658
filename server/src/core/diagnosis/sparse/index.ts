/**
 * A file's text -> its evidence, read sparsely (see collectPart.ts). Text already in memory is one part;
 * the file reader of the CLI and the server cuts big files into parts with `nextSplit` and reads them
 * apart, then joins them with `mergeParts`.
 */
import { detectFormat } from '../../formats';
import type { Locale } from '../../i18n/locale';
import type { DocumentFormat } from '../../model';
import type { FileEvidence } from '../evidence';
import type { FileIdentity } from '../fileEvidence';
import { collectPart } from './collectPart';
import { mergeParts } from './mergeParts';
import { textScan } from './scanText';

export { collectPart, type EvidencePart, type PartRange } from './collectPart';
export { nextSplit } from './framing';
export { mergeParts } from './mergeParts';
export { textScan, type ScanText } from './scanText';

export function collectTextEvidence(file: FileIdentity, text: string, locale: Locale, format: DocumentFormat = detectFormat(text)): FileEvidence {
  const part = collectPart(textScan(text), { ownStart: 0, ownEnd: text.length, more: false }, format, file, locale);
  return mergeParts(file, format, [part]);
}
