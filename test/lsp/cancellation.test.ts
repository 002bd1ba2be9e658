/**
 * Long requests honour `$/cancelRequest`: semantic tokens, folding ranges and the severity lines of a
 * big log answer RequestCancelled (-32800) when cancelled at once or while they run, far sooner than the
 * full computation, and the server then answers a hover at once. Uncancelled, the answers (computed in
 * steps) are exactly the core's answers over the whole document; the steps join into the whole answer
 * for any document and any step size (fast-check, on the server's stepping functions themselves).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import type { FoldingRange, SemanticTokens } from 'vscode-languageserver-protocol';
import { analyzeDocument } from '../../server/src/core/document';
import { getFoldingRanges } from '../../server/src/core/features/folding';
import { getSemanticTokens } from '../../server/src/core/features/semanticTokens';
import { getSeverityLines } from '../../server/src/core/features/severityRanges';
import { getLanguageService } from '../../server/src/core/languageService';
import {
  Cancelled,
  codeActionsInSteps,
  diagnosticsInSteps,
  foldingRangesInSteps,
  semanticTokensInSteps,
  severityLinesInSteps,
} from '../../server/src/featuresInSteps';
import { fuzzParameters } from '../unit/support/fuzz/config';
import { anyDocument, realFiles } from '../unit/support/fuzz/generators';
import { startServer, type ServerSession } from './support/serverProcess';

const REQUEST_CANCELLED = -32800;

const ccm = (msg: string, type: string, thread: number): string =>
  `<![LOG[${msg}]LOG]!><time="10:02:${String(thread % 60).padStart(2, '0')}.204-540" date="06-20-2023" component="SMS_PROV" context="" type="${type}" thread="${thread}" file="x.cpp:1">`;

/** A task sequence log of about `mb` MB: progress, warnings, multi-line failures with codes. */
function bigLog(mb: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < mb * 1024 * 1024; i++) {
    const record =
      i % 50 === 0
        ? ccm(`Failed to connect to \\\\DP01\\root\\sms (0x80070005)\r\n   at step ${i}\r\n   Access is denied`, '3', i)
        : i % 7 === 0
          ? ccm(`Retrying download of PS1000${i % 100} (attempt ${i % 5})`, '2', i)
          : ccm(`Executing step ${i}: SELECT * FROM SMS_Package WHERE PackageID='PS1000${i % 100}'`, '1', i);
    parts.push(record);
    size += record.length + 2;
  }
  return parts.join('\r\n') + '\r\n';
}

interface Outcome {
  readonly ms: number;
  readonly result?: unknown;
  readonly code?: number;
}

describe('long requests honour cancellation', () => {
  let session: ServerSession;
  const uri = 'file:///evidence/CLIENT01/smsts.log';
  const text = bigLog(10);
  let fullMs = 0;

  /** Sends a request; `cancelAfterMs` null: never cancelled, 0: cancelled at once, else after that long. */
  async function request(method: string, params: unknown, cancelAfterMs: number | null): Promise<Outcome> {
    const source = new CancellationTokenSource();
    const started = performance.now();
    const answer = session.connection.sendRequest(method, params, source.token);
    if (cancelAfterMs === 0) source.cancel();
    else if (cancelAfterMs !== null) setTimeout(() => source.cancel(), cancelAfterMs);
    try {
      const result = await answer;
      return { ms: performance.now() - started, result };
    } catch (error) {
      if (error instanceof ResponseError) return { ms: performance.now() - started, code: error.code };
      throw error;
    }
  }

  const tokens = (cancel: number | null): Promise<Outcome> => request('textDocument/semanticTokens/full', { textDocument: { uri } }, cancel);

  before(async () => {
    session = await startServer('en');
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'configmgr-log', version: 1, text } });
    await session.diagnosticsFor(uri, 1);
  });
  after(async () => {
    await session.close();
  });

  it('uncancelled, the tokens, folds and severity lines computed in steps are the core’s over the whole document', async () => {
    const doc = analyzeDocument(text, 'smsts.log');
    const first = await tokens(null);
    const second = await tokens(null);
    fullMs = Math.min(first.ms, second.ms);
    assert.deepEqual((second.result as SemanticTokens).data, getSemanticTokens(doc).data);
    const folds = (await request('textDocument/foldingRange', { textDocument: { uri } }, null)).result as FoldingRange[];
    assert.deepEqual(folds, getFoldingRanges(doc));
    const lines = (await request('configmgr/severityLines', { uri }, null)).result;
    assert.deepEqual(lines, { version: 1, ...getSeverityLines(doc) });
  });

  it('semantic tokens cancelled at once answer RequestCancelled, sooner than the full computation', async () => {
    const outcome = await tokens(0);
    assert.equal(outcome.code, REQUEST_CANCELLED, `answered ${outcome.result === undefined ? 'an error' : 'in full'} in ${Math.round(outcome.ms)} ms`);
    assert.ok(outcome.ms < fullMs, `cancelled answer took ${Math.round(outcome.ms)} ms, the full one ${Math.round(fullMs)} ms`);
  });

  it('semantic tokens cancelled while they are computed stop early', async () => {
    // A tenth of the full time in: the server is between two of its steps, far from done.
    const outcome = await tokens(Math.max(1, fullMs / 10));
    assert.equal(outcome.code, REQUEST_CANCELLED, `answered in full in ${Math.round(outcome.ms)} ms (full: ${Math.round(fullMs)} ms)`);
    assert.ok(outcome.ms < fullMs * 0.8, `cancelled answer took ${Math.round(outcome.ms)} ms, the full one ${Math.round(fullMs)} ms`);
  });

  it('folding ranges and severity lines cancelled at once answer RequestCancelled, while tokens go on', async () => {
    // On their own they take a few milliseconds, which can pass before the cancel arrives; beside a
    // long request their steps alternate with its steps, so the cancel always finds them running.
    const busy = tokens(null);
    const folds = request('textDocument/foldingRange', { textDocument: { uri } }, 0);
    const lines = request('configmgr/severityLines', { uri }, 0);
    assert.equal((await folds).code, REQUEST_CANCELLED);
    assert.equal((await lines).code, REQUEST_CANCELLED);
    assert.ok(((await busy).result as SemanticTokens).data.length > 0, 'the uncancelled request still completes');
  });

  it('after cancellations, a hover is answered at once and the tokens are still whole', async () => {
    await tokens(0);
    const started = performance.now();
    const lines = text.split('\r\n', 200);
    const line = lines.findIndex((l) => l.includes('0x80070005'));
    const hover = (await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: (lines[line] ?? '').indexOf('0x80070005') + 2 },
    })) as { contents: { value: string } } | null;
    const hoverMs = performance.now() - started;
    assert.match(hover?.contents.value ?? '', /E_ACCESSDENIED/);
    assert.ok(hoverMs < Math.max(250, fullMs / 2), `hover took ${Math.round(hoverMs)} ms`);
    const again = await tokens(null);
    assert.equal((again.result as SemanticTokens).data.length, getSemanticTokens(analyzeDocument(text, 'smsts.log')).data.length);
  });
});

describe('features in steps join into the whole feature’s answer', () => {
  const service = getLanguageService({ locale: 'en' });
  const never = async (): Promise<boolean> => false;
  const seeds = realFiles().map((f) => f.text);

  it('any document, any step size: tokens, folds, severity lines, diagnostics, code actions', async () => {
    await fc.assert(
      fc.asyncProperty(anyDocument(seeds), fc.integer({ min: 1, max: 5 }), fc.constantFrom('SMSProv.log', 'System.xml', 'SmsAdminUI.log'), async (text, size, name) => {
        const doc = analyzeDocument(text, name);
        assert.deepEqual(await semanticTokensInSteps(service, doc, never, size), service.getSemanticTokens(doc));
        assert.deepEqual(await foldingRangesInSteps(service, doc, never, size), service.getFoldingRanges(doc));
        assert.deepEqual(await severityLinesInSteps(service, doc, never, size), service.getSeverityLines(doc));
        const diagnostics = service.getDiagnostics(doc);
        assert.deepEqual(await diagnosticsInSteps(service, doc, never, size), diagnostics);
        const request = { uri: 'file:///x', range: { start: { line: 0, character: 0 }, end: { line: doc.lineIndex.lineCount, character: 0 } }, diagnostics };
        assert.deepEqual(
          await codeActionsInSteps(service, doc, request, never, size),
          service.getCodeActions(doc, request.uri, request.range, diagnostics),
        );
      }),
      fuzzParameters(150),
    );
  });

  it('stops at the first checkpoint that says so', async () => {
    const doc = analyzeDocument(seeds.join('\n'), 'smsts.log');
    let calls = 0;
    const third = async (): Promise<boolean> => ++calls >= 3;
    await assert.rejects(semanticTokensInSteps(service, doc, third, 1), Cancelled);
    assert.equal(calls, 3);
  });
});
