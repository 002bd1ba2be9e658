/**
 * Writes a value as `JSON.stringify(value, null, 2)` would, piece by piece, waiting for the stream to
 * drain: the JSON of a diagnosis with tens of thousands of findings is tens of megabytes, and one
 * string of it would double the memory a big folder needs.
 */
import { once } from 'node:events';

const CHUNK = 64 * 1024;
/** Levels written element by element: the diagnosis object and its lists. */
const STREAMED_LEVELS = 2;

export async function writeJson(out: NodeJS.WritableStream, value: unknown): Promise<void> {
  let buffer = '';
  for (const piece of jsonPieces(value, '')) {
    buffer += piece;
    if (buffer.length >= CHUNK) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  buffer += '\n';
  if (!out.write(buffer)) await once(out, 'drain');
}

/**
 * The text of `JSON.stringify(value, null, 2)`, in pieces: the outer levels element by element, each
 * element below them (a finding, a correlation) in one piece.
 */
export function* jsonPieces(value: unknown, indent: string, depth = 0): Generator<string> {
  const json = toJSONValue(value);
  if (json === null || typeof json !== 'object' || depth >= STREAMED_LEVELS) {
    const text = JSON.stringify(json, null, 2) ?? 'null';
    yield indent === '' ? text : text.replace(/\n/g, `\n${indent}`);
    return;
  }
  const inner = indent + '  ';
  if (Array.isArray(json)) {
    if (json.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < json.length; i++) {
      yield `${i === 0 ? '' : ','}\n${inner}`;
      const item: unknown = json[i];
      // Undefined and functions are written as null in arrays, as JSON.stringify does.
      yield* jsonPieces(item === undefined || typeof item === 'function' ? null : item, inner, depth + 1);
    }
    yield `\n${indent}]`;
    return;
  }
  const entries = Object.entries(json as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i] as [string, unknown];
    yield `${i === 0 ? '' : ','}\n${inner}${JSON.stringify(key)}: `;
    yield* jsonPieces(v, inner, depth + 1);
  }
  yield `\n${indent}}`;
}

function toJSONValue(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON: () => unknown }).toJSON();
  }
  return value;
}
