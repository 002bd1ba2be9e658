import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectFormat } from '../../server/src/core/formats/detect';
import { decodeText, sniffEncoding } from '../../server/src/core/text/decode';
import { LineIndex } from '../../server/src/core/text/lineIndex';

describe('LineIndex counts lines as the editor does (CRLF, LF, lone CR)', () => {
  const text = 'a\r\nbb\ncc\rd';
  const index = new LineIndex(text);
  it('line count', () => assert.equal(index.lineCount, 4));
  const cases: [number, number, number][] = [
    [0, 0, 0],
    [1, 0, 1],
    [3, 1, 0],
    [5, 1, 2],
    [6, 2, 0],
    [9, 3, 0],
    [10, 3, 1],
  ];
  for (const [offset, line, character] of cases) {
    it(`offset ${offset} is ${line}:${character} and back`, () => {
      assert.deepEqual(index.positionAt(offset), { line, character });
      assert.equal(index.offsetAt({ line, character }), offset);
    });
  }
  it('line ends exclude terminators', () => {
    assert.equal(index.lineEnd(0), 1);
    assert.equal(index.lineEnd(2), 8);
    assert.equal(index.lineEnd(3), 10);
  });
});

describe('decodeText', () => {
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  it('UTF-8 with and without BOM', () => {
    assert.equal(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('アクセス')])), 'アクセス');
    assert.equal(decodeText(enc('plain')), 'plain');
  });
  it('UTF-16LE with BOM, as regedit and some exports write', () => {
    const body = Buffer.from('<Events>é</Events>', 'utf16le');
    assert.equal(decodeText(new Uint8Array([0xff, 0xfe, ...body])), '<Events>é</Events>');
  });
  it('UTF-16LE without BOM is sniffed', () => {
    assert.equal(sniffEncoding(Buffer.from('<Ev', 'utf16le')).encoding, 'utf-16le');
  });
  it('invalid UTF-8 becomes U+FFFD instead of failing', () => {
    assert.equal(decodeText(new Uint8Array([0x41, 0xff, 0x42])), 'A\uFFFDB');
  });
});

describe('detectFormat', () => {
  const cases: [string, string][] = [
    ['\uFEFF<![LOG[Starting]LOG]!><time="10:00:00.000+000" date="01-01-2023" component="x" context="" type="1" thread="1" file="">', 'ccm'],
    ['ding file]LOG]!><time="10:00:00.000+000" date="01-01-2023" component="x" context="" type="1" thread="1" file="">', 'ccm'],
    ['~Processing  $$<SMS_DISTRIBUTION_MANAGER><06-14-2022 06:26:25.828-60><thread=9112 (0x2398)>', 'simple'],
    ['Setup started  $$<Configuration Manager Setup><6-1-2022 06:26:25.828+180><thread=1 (0x1)>', 'simple'],
    ['[14, PID:5720][06/20/2022 10:02:11] :Connecting', 'adminui'],
    ['header line\n[994][06/20/2022 10:02:11]: Error(x)', 'adminui'],
    ['<?xml version="1.0" encoding="utf-8" standalone="yes"?>\r\n<Events><Event xmlns=\'http://schemas.microsoft.com/win/2004/08/events/event\'>', 'eventXml'],
    ["<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>", 'eventXml'],
    ['just some text\nwith lines', 'plain'],
    ['<root><child/></root>', 'plain'],
    ['', 'plain'],
  ];
  for (const [head, format] of cases) {
    it(`${JSON.stringify(head.slice(0, 40))} is ${format}`, () => assert.equal(detectFormat(head), format));
  }
});
