/**
 * The CLI on input no editor could open: a 100 MB log that is one line, and a CCM log written on one
 * line whose every record fails. Each finishes in bounded time with exit 0, reports what it found, and
 * the second keeps its first 50,000 findings and counts the rest.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { repoRoot } from './support/serverProcess';

const root = repoRoot();
const folder = mkdtempSync(join(tmpdir(), 'cmld-huge-'));
after(() => rmSync(folder, { recursive: true, force: true }));

/** Writes `piece` repeated to about `megabytes` MB, with no line break. */
function writeLine(name: string, piece: string, megabytes: number): string {
  const path = join(folder, name);
  const chunk = piece.repeat(Math.ceil((1024 * 1024) / piece.length));
  const fd = openSync(path, 'w');
  for (let i = 0; i < megabytes; i++) writeSync(fd, chunk);
  closeSync(fd);
  return path;
}

interface FileSummary {
  format: string;
  records: number;
  findings: number;
  findingsNotRead?: number;
}

function diagnose(path: string): { status: number | null; files: FileSummary[]; seconds: number } {
  const started = Date.now();
  const run = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'diagnose', '--format', 'json', path], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    timeout: 180_000,
  });
  assert.equal(run.status, 0, run.stderr);
  return { status: run.status, files: (JSON.parse(run.stdout) as { files: FileSummary[] }).files, seconds: (Date.now() - started) / 1000 };
}

describe('the CLI on huge input', () => {
  it('reads a 100 MB log that is one line', () => {
    const path = writeLine('one-line.log', 'lorem ipsum 0x80070005 dolor sit amet, ', 100);
    const { files, seconds } = diagnose(path);
    assert.deepEqual(files.map((f) => [f.format, f.records, f.findings]), [['plain', 1, 1]]);
    assert.ok(seconds < 120, `${seconds} s`);
  });

  it('keeps 50,000 findings of a 100 MB CCM log written on one line and counts the rest', () => {
    const record = '<![LOG[Failed to connect to \\\\DP01.corp.contoso.com: 0x80070005]LOG]!><time="10:00:00.000+480" date="06-12-2024" component="SMS_DISTRIBUTION_MANAGER" context="" type="3" thread="1" file="">';
    const path = writeLine('one-line-ccm.log', record, 100);
    const { files, seconds } = diagnose(path);
    const [file] = files;
    assert.equal(file?.format, 'ccm');
    assert.equal(file?.findings, 50_000);
    assert.equal((file?.findings ?? 0) + (file?.findingsNotRead ?? 0), file?.records);
    assert.ok(seconds < 120, `${seconds} s`);
  });
});
