/**
 * Property tests for the error-code matcher: any text, any sub-range, never throws and gives ordered
 * tokens inside the range; a code written in any form between separators is read exactly once with its
 * value; a code glued into a longer word or number is never read; time grows about linearly.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatHresult, scanErrorCodes } from '../../server/src/core/analysis/errorCodes';
import { explainCodeText } from '../../server/src/core/features/hover';
import { FUZZ_SEED, fuzzParameters } from './support/fuzz/config';
import { anyDocument, codeText, messageLine, mutated, realFiles } from './support/fuzz/generators';
import { assertCodeTokens } from './support/fuzz/invariants';
import { assertRoughlyLinear } from './support/fuzz/timing';

const realTexts = realFiles().map((f) => f.text);

type Form = 'hex' | 'HEX' | 'bareHex' | 'signedDecimal' | 'unsignedDecimal';

/** `value` written in `form`, or null when that form cannot write it (the matcher's documented shapes). */
function write(value: number, form: Form): string | null {
  const hex = value.toString(16).padStart(8, '0');
  switch (form) {
    case 'hex':
      return '0x' + hex;
    case 'HEX':
      return '0x' + hex.toUpperCase();
    case 'bareHex':
      return /^[89cC]/.test(hex) ? hex.toUpperCase() : null;
    case 'signedDecimal':
      return (value | 0) <= -1_000_000_000 ? String(value | 0) : null;
    case 'unsignedDecimal':
      return value >= 0x80000000 ? String(value) : null;
  }
}

const FORMS: readonly Form[] = ['hex', 'HEX', 'bareHex', 'signedDecimal', 'unsignedDecimal'];
/** Separators a code is written between in real logs. */
const separator = fc.constantFrom(' ', '(', ')', ':', ',', '\t', '\n', '\r\n', '=', '"', "'", '[', ']', ';', '');
/** Words that never read as codes. */
const word = fc.constantFrom('failed', 'with', 'error', 'code', 'hr', 'result', 'returned', 'Status', '失敗', '');
const glue = fc.string({ minLength: 1, maxLength: 3, unit: fc.constantFrom(...'0123456789abcdefZ_') });

describe('fuzz: error-code matcher', () => {
  it('never throws; tokens are in order, do not overlap and stay inside the range scanned', () => {
    fc.assert(
      fc.property(fc.oneof(anyDocument(realTexts), mutated(messageLine)), fc.nat(), fc.nat(), (text, a, b) => {
        assertCodeTokens(scanErrorCodes(text), 0, text.length);
        const start = a % (text.length + 1);
        const end = start + (b % (text.length - start + 1));
        const tokens = scanErrorCodes(text, start, end);
        assertCodeTokens(tokens, start, end);
        assert.deepEqual(scanErrorCodes(text, start, end), tokens, 'the same input gave different tokens');
      }),
      fuzzParameters(300),
    );
  });

  it('reads a code written in any form between separators, once, with its value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.constantFrom(...FORMS),
        word,
        separator,
        separator,
        word,
        (value, form, before, left, right, after) => {
          const written = write(value, form);
          fc.pre(written !== null);
          const head = before + (before && !left ? ' ' : '') + left;
          const text = head + written + right + (after && !right ? ' ' : '') + after;
          const tokens = scanErrorCodes(text).filter((t) => t.span.end > head.length && t.span.start < head.length + (written ?? '').length);
          assert.equal(tokens.length, 1, `${JSON.stringify(text)}: ${JSON.stringify(tokens)}`);
          assert.deepEqual(tokens[0]?.span, { start: head.length, end: head.length + (written ?? '').length });
          assert.equal(tokens[0]?.value, value);
        },
      ),
      fuzzParameters(400),
    );
  });

  it('never reads a code glued into a longer word or number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0x80000000, max: 0xffffffff }), fc.constantFrom(...FORMS), fc.option(glue), fc.option(glue), (value, form, left, right) => {
        const written = write(value, form);
        fc.pre(written !== null && (left !== null || right !== null));
        const head = 'at ' + (left ?? '');
        const text = head + written + (right ?? '') + ' end';
        const word = { start: 3, end: head.length + written.length + (right ?? '').length };
        // A token touching the code must be the whole glued word (`40` + `80000000` is the decimal 4080000000).
        const inside = scanErrorCodes(text).filter((t) => t.span.start < head.length + written.length && t.span.end > head.length);
        for (const t of inside) assert.deepEqual(t.span, word, `${JSON.stringify(text)}: ${JSON.stringify(t)} reads part of a longer word`);
      }),
      fuzzParameters(300),
    );
  });

  it('a huge number next to a code hides nothing and reads nothing of itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 11, max: 3000 }), fc.constantFrom('9', '8', '1', 'F'), codeText, (digits, d, code) => {
        const huge = d.repeat(digits);
        const text = `${huge} ${code} ${huge}`;
        const tokens = scanErrorCodes(text);
        assertCodeTokens(tokens, 0, text.length);
        for (const t of tokens) assert.ok(t.span.start > huge.length && t.span.end <= huge.length + 1 + code.length, `a token inside the huge number: ${JSON.stringify(t)}`);
      }),
      fuzzParameters(100),
    );
  });

  it('formatHresult writes what the matcher reads back; Look Up Error Code never throws', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.oneof(codeText, fc.string({ maxLength: 400 }), fc.string({ maxLength: 40, unit: 'binary' })), (value, typed) => {
        assert.equal(scanErrorCodes(formatHresult(value))[0]?.value, value);
        const explained = explainCodeText(typed, 'en');
        assert.equal(explained.markdown === null, explained.canonical === null);
      }),
      fuzzParameters(200),
    );
  });

  it('4x the text takes well under 20x the time', () => {
    const pieces = fc.sample(mutated(fc.array(fc.oneof(codeText, messageLine), { minLength: 5, maxLength: 30 }).map((p) => p.join(' '))), { seed: FUZZ_SEED, numRuns: 8 });
    const unit = pieces.join('\n') + '\n';
    assertRoughlyLinear('scanErrorCodes', (size) => unit.repeat(Math.ceil(size / unit.length)), (text) => void scanErrorCodes(text), { from: 16_384, maxBase: 1 << 21 });
  });
});
