import type { Range } from 'vscode-languageserver-types';
import type { Span } from '../model';
import type { LineIndex } from '../text/lineIndex';

export function toRange(index: LineIndex, span: Span): Range {
  return { start: index.positionAt(span.start), end: index.positionAt(span.end) };
}
