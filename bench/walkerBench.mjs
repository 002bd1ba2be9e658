#!/usr/bin/env node
/**
 * The evidence walker on one enormous folder: creates N empty files (default 1,000,000) in a
 * temp folder, times `collectEvidenceFiles` on it, reports the time and the peak RSS, deletes the folder.
 *
 *   npm run compile && node bench/walkerBench.mjs [--files N] [--keep]
 *
 * It reads the compiled walker (out/server/src/node/evidenceFiles.js), so compile first. One in ten
 * files is not evidence (`.dat`), as in a real collection of logs, so the name filter has work too.
 * Peak RSS is the process's high-water mark (`process.resourceUsage().maxRSS`), sampled before the
 * walk (after creating the files) and after it, so what the walk itself adds shows apart.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`walkerBench: ${name} needs a whole number`);
    process.exit(2);
  }
  return value;
}

const count = option('--files', 1_000_000);
const keep = process.argv.includes('--keep');
const MB = 1024 * 1024;
const rssMb = () => (process.memoryUsage().rss / MB).toFixed(0);
const peakMb = () => ((process.resourceUsage().maxRSS * 1024) / MB).toFixed(0);

let walker;
try {
  walker = require(join(ROOT, 'out/server/src/node/evidenceFiles.js'));
} catch (error) {
  console.error(`walkerBench: cannot load the compiled walker (run npm run compile first): ${error.message}`);
  process.exit(2);
}

const dir = mkdtempSync(join(os.tmpdir(), 'cmld-walker-bench-'));
const cleanUp = () => {
  if (keep) return;
  // `rm -rf` takes seconds on a million files where rmSync takes minutes; rmSync where there is no rm.
  if (process.platform === 'win32' || spawnSync('rm', ['-rf', dir]).status !== 0) rmSync(dir, { recursive: true, force: true });
};
process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});

try {
  // Empty files, made by an open and a close: the fastest way to make many files from Node (half the
  // time of writing a byte), and all the same to the walker, which never opens a file.
  let start = performance.now();
  let evidence = 0;
  const width = String(count).length;
  for (let i = 0; i < count; i++) {
    const isEvidence = i % 10 !== 9;
    if (isEvidence) evidence++;
    closeSync(openSync(join(dir, `f${String(i).padStart(width, '0')}.${isEvidence ? 'log' : 'dat'}`), 'w'));
  }
  const createMs = performance.now() - start;
  console.log(`created ${count.toLocaleString('en')} files (${evidence.toLocaleString('en')} evidence) in ${(createMs / 1000).toFixed(1)} s in ${dir}`);
  console.log(`before the walk: rss ${rssMb()} MB, peak rss ${peakMb()} MB`);

  start = performance.now();
  const files = await walker.collectEvidenceFiles([dir]);
  const walkMs = performance.now() - start;
  if (files.length !== evidence) throw new Error(`expected ${evidence} evidence files, got ${files.length}`);
  for (let i = 1; i < files.length; i++) {
    if (!(files[i - 1] < files[i])) throw new Error(`out of order at ${i}: ${files[i - 1]} then ${files[i]}`);
  }
  console.log(`walk: ${files.length.toLocaleString('en')} files in ${(walkMs / 1000).toFixed(2)} s; rss ${rssMb()} MB, peak rss ${peakMb()} MB`);
} finally {
  const start = performance.now();
  cleanUp();
  if (!keep) console.log(`deleted the folder in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}
