/**
 * Reading evidence from disk (`diagnoseFiles`): on worker threads or on this one, whole or cut into many
 * parts, the diagnosis is the one the builder makes of the same texts in memory. Files that vanish,
 * shrink or grow while they are read are reported or read as they are, never fatal; a cancellation
 * stops the workers.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDiagnosisBuilder, type Diagnosis, type DiagnosisOptions } from '../../server/src/core/diagnosis';
import { decodeText } from '../../server/src/core/text/decode';
import { diagnoseFiles } from '../../server/src/node/evidence';
import { collectEvidenceFiles } from '../../server/src/node/evidenceFiles';
import { repoRoot } from './support/repoRoot';

const OPTIONS: DiagnosisOptions = { locale: 'en', windowSeconds: 120, defaultUtcOffsetMinutes: null };

function inMemory(files: readonly string[]): Diagnosis {
  const builder = createDiagnosisBuilder(OPTIONS);
  for (const file of files) builder.addFile(file, decodeText(readFileSync(file)));
  return builder.finish();
}

/** A distmgr-like CCM log of `records` records, failures naming their DP, threads carrying hosts. */
function ccmLog(records: number): string {
  const lines: string[] = [];
  for (let i = 0; i < records; i++) {
    const thread = String(4000 + (i % 7));
    const message = [
      `Connecting to \\\\DP0${i % 3}.corp.contoso.com\\root\\cimv2 for package PS100${i % 90}`,
      `Failed to connect to the distribution point, error 0x800706BA`,
      `WMI ConnectServer failed: Access is denied (0x80070005) — 日本語のメッセージ`,
      `STATMSG: ID=2301 SEV=I LEV=M SOURCE="SMS Server" COMP="SMS_DISTRIBUTION_MANAGER" SYS=CM01.corp.contoso.com SITE=PS1`,
      `Nothing happened ${'.'.repeat(i % 50)}`,
    ][i % 5];
    lines.push(`<![LOG[${message}]LOG]!><time="10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000+480" date="06-12-2024" component="SMS_DISTRIBUTION_MANAGER" context="" type="${1 + (i % 3)}" thread="${thread}" file="x.cpp:1">`);
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

let folder = '';
let samples: string[] = [];

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'cmld-reading-'));
  samples = await collectEvidenceFiles([join(repoRoot(), 'samples')]);
});
after(() => rmSync(folder, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

describe('reading evidence from disk', () => {
  it('gives the in-memory diagnosis of the samples, on this thread and on workers', async () => {
    const expected = inMemory(samples);
    assert.deepEqual(await diagnoseFiles(samples, OPTIONS, { workers: 0 }), expected);
    assert.deepEqual(await diagnoseFiles(samples, OPTIONS, { workers: 2 }), expected);
  });

  it('gives the same diagnosis when big files are cut into many parts read on two workers', async () => {
    const log = write('CM01_distmgr.log', ccmLog(3000));
    const files = [...samples, log];
    const expected = inMemory(files);
    assert.ok(statSync(log).size > 300_000);
    const parted = await diagnoseFiles(files, OPTIONS, { workers: 2, partBytes: 40_000 });
    assert.deepEqual(parted, expected);
    assert.ok((expected.findings.filter((f) => f.file === log).length) > 1000);
  });

  it('reports a file that vanishes before it is read, and diagnoses the rest', async () => {
    const doomed = write('doomed.log', ccmLog(50));
    const kept = write('kept.log', ccmLog(50));
    const d = await diagnoseFiles([doomed, kept], OPTIONS, {
      workers: 0,
      onProgress: (p) => {
        if (p.done === 0) unlinkSync(doomed);
      },
    });
    const summary = d?.files.find((f) => f.path === doomed);
    assert.equal(summary?.format, 'unreadable');
    assert.match(summary?.error ?? '', /ENOENT|no such file/);
    assert.ok((d?.findings.filter((f) => f.file === kept).length ?? 0) > 10);
  });

  it('reads a file that shrinks or grows while it is read as it is then', async () => {
    for (const workers of [0, 2]) {
      const shrinking = write(`shrinking-${workers}.log`, ccmLog(2000));
      const growing = write(`growing-${workers}.log`, ccmLog(200));
      const d = await diagnoseFiles([shrinking, growing], OPTIONS, {
        workers,
        partBytes: 30_000,
        onProgress: (p) => {
          if (p.done !== 0) return;
          truncateSync(shrinking, 10_000);
          appendFileSync(growing, ccmLog(200).slice(1));
        },
      });
      assert.ok(d, 'a diagnosis');
      for (const path of [shrinking, growing]) assert.notEqual(d.files.find((f) => f.path === path)?.format, 'unreadable', path);
      assert.ok((d.files.find((f) => f.path === growing)?.records ?? 0) > 200, "the appended records are read");
    }
  });

  it('stops at a cancellation, workers and all', async () => {
    const big = write('big.log', ccmLog(20000));
    let asked = 0;
    const started = Date.now();
    const d = await diagnoseFiles([big, big, big, big], OPTIONS, { workers: 2, partBytes: 50_000, isCancelled: () => ++asked > 2 });
    assert.equal(d, null);
    assert.ok(Date.now() - started < 5000);
  });

  it('reads an event export whose prolog is longer than the head it looks at', async () => {
    const event = `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-DistributedCOM' EventSourceName='DCOM'/><EventID Qualifiers='0'>10036</EventID><Level>2</Level><TimeCreated SystemTime='2024-06-12T01:14:30.000Z'/><Computer>CM01.corp.contoso.com</Computer></System><EventData><Data Name='param1'>CORP</Data><Data Name='param2'>adm-lee</Data><Data Name='param3'>S-1-5-21-1-2-3-1107</Data><Data Name='param4'>10.0.10.25</Data></EventData></Event>`;
    const path = write('System-commented.xml', `<?xml version="1.0"?>\n${'<!-- exported by a script that writes a long header -->\n'.repeat(4000)}<Events>${event}</Events>\n`);
    assert.ok(statSync(path).size > 200_000);
    const d = await diagnoseFiles([path], OPTIONS, { workers: 0 });
    assert.equal(d?.files[0]?.format, 'eventXml');
    assert.deepEqual(d?.findings.map((f) => f.code), ['dcom-10036']);
  });

  it('writes nothing next to the evidence', async () => {
    const before = readdirSync(join(repoRoot(), 'samples'), { recursive: true }).length;
    await diagnoseFiles(samples, OPTIONS, { workers: 2 });
    assert.equal(readdirSync(join(repoRoot(), 'samples'), { recursive: true }).length, before);
  });
});
