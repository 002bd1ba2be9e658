/**
 * Reading one file, or one part of a big file, from disk into its evidence. The plan (which file, which
 * byte range, which format) is made from the file's head by `planFile`; `readPart` reads a range with a
 * little context before it, finds where its own records begin and end (the same split points the
 * neighbouring parts find), and reads them sparsely. UTF-8 is searched as raw bytes; UTF-16 files and
 * `.reg` exports are decoded whole. Nothing is ever written.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { collectPart, nextSplit, type EvidencePart, type ScanText } from '../core/diagnosis/sparse';
import { detectFormat } from '../core/formats';
import { looksLikeRegExport } from '../core/formats/reg';
import type { Locale } from '../core/i18n/locale';
import type { DocumentFormat } from '../core/model';
import { sniffEncoding } from '../core/text/decode';

/**
 * Bytes of a file read as one part. Small parts keep memory low (a part's bytes, its Latin-1 copy and
 * the garbage of reading it) and stay in the processor's caches across the searches over them; the
 * folder benchmark read fastest, with the lowest peak, at 4 MB (16 MB: +35 % time, +25 % memory).
 */
export const PART_BYTES = 4 * 1024 * 1024;
/** Context read before a part, for the thread history of its first failing records (32 records). */
const CONTEXT_BYTES = 64 * 1024;
/** First read past a part's nominal end to find where its last record ends; doubled until found. */
const TAIL_BYTES = 64 * 1024;
const HEAD_BYTES = 64 * 1024;
const XML_PROLOG = /^\s*<[?!]/;
const PROLOG_BYTES = 4 * 1024 * 1024;
/** A file smaller than this is one part even when several workers are free. */
const MIN_SHARED_BYTES = 1024 * 1024;

export interface FilePlan {
  readonly path: string;
  readonly size: number;
  /** `reg` and UTF-16 files are read whole, as text. */
  readonly whole: boolean;
  readonly format: DocumentFormat | 'reg';
  /** Where the text begins (after a byte order mark). */
  readonly textStart: number;
  /** Nominal part boundaries: [textStart, b1, b2, …, size]. */
  readonly boundaries: readonly number[];
}

export interface PartTask {
  readonly path: string;
  readonly format: DocumentFormat;
  readonly start: number;
  readonly end: number;
  /** True for the first part (its own records start at `start`), false for the others. */
  readonly first: boolean;
  readonly last: boolean;
  readonly fileIndex: number;
  readonly locale: Locale;
}

/** Looks at a file's head: its size, encoding, format, and how it is cut into parts. */
export function planFile(path: string, workers = 1, partBytes = PART_BYTES): FilePlan {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = readRange(fd, 0, Math.min(size, HEAD_BYTES));
    const { encoding, bomLength } = sniffEncoding(head);
    if (encoding !== 'utf-8') return { path, size, whole: true, format: 'plain', textStart: 0, boundaries: [0, size] };
    const text = head.toString('utf8', bomLength);
    if (looksLikeRegExport(text)) return { path, size, whole: true, format: 'reg', textStart: 0, boundaries: [0, size] };
    // An XML prolog (comments, a DOCTYPE) longer than the head: look past it, up to 4 MB.
    const format = detectFormat(XML_PROLOG.test(text) && detectFormat(text) === 'plain' ? readRange(fd, bomLength, Math.min(size, PROLOG_BYTES)).toString('utf8') : text);
    // Parts of at most PART_BYTES, as many as a multiple of the workers, so that no core idles at the end.
    const length = size - bomLength;
    let count = Math.max(1, Math.ceil(length / partBytes));
    if (workers > 1 && length > Math.min(MIN_SHARED_BYTES, partBytes)) count = Math.ceil(count / workers) * workers;
    const boundaries = [bomLength];
    for (let i = 1; i < count; i++) boundaries.push(bomLength + Math.floor((length * i) / count));
    boundaries.push(size);
    return { path, size, whole: false, format, textStart: bomLength, boundaries };
  } finally {
    closeSync(fd);
  }
}

/** Reads one part of a file (see `PartTask`) into its evidence. */
export function readPart(task: PartTask): EvidencePart {
  const fd = openSync(task.path, 'r');
  try {
    const size = fstatSync(fd).size;
    const from = task.first ? task.start : Math.max(0, task.start - CONTEXT_BYTES);
    // The end of the last part is where the file ends now: it may have grown or shrunk since the plan.
    let readEnd = task.last ? size : Math.min(size, task.end + TAIL_BYTES);
    let buffer = readRange(fd, from, readEnd - from);
    let scan = buffer.toString('latin1');
    let ownEnd = task.last ? scan.length : splitAt(scan, task.end - from, task.format);
    // The record that crosses the nominal end ends further on: read on until it does, or the file ends.
    for (let more = TAIL_BYTES; !task.last && ownEnd === scan.length && from + buffer.length < size; more *= 2) {
      readEnd = Math.min(size, readEnd + more);
      buffer = readRange(fd, from, readEnd - from);
      scan = buffer.toString('latin1');
      ownEnd = splitAt(scan, task.end - from, task.format);
    }
    const ownStart = task.first ? 0 : splitAt(scan, task.start - from, task.format);
    const source: ScanText = { scan, bytes: true, decode: (start, end) => buffer.toString('utf8', start, end) };
    const range = { ownStart: Math.min(ownStart, ownEnd), ownEnd, more: !task.last };
    return collectPart(source, range, task.format, { index: task.fileIndex, path: task.path }, task.locale);
  } finally {
    closeSync(fd);
  }
}

/** Reads a whole file as text (UTF-16 files and `.reg` exports) for the builder's `addFile`. */
export function readWholeText(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    return readRange(fd, 0, fstatSync(fd).size);
  } finally {
    closeSync(fd);
  }
}

/** The first split point at or after `offset`, or the end of the text when there is none. */
function splitAt(scan: string, offset: number, format: DocumentFormat): number {
  if (offset >= scan.length) return scan.length;
  const split = nextSplit(scan, offset, format);
  return split < 0 ? scan.length : split;
}

/** Reads `length` bytes from `position`; fewer if the file is shorter now (it shrank while being read). */
function readRange(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(Math.max(0, length));
  let filled = 0;
  while (filled < buffer.length) {
    const n = readSync(fd, buffer, filled, buffer.length - filled, position + filled);
    if (n === 0) break;
    filled += n;
  }
  return filled === buffer.length ? buffer : buffer.subarray(0, filled);
}
