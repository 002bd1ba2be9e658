/**
 * The sparse reading of a file (only the records a probe finds are parsed) against the full reading
 * (every record parsed), which stays in the code for AdminUI and plain text and serves here as the
 * reference: the same findings with the same lines, columns, messages, excerpts and hints, the same
 * summaries. And a file read in parts, cut anywhere, or searched as raw UTF-8 bytes, gives the same
 * evidence as the file read at once.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { collectDocumentEvidence } from '../../server/src/core/diagnosis/fileEvidence';
import type { FileEvidence } from '../../server/src/core/diagnosis/evidence';
import { collectPart, collectTextEvidence, mergeParts, nextSplit, textScan, type EvidencePart, type ScanText } from '../../server/src/core/diagnosis/sparse';
import { LogProbe } from '../../server/src/core/diagnosis/sparse/logProbe';
import { scanErrorCodes } from '../../server/src/core/analysis/errorCodes';
import { allSymbols, entryForSymbol } from '../../server/src/core/knowledge/errorCatalog';
import { hresultFromWin32 } from '../../server/src/core/knowledge/hresult';
import { detectFormat } from '../../server/src/core/formats';
import type { DocumentFormat } from '../../server/src/core/model';
import { fuzzParameters } from './support/fuzz/config';
import { ccmLog, eventXml, realFiles, simpleLog } from './support/fuzz/generators';

const FILE = { index: 0, path: 'C:\\Windows\\CCM\\Logs\\smsts.log' };

/** The fields a sparse reading must match exactly; `records` and `problems` only for well-formed text. */
function comparable(e: FileEvidence, counts: boolean): unknown {
  const { findings, statusMessageSystems, addressesOfHosts, ownAddresses, versions, eventComputers, biases, records, problems, format } = e;
  return { format, findings, statusMessageSystems, addressesOfHosts, ownAddresses, versions, eventComputers, ...(counts ? { biases, records, problems } : {}) };
}

function bytesScan(text: string): ScanText {
  const buffer = Buffer.from(text, 'utf8');
  return { scan: buffer.toString('latin1'), bytes: true, decode: (start, end) => buffer.toString('utf8', start, end) };
}

/** Reads `text` in parts cut at the split points after `cuts` (fractions of its length). */
function readInParts(src: ScanText, format: DocumentFormat, cuts: readonly number[]): FileEvidence {
  const s = src.scan;
  const starts = [0];
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const at = Math.floor(cut * s.length);
    const split = at <= 0 ? -1 : nextSplit(s, at, format);
    if (split > (starts[starts.length - 1] ?? 0) && split < s.length) starts.push(split);
  }
  const parts: EvidencePart[] = starts.map((start, i) => {
    const end = starts[i + 1] ?? s.length;
    return collectPart(src, { ownStart: start, ownEnd: end, more: end < s.length }, format, FILE, 'en');
  });
  return mergeParts(FILE, format, parts);
}

/** A CCM log with what the summaries read: hosts named on threads, status messages, versions, addresses. */
function richCcmLog(records: number): string {
  const lines: string[] = [];
  for (let i = 0; i < records; i++) {
    const thread = String(1000 + (i % 5));
    const message = [
      `Sending content to \\\\DP0${i % 4}.corp.contoso.com\\SMSPKGD$ for job ${i}`,
      `Failed to connect, error 0x80070005 (thread ${thread})`,
      `STATMSG: ID=2301 SEV=I LEV=M SOURCE="SMS Server" COMP="SMS_DISTRIBUTION_MANAGER" SYS=CM0${i % 3}.corp.contoso.com SITE=PS1`,
      `Console version 5.2203.1063.1000 connected from CONSOLE01 (10.0.10.${i % 200 + 2})`,
      `Result: -2147023174\r\nRPC サーバーを利用できません。`,
      `Copying C:\\SMSPKG\\file${i}.cab: Access is denied.`,
      `Nothing to see here ${'x'.repeat(i % 40)}`,
      `IPv4 Address . . . : 10.0.20.${i % 250 + 1}`,
    ][i % 8];
    const bias = i < records / 2 ? '+480' : '+420';
    lines.push(`<![LOG[${message}]LOG]!><time="10:${String(i % 60).padStart(2, '0')}:00.000${bias}" date="06-12-2024" component="SMS_DISTRIBUTION_MANAGER" context="" type="${1 + (i % 3)}" thread="${thread}" file="x.cpp:1">`);
  }
  return lines.join('\r\n') + '\r\n';
}

const HARDENING_VALUES = new Set([0x80070005, 0x800706ba, 0x80041003]);

/** Offsets of the probe's hits in `text`, as text and as UTF-8 bytes (mapped back to text offsets). */
function probeHits(text: string, bytes: boolean): number[] {
  const scan = bytes ? Buffer.from(text, 'utf8').toString('latin1') : text;
  const probe = new LogProbe(scan, 0, scan.length, bytes);
  const hits: number[] = [];
  for (let hit = probe.next(); hit; hit = probe.next()) hits.push(bytes ? Buffer.from(scan.slice(0, hit.at), 'latin1').toString('utf8').length : hit.at);
  return hits;
}

describe('the probe of a sparse reading', () => {
  const symbols = allSymbols().filter((symbol) => {
    const entry = entryForSymbol(symbol);
    if (!entry) return false;
    const value = entry.kind === 'win32' || entry.kind === 'winhttp' || entry.kind === 'wininet' ? hresultFromWin32(entry.value) : entry.value;
    return HARDENING_VALUES.has(value >>> 0);
  });
  const forms = [
    '0x80070005', '0X800706BA', '0x800706ba', '800706Ba', '(80041003)', '-2147024891', '-2147023174', '-2147217405',
    '2147942405', '2147944122', '2147749891', 'Access is denied', 'ACCESS IS DENIED', 'The RPC server is unavailable',
    'the rpc SERVER is UNAVAILABLE', 'アクセスが拒否されました。', 'RPC サーバーを利用できません', 'RPCサーバーが利用できません',
    ...symbols, ...symbols.map((s) => s.toLowerCase()),
  ];

  it('hits every written form of the three hardening codes that the code scanner reads', () => {
    assert.ok(symbols.includes('E_ACCESSDENIED') && symbols.includes('RPC_S_SERVER_UNAVAILABLE'));
    for (const form of forms) {
      const text = `Step failed: ${form}, giving up`;
      const tokens = scanErrorCodes(text).filter((t) => HARDENING_VALUES.has(t.value));
      assert.equal(tokens.length, 1, `the scanner reads ${form}`);
      const token = tokens[0];
      for (const bytes of [false, true]) {
        assert.ok(probeHits(text, bytes).some((at) => token && at >= token.span.start && at < token.span.end), `the probe hits ${form} (bytes: ${bytes})`);
      }
    }
  });

  it('hits status messages, addresses and version numbers', () => {
    for (const text of ['STATMSG: ID=2301 SYS=CM01', 'from 10.0.10.25', 'version 5.00.9078.1000', 'Console 5.2203.1063.1000']) {
      assert.ok(probeHits(text, false).length > 0, text);
    }
  });
});

describe('sparse reading of a file', () => {
  it('matches the full reading on every sample and corpus file', () => {
    for (const { path, text } of realFiles()) {
      const format = detectFormat(text);
      if (format !== 'ccm' && format !== 'simple' && format !== 'eventXml') continue;
      const file = { index: 0, path };
      assert.deepEqual(comparable(collectTextEvidence(file, text, 'en'), true), comparable(collectDocumentEvidence(file, text, 'en'), true), path);
    }
  });

  it('matches the full reading on a log whose records name hosts, versions, addresses and status messages', () => {
    const text = richCcmLog(400);
    const sparse = collectTextEvidence(FILE, text, 'en');
    assert.deepEqual(comparable(sparse, true), comparable(collectDocumentEvidence(FILE, text, 'en'), true));
    assert.ok(sparse.findings.length > 100 && sparse.statusMessageSystems.length === 3 && sparse.versions.length === 1);
    assert.ok(sparse.findings.some((f) => f.log?.threadHost), 'some failures borrow their thread host');
  });

  for (const [name, arbitrary] of [['CCM', ccmLog], ['simple', simpleLog], ['event XML', eventXml]] as const) {
    it(`matches the full reading on generated ${name} text`, () => {
      fc.assert(
        fc.property(arbitrary, (text) => {
          const format = detectFormat(text);
          assert.deepEqual(comparable(collectTextEvidence(FILE, text, 'en', format), false), comparable(collectDocumentEvidence(FILE, text, 'en', format), false));
        }),
        fuzzParameters(150),
      );
    });
  }
});

describe('a file that fails on every line', () => {
  it('keeps its first 50,000 findings and counts the rest, in one reading or in parts', () => {
    const record = (i: number): string => `<![LOG[Copy failed: 0x80070005 (${i})]LOG]!><time="10:00:00.000+480" date="06-12-2024" component="X" context="" type="3" thread="1" file="">\n`;
    const text = Array.from({ length: 50_010 }, (_, i) => record(i)).join('');
    const once = collectTextEvidence(FILE, text, 'en');
    assert.equal(once.findings.length, 50_000);
    assert.equal(once.findingsNotRead, 10);
    const parted = readInParts(textScan(text), 'ccm', [0.3, 0.6]);
    assert.equal(parted.findings.length, 50_000);
    assert.equal(parted.findingsNotRead, 10);
    assert.deepEqual(parted.findings.at(-1), once.findings.at(-1));
  });
});

describe('reading a file in parts', () => {
  it('gives the evidence of one reading, wherever the parts are cut, as text or as UTF-8 bytes', () => {
    const texts = [richCcmLog(300), ...realFiles().map((f) => f.text)].filter((t) => ['ccm', 'simple', 'eventXml', 'adminui', 'plain'].includes(detectFormat(t)));
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), fc.boolean(), (text, cuts, bytes) => {
        const format = detectFormat(text);
        const whole = collectTextEvidence(FILE, text, 'en', format);
        const src = bytes ? bytesScan(text.replace(/^\uFEFF/, '')) : textScan(text.replace(/^\uFEFF/, ''));
        const once = collectTextEvidence(FILE, text.replace(/^\uFEFF/, ''), 'en', format);
        const parts = readInParts(src, format, cuts);
        // Thread hosts reach across a cut only through the context before a part, as on disk.
        const strip = (e: FileEvidence): unknown => comparable({ ...e, findings: e.findings.map((f) => ({ ...f, log: f.log && { ...f.log, threadHost: null } })) }, format !== 'adminui' && format !== 'plain');
        assert.deepEqual(strip(parts), strip(once));
        assert.equal(whole.findings.length, parts.findings.length);
      }),
      fuzzParameters(120),
    );
  });

  it('keeps thread hosts across a cut when the context before the part is there', () => {
    const text = richCcmLog(200);
    const cuts = [0.25, 0.5, 0.75];
    assert.deepEqual(readInParts(textScan(text), 'ccm', cuts).findings, collectTextEvidence(FILE, text, 'en').findings);
    assert.deepEqual(readInParts(bytesScan(text), 'ccm', cuts).findings, collectTextEvidence(FILE, text, 'en').findings);
  });

  it('places findings of a one-line event export by their column, part after part', () => {
    const event = (id: number, i: number): string =>
      `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-DistributedCOM' EventSourceName='DCOM'/><EventID Qualifiers='0'>${id}</EventID><Level>2</Level><TimeCreated SystemTime='2024-06-12T01:14:3${i % 10}.000Z'/><Computer>CM01.corp.contoso.com</Computer><Security UserID='S-1-5-21-1-2-3-500'/></System><EventData><Data Name='param1'>Default</Data><Data Name='param2'>Local</Data><Data Name='param3'>Launch</Data><Data Name='param4'>{E6D4F0F5-9D3A-4C6B-9D2A-9C1B1AF7E201}</Data><Data Name='param5'>CONSOLE01</Data><Data Name='param6'>CM01</Data><Data Name='param7'>10.0.10.25</Data><Data Name='param8'>Domain\\adm-lee</Data><Data Name='param9'>S-1-5-21-1-2-3-1107</Data><Data Name='param10'>ja-JP 日本語</Data></EventData></Event>`;
    const text = `<Events>${Array.from({ length: 40 }, (_, i) => event(i % 2 ? 10036 : 7036, i)).join('')}</Events>`;
    const once = collectTextEvidence(FILE, text, 'en', 'eventXml');
    assert.equal(once.findings.length, 20);
    assert.deepEqual(readInParts(bytesScan(text), 'eventXml', [0.2, 0.5, 0.9]).findings, once.findings);
  });
});
