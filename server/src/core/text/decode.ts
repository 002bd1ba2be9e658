/**
 * Bytes -> text for files read from disk (the CLI and, later, the folder diagnosis). Windows tools write
 * UTF-8 with or without BOM (ConfigMgr logs, wevtutil) and UTF-16LE with BOM (regedit, some exports).
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export function sniffEncoding(bytes: Uint8Array): { encoding: TextEncodingName; bomLength: number } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', bomLength: 3 };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  // UTF-16LE without BOM: ASCII text has a zero in every odd byte.
  if (bytes.length >= 4 && bytes[1] === 0 && bytes[3] === 0 && bytes[0] !== 0 && bytes[2] !== 0) {
    return { encoding: 'utf-16le', bomLength: 0 };
  }
  // UTF-16BE without BOM: the zeros are in the even bytes.
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[2] === 0 && bytes[1] !== 0 && bytes[3] !== 0) {
    return { encoding: 'utf-16be', bomLength: 0 };
  }
  return { encoding: 'utf-8', bomLength: 0 };
}

/** Decodes a whole file; invalid UTF-8 sequences become U+FFFD instead of failing. */
export function decodeText(bytes: Uint8Array): string {
  const { encoding, bomLength } = sniffEncoding(bytes);
  return new TextDecoder(encoding, { fatal: false }).decode(bytes.subarray(bomLength));
}
