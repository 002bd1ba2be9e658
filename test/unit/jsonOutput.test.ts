/** The CLI's JSON writer writes exactly what JSON.stringify(value, null, 2) writes, in pieces. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { jsonPieces, writeJson } from '../../server/src/node/jsonOutput';
import { fuzzParameters } from './support/fuzz/config';

describe('JSON written in pieces', () => {
  it('equals JSON.stringify(value, null, 2) for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        assert.equal([...jsonPieces(value, '')].join(''), JSON.stringify(value, null, 2));
      }),
      fuzzParameters(300),
    );
  });

  it('drops undefined members and writes undefined items as null, as JSON.stringify does', () => {
    const value = { a: undefined, b: [undefined, 1, { c: undefined, d: new Date(0) }], e: {}, f: [] };
    assert.equal([...jsonPieces(value, '')].join(''), JSON.stringify(value, null, 2));
  });

  it('writes a big value through a stream that applies backpressure', async () => {
    const value = { findings: Array.from({ length: 20_000 }, (_, i) => ({ code: 'access-denied', line: i, excerpt: `line ${i} 日本語 "quoted"` })) };
    const out = new PassThrough({ highWaterMark: 1024 });
    const chunks: string[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
    await writeJson(out, value);
    out.end();
    assert.equal(chunks.join(''), JSON.stringify(value, null, 2) + '\n');
  });
});
