/**
 * Regex audit: every regular expression in server/src/core, run against adversarial strings built from
 * its own atoms (see support/fuzz/regexAudit.ts), must scan in about linear time. Literal patterns are
 * read from the sources; patterns built with `new RegExp(…)` are captured while the core loads and runs
 * over the samples and the corpus, and the test fails if any construction site went uncaptured, so a
 * new pattern cannot slip past the audit.
 *
 * This file imports no core module statically: the core is loaded only once `RegExp` is being watched.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DEFAULT_AUDIT, auditInWorker, auditPattern, scanCoreSources, type AuditedPattern } from './support/fuzz/regexAudit';

const ROOT = resolve(__dirname, '../../..');
const CORE_OUT = join(ROOT, 'out', 'server', 'src', 'core');

interface Captured extends AuditedPattern {
  /** `server/src/core/…ts` and the line of the compiled JavaScript that built it. */
  readonly file: string;
  readonly jsLine: number;
}

function jsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? jsFilesUnder(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : [],
  );
}

function evidenceFiles(): { path: string; bytes: Buffer }[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : /\.(?:log|xml|txt|reg)$/i.test(e.name) ? [join(dir, e.name)] : []));
  return [join(ROOT, 'samples'), join(ROOT, 'test', 'fixtures', 'corpus'), join(ROOT, 'test', 'fixtures', 'events')]
    .flatMap(walk)
    .sort()
    .map((path) => ({ path: relative(ROOT, path).split('\\').join('/'), bytes: readFileSync(path) }));
}

/**
 * Loads every core module and runs the core over real evidence with `RegExp` replaced by a proxy that
 * records each pattern built and the core line that built it.
 */
async function captureDynamicPatterns(): Promise<Captured[]> {
  const captured = new Map<string, Captured>();
  const Original = RegExp;
  const record = (re: RegExp): void => {
    const frame = (new Error().stack ?? '').split('\n').find((line) => line.includes(`${join('out', 'server', 'src', 'core')}`));
    const at = frame ? /\((.*):(\d+):\d+\)$|at (.*):(\d+):\d+$/.exec(frame.trim()) : null;
    const path = at?.[1] ?? at?.[3];
    if (!path) return;
    const file = relative(join(ROOT, 'out'), path).split('\\').join('/').replace(/\.js$/, '.ts');
    const jsLine = Number(at?.[2] ?? at?.[4]);
    const key = `${file}:${jsLine}:${re.source}:${re.flags}`;
    if (!captured.has(key)) captured.set(key, { site: `${file} (built at run time)`, source: re.source, flags: re.flags, file, jsLine });
  };
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args, newTarget) {
      const re = Reflect.construct(target, args, newTarget) as RegExp;
      record(re);
      return re;
    },
    apply(target, thisArg, args) {
      const re = Reflect.apply(target, thisArg, args) as RegExp;
      record(re);
      return re;
    },
  });
  try {
    for (const file of jsFilesUnder(CORE_OUT).sort()) await import(file);
    const { decodeText } = await import('../../server/src/core/text/decode');
    const { analyzeDocument } = await import('../../server/src/core/document');
    const { getDiagnostics } = await import('../../server/src/core/features/diagnostics');
    const { getSemanticTokens } = await import('../../server/src/core/features/semanticTokens');
    const { getHover, explainCodeText } = await import('../../server/src/core/features/hover');
    const { getCodeActions } = await import('../../server/src/core/features/codeActions');
    const { createDiagnosisBuilder } = await import('../../server/src/core/diagnosis');
    const report = await import('../../server/src/core/report');
    const files = evidenceFiles();
    for (const locale of ['en', 'ja'] as const) {
      const builder = createDiagnosisBuilder({ locale, windowSeconds: 120, defaultUtcOffsetMinutes: null });
      for (const { path, bytes } of files) {
        const text = decodeText(bytes);
        builder.addFile(path, text);
        const doc = analyzeDocument(text, path);
        const diagnostics = getDiagnostics(doc, locale);
        getSemanticTokens(doc);
        for (const d of diagnostics) {
          getHover(doc, d.range.start, locale);
          getCodeActions(doc, { uri: `file:///${path}`, range: d.range, diagnostics: [d] }, locale);
        }
      }
      // A bare `&` in event XML is the one path that builds its scanner on demand.
      analyzeDocument(`<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID>1</EventID></System><EventData><Data>AT&T</Data></EventData></Event>`);
      explainCodeText('0x80070005', locale);
      const diagnosis = builder.finish();
      for (const d of [diagnosis, report.redactDiagnosis(diagnosis)]) {
        report.toContractJson(d);
        report.toSarif(d, '0.0.0');
        report.toMarkdown(d);
        report.toText(d);
        report.toHtml(d, { nonce: 'audit', cspSource: 'vscode-resource:' });
      }
    }
  } finally {
    globalThis.RegExp = Original;
  }
  return [...captured.values()];
}

describe('regex audit', () => {
  it('every RegExp in the core scans adversarial input in about linear time', async () => {
    const { literals, dynamicSites } = scanCoreSources(ROOT);
    const dynamic = await captureDynamicPatterns();

    // Every `new RegExp(…)` site in the sources was captured: a file with k sites built k patterns or more.
    const sitesPerFile = new Map<string, number>();
    for (const s of dynamicSites) sitesPerFile.set(s.file, (sitesPerFile.get(s.file) ?? 0) + 1);
    for (const [file, count] of sitesPerFile) {
      const built = new Set(dynamic.filter((d) => d.file === file).map((d) => d.jsLine)).size;
      assert.ok(
        built >= count,
        `${file} builds RegExps at ${count} sites but only ${built} were captured: run the new code path in captureDynamicPatterns ` +
          `(${dynamicSites.filter((s) => s.file === file).map((s) => `line ${s.line}`).join(', ')})`,
      );
    }
    assert.ok(literals.length > 150, `only ${literals.length} regex literals found: is the source scan broken?`);

    const seen = new Set<string>();
    const patterns: AuditedPattern[] = [];
    for (const p of [...literals, ...dynamic]) {
      const key = `${p.source}/${p.flags}`;
      if (seen.has(key)) continue;
      seen.add(key);
      patterns.push({ site: p.site, source: p.source, flags: p.flags });
    }
    const results = await auditInWorker(patterns, 10_000);
    const failures = results.filter((r) => r.failure !== null);
    assert.deepEqual(
      failures.map((r) => `${r.site} /${r.source.length > 120 ? r.source.slice(0, 120) + '…' : r.source}/: ${r.failure}`),
      [],
      'super-linear patterns',
    );
    assert.equal(results.filter((r) => r !== undefined).length, patterns.length, 'every pattern was audited');
  });

  it('the audit itself catches quadratic and exponential patterns and passes linear ones', async () => {
    const probe = (source: string, flags = ''): AuditedPattern => ({ site: 'probe', source, flags });
    // Half the audit's size, to keep this quick (timings on this machine vary 2x run to run: the 8x
    // size step keeps linear, about 8x, and quadratic, about 64x, well apart on either side of 24x).
    const quick = { ...DEFAULT_AUDIT, size: 1500, suspectMs: 0.15 };
    assert.match(auditPattern(probe('<[^>]*>', 'g'), quick).failure ?? '', /took/, 'unclosed tags are quadratic');
    assert.match(auditPattern(probe('\\.+$'), quick).failure ?? '', /took/, 'trailing dots are quadratic');
    assert.equal(auditPattern(probe('(?<!\\.)\\.+$'), quick).failure, null, 'trailing dots from the start of their run are linear');
    assert.equal(auditPattern(probe('\\bfoo\\b|<[^<>]*>', 'gi'), quick).failure, null);
    const [exponential] = await auditInWorker([probe('^(a+)+b')], 500);
    assert.match(exponential?.failure ?? '', /did not finish/);
  });
});
