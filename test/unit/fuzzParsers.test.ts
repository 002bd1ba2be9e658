/**
 * Property tests for every parser and for the analysed document with its features: generated
 * real-shaped text and real files, mutated (cut, flipped, spliced with markers, huge numbers, mixed line
 * ends). Whatever the input: nothing throws, every span is inside the text and in order, log records do
 * not overlap and cover every non-blank character, fields sit inside their record, the same input gives
 * the same model, and the work grows about linearly with the input.
 *
 * Short seeded runs here; `FUZZ_RUNS=n` for a long run (see support/fuzz/config.ts).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeDocument } from '../../server/src/core/document';
import { parseDocument, detectFormat } from '../../server/src/core/formats';
import { parseAdminUiLog } from '../../server/src/core/formats/adminui';
import { parseCcmLog } from '../../server/src/core/formats/ccm';
import { parseEventXml } from '../../server/src/core/formats/eventXml';
import { parsePlainLog } from '../../server/src/core/formats/plain';
import { looksLikeRegExport, parseRegExport } from '../../server/src/core/formats/reg';
import { parseSimpleLog } from '../../server/src/core/formats/simple';
import type { DocumentModel } from '../../server/src/core/model';
import { FUZZ_SEED, LONG_RUN, fuzzParameters } from './support/fuzz/config';
import {
  adminUiLog,
  anyDocument,
  ccmLog,
  ccmRecord,
  eventXml,
  mutated,
  plainLog,
  realFiles,
  regExport,
  simpleLog,
  simpleRecord,
} from './support/fuzz/generators';
import {
  assertDocumentModel,
  assertEventModel,
  assertFeatures,
  assertLogModel,
  assertRegModel,
  hoverOffsets,
  snapshotModel,
} from './support/fuzz/invariants';
import { assertRoughlyLinear } from './support/fuzz/timing';

const REAL = realFiles();
const realTexts = REAL.map((f) => f.text);
const realOf = (pattern: RegExp): string[] => REAL.filter((f) => pattern.test(f.path)).map((f) => f.text);

/** A fresh copy of a string, so a second parse cannot share anything with the first. */
const copy = (text: string): string => (' ' + text).slice(1);

/** The same input parsed twice gives the same model. */
function assertDeterministic(text: string, parse: (text: string) => DocumentModel): void {
  assert.deepEqual(snapshotModel(parse(copy(text))), snapshotModel(parse(text)), 'the same input gave a different model');
}

/** Real files of a format, as extra seeds beside the generator. */
function withReal(generator: fc.Arbitrary<string>, real: readonly string[]): fc.Arbitrary<string> {
  return real.length === 0 ? generator : fc.oneof({ weight: 3, arbitrary: generator }, { weight: 1, arbitrary: fc.constantFrom(...real) });
}

interface LogParserCase {
  readonly name: string;
  readonly parse: (text: string) => DocumentModel;
  readonly generator: fc.Arbitrary<string>;
  readonly real: readonly string[];
}

const LOG_PARSERS: readonly LogParserCase[] = [
  { name: 'ccm', parse: parseCcmLog, generator: ccmLog, real: realOf(/smsts|ccmsetup|CAS\.log|SMSProv|SMSDPProv/) },
  { name: 'simple', parse: parseSimpleLog, generator: simpleLog, real: realOf(/distmgr|PkgXferMgr|hman/) },
  { name: 'adminui', parse: parseAdminUiLog, generator: adminUiLog, real: realOf(/SmsAdminUI/) },
  { name: 'plain', parse: parsePlainLog, generator: plainLog, real: [] },
];

describe('fuzz: log parsers', () => {
  for (const c of LOG_PARSERS) {
    it(`${c.name}: never throws, spans ordered and inside the text, records cover it without overlap, same input same model`, () => {
      fc.assert(
        fc.property(mutated(withReal(c.generator, c.real)), (text) => {
          const model = c.parse(text);
          assert.equal(model.kind, 'log');
          if (model.kind === 'log') assertLogModel(text, model);
          assertDeterministic(text, c.parse);
        }),
        fuzzParameters(150),
      );
    });

    it(`${c.name}: holds on any document (other formats, glued, random)`, () => {
      fc.assert(
        fc.property(anyDocument(realTexts), (text) => {
          const model = c.parse(text);
          if (model.kind === 'log') assertLogModel(text, model);
        }),
        fuzzParameters(100),
      );
    });
  }

  it('ccm: an unbroken log gives one record per record written, with the written type', () => {
    fc.assert(
      // (A quote inside a value, `component="x"y"`, breaks the trailer as CMTrace reads it: not an unbroken log.)
      fc.property(fc.array(ccmRecord.filter((r) => !r.includes('x"y')), { minLength: 1, maxLength: 10 }), (records) => {
        const text = records.join('');
        const model = parseCcmLog(text);
        assert.equal(model.records.length, records.length);
        for (const [i, r] of model.records.entries()) {
          const type = /type="([^"]*)"/.exec(records[i] ?? '')?.[1] ?? '';
          const expected = ({ '0': 'none', '1': 'info', '2': 'warning', '3': 'error' } as Record<string, string>)[type.trim()];
          if (expected !== undefined) assert.equal(r.severity, expected, `record ${i} type="${type}"`);
          assert.equal(r.truncated, false);
        }
      }),
      fuzzParameters(100),
    );
  });

  it('simple: an unbroken log gives one record per trailer line', () => {
    fc.assert(
      fc.property(fc.array(simpleRecord, { minLength: 1, maxLength: 10 }), (records) => {
        const text = records.join('');
        const model = parseSimpleLog(text);
        assert.equal(model.records.length, records.length);
        for (const r of model.records) assert.ok(r.component !== null && r.thread !== null && r.header !== null);
      }),
      fuzzParameters(100),
    );
  });
});

describe('fuzz: event XML parser', () => {
  const real = realOf(/\.xml$|\.txt$/);
  it('never throws, events ordered and inside the text, fields inside their event, same input same model', () => {
    fc.assert(
      fc.property(mutated(withReal(eventXml, real)), (text) => {
        const model = parseEventXml(text);
        assertEventModel(text, model);
        assertDeterministic(text, parseEventXml);
      }),
      fuzzParameters(150),
    );
  });

  it('holds on any document (logs, glued, random)', () => {
    fc.assert(
      fc.property(anyDocument(realTexts), (text) => assertEventModel(text, parseEventXml(text))),
      fuzzParameters(100),
    );
  });

  it('reads every event of an unbroken export', () => {
    fc.assert(
      fc.property(eventXml, (text) => {
        const expected = (text.match(/<(?:e:)?Event [^>]*>/g) ?? []).length;
        assert.equal(parseEventXml(text).events.length, expected);
      }),
      fuzzParameters(100),
    );
  });
});

describe('fuzz: .reg parser', () => {
  it('never throws, keys and values ordered and inside the text, same input same model', () => {
    fc.assert(
      fc.property(mutated(withReal(regExport, realOf(/\.reg$/))), (text) => {
        const model = parseRegExport(text);
        assertRegModel(text, model);
        assert.deepEqual(parseRegExport(copy(text)), model, 'the same input gave a different model');
        looksLikeRegExport(text);
      }),
      fuzzParameters(150),
    );
  });

  it('holds on any document', () => {
    fc.assert(
      fc.property(anyDocument(realTexts), (text) => assertRegModel(text, parseRegExport(text))),
      fuzzParameters(100),
    );
  });
});

describe('fuzz: analysed document and features', () => {
  it('detection, parse, codes, findings and every feature hold on any document', () => {
    fc.assert(
      fc.property(anyDocument(realTexts), fc.constantFrom(undefined, 'C:\\Logs\\SmsAdminUI.log', 'distmgr.log', 'System.xml'), (text, fileName) => {
        const doc = analyzeDocument(text, fileName);
        assert.equal(doc.model.kind === 'log' ? doc.model.format : 'eventXml', detectFormat(text));
        assertDocumentModel(text, doc.model);
        assertFeatures(doc, hoverOffsets(doc));
        const again = analyzeDocument(copy(text), fileName);
        assert.deepEqual(snapshotModel(again.model), snapshotModel(doc.model));
        assert.deepEqual(again.codes, doc.codes);
        assert.deepEqual(
          again.findings.map((f) => [f.kind, f.code, f.severity, f.span]),
          doc.findings.map((f) => [f.kind, f.code, f.severity, f.span]),
        );
        for (const f of doc.findings) assert.ok(f.span.start >= 0 && f.span.end <= text.length, 'finding outside the text');
      }),
      fuzzParameters(120),
    );
  });

  it('every parser holds on text forced into it, whatever it is', () => {
    fc.assert(
      fc.property(anyDocument(realTexts), fc.constantFrom('ccm', 'simple', 'adminui', 'plain', 'eventXml') , (text, format) => {
        const doc = analyzeDocument(text, undefined, format);
        assertDocumentModel(text, doc.model);
        assertFeatures(doc, [0, text.length >> 1, text.length]);
      }),
      fuzzParameters(80),
    );
  });
});

describe('fuzz: time grows about linearly with the input', () => {
  // Inputs: a few generated (and mutated) documents of the format, repeated to the size wanted.
  const samples = (generator: fc.Arbitrary<string>, count: number): string[] =>
    fc.sample(mutated(generator, 3), { seed: FUZZ_SEED, numRuns: count }).filter((s) => s.length > 0);
  const grow = (pieces: readonly string[]) => (size: number): string => {
    const unit = pieces.join('\r\n') + '\r\n';
    return unit.repeat(Math.max(1, Math.ceil(size / unit.length)));
  };
  const count = LONG_RUN ? 12 : 2;
  const cases: [string, fc.Arbitrary<string>, (text: string) => unknown][] = [
    ['ccm', ccmLog, parseCcmLog],
    ['simple', simpleLog, parseSimpleLog],
    ['adminui', adminUiLog, parseAdminUiLog],
    ['plain', plainLog, parsePlainLog],
    ['eventXml', eventXml, parseEventXml],
    ['reg', regExport, parseRegExport],
    ['analyzeDocument', anyDocument(realTexts), (text) => analyzeDocument(text)],
  ];
  for (const [name, generator, parse] of cases) {
    it(`${name}: 4x the input takes well under 20x the time`, () => {
      // Three documents per input, repeated, so that what one of them does wrong dominates the time.
      const pieces = samples(generator, 3 * count);
      for (let k = 0; k < pieces.length; k += 3) {
        assertRoughlyLinear(`${name} input ${k / 3}`, grow(pieces.slice(k, k + 3)), (text) => void parse(text), { from: 16_384, maxBase: 1 << 20 });
      }
    });
  }

  it('parseDocument on a mix of every format glued together', () => {
    const pieces = [ccmLog, simpleLog, adminUiLog, eventXml, regExport].flatMap((g) => samples(g, 2));
    assertRoughlyLinear('parseDocument mix', grow(pieces), (text) => void parseDocument(text, detectFormat(text)), { from: 16_384, maxBase: 1 << 20 });
  });
});
