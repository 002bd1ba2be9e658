/**
 * Labelled corpus: every file in test/fixtures/corpus is read from disk as bytes (BOMs, UTF-16LE, CRLF,
 * bare LF and CR included), analysed, and its diagnostics compared with the hand-made labels in
 * expected.json: exactly the labelled (line, code) pairs, nothing missing, nothing extra.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeText } from '../../server/src/core/text/decode';
import { analyzeDocument } from '../../server/src/core/document';
import { getDiagnostics } from '../../server/src/core/features/diagnostics';
import { repoRoot as findRepoRoot } from './support/repoRoot';

interface Label {
  readonly line: number;
  readonly code: string;
}


const corpusDir = path.join(findRepoRoot(__dirname), 'test', 'fixtures', 'corpus');
const expected = JSON.parse(fs.readFileSync(path.join(corpusDir, 'expected.json'), 'utf8')) as Record<string, Label[]>;

const key = (l: Label): string => `${String(l.line).padStart(5, '0')} ${l.code}`;

/** Multiset difference a - b. */
function minus(a: readonly Label[], b: readonly Label[]): Label[] {
  const left = new Map<string, number>();
  for (const l of b) left.set(key(l), (left.get(key(l)) ?? 0) + 1);
  const out: Label[] = [];
  for (const l of a) {
    const n = left.get(key(l)) ?? 0;
    if (n > 0) left.set(key(l), n - 1);
    else out.push(l);
  }
  return out;
}

function describeLabels(labels: readonly Label[], lines: readonly string[]): string {
  if (labels.length === 0) return '    (none)';
  return labels
    .map((l) => `    line ${l.line} ${l.code}: ${(lines[l.line - 1] ?? '<no such line>').trim().slice(0, 160)}`)
    .join('\n');
}

describe('labelled corpus: diagnostics match expected.json exactly', () => {
  it('every file in the corpus folder is labelled', () => {
    const files = fs.readdirSync(corpusDir).filter((f) => f !== 'expected.json');
    assert.deepEqual(files.filter((f) => !(f in expected)), []);
  });

  for (const [name, labels] of Object.entries(expected)) {
    it(name, () => {
      const bytes = fs.readFileSync(path.join(corpusDir, name));
      const text = decodeText(bytes);
      const doc = analyzeDocument(text, name);
      const diagnostics = getDiagnostics(doc, 'en');

      for (const d of diagnostics) assert.equal(d.source, 'configmgr', `source of ${String(d.code)} on line ${d.range.start.line + 1}`);

      const actual: Label[] = diagnostics.map((d) => ({ line: d.range.start.line + 1, code: String(d.code) }));
      const sortedActual = [...actual].sort((a, b) => key(a).localeCompare(key(b)));
      const sortedExpected = [...labels].sort((a, b) => key(a).localeCompare(key(b)));
      const lines = text.split(/\r\n|\r|\n/);
      const missing = minus(sortedExpected, sortedActual);
      const unexpected = minus(sortedActual, sortedExpected);
      assert.deepEqual(
        sortedActual,
        sortedExpected,
        `${name}: diagnostics differ from the labels\n  missing:\n${describeLabels(missing, lines)}\n` +
          `  unexpected:\n${describeLabels(unexpected, lines)}`,
      );
    });
  }
});
