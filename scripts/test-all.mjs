// `npm test`: every check and every level of tests, in the order a failure is cheapest to find:
// type-check, lint, build, unit, grammar, protocol (spawns dist/server.js), package the .vsix, then the
// integration suite in a real VS Code with that .vsix installed. Each step's output is shown as it
// runs; at the end a table of counts and one closing line `tests: N passed, N failed`.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './ensure-dependencies.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
ensureDependencies(root);

const steps = [
  { name: 'type-check', cmd: 'npx', args: ['tsc', '-p', '.'] },
  { name: 'lint', cmd: 'npx', args: ['eslint', '.'] },
  { name: 'build', cmd: 'node', args: ['scripts/build.mjs'] },
  { name: 'unit', cmd: 'node', args: ['--test', '--test-reporter=spec', 'out/test/unit'], count: nodeTestCounts },
  { name: 'grammar', cmd: 'npm', args: ['run', '-s', 'test:grammar'], count: grammarCounts },
  { name: 'protocol', cmd: 'node', args: ['--test', '--test-reporter=spec', 'out/test/lsp'], count: nodeTestCounts },
  { name: 'package', cmd: 'npm', args: ['run', '-s', 'package'] },
  {
    name: 'vscode',
    cmd: 'bash',
    args: [
      '-c',
      'bash scripts/install-code-server.sh && node scripts/run-vscode-tests.mjs --vsix configmgr-log-doctor.vsix --workspace samples --screenshot docs/images/problems.png',
    ],
    count: mochaCounts,
  },
];

function nodeTestCounts(output) {
  const pass = /^ℹ pass (\d+)/m.exec(output);
  const fail = /^ℹ fail (\d+)/m.exec(output);
  return pass ? { passed: Number(pass[1]), failed: Number(fail?.[1] ?? 0) } : null;
}

function grammarCounts(output) {
  const passed = (output.match(/^✓ /gm) ?? []).length;
  const failed = (output.match(/^✖ |^✗ |^\u2716 /gm) ?? []).length;
  return passed + failed > 0 ? { passed, failed } : null;
}

function mochaCounts(output) {
  const pass = /^\s*(\d+) passing/m.exec(output);
  const fail = /^\s*(\d+) failing/m.exec(output);
  return pass || fail ? { passed: Number(pass?.[1] ?? 0), failed: Number(fail?.[1] ?? 0) } : null;
}

function run(step) {
  return new Promise((resolve) => {
    const started = Date.now();
    let output = '';
    const child = spawn(step.cmd, step.args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }));
  });
}

const results = [];
let passed = 0;
let failed = 0;
let broken = false;
for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.cmd} ${step.args.join(' ')}`);
  const { code, output, seconds } = await run(step);
  const counts = step.count ? step.count(output) : null;
  if (step.count && !counts) {
    // A test level that ran no test is a failure, never a silent skip.
    console.error(`${step.name}: no test results found in the output`);
  }
  const ok = code === 0 && (!step.count || (counts !== null && counts.passed > 0 && counts.failed === 0));
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
  }
  results.push({ step: step.name, ok, seconds, counts });
  if (!ok) {
    broken = true;
    if (!counts || counts.failed === 0) failed += 1; // count the broken step itself
    break; // later levels depend on this one
  }
}

console.log('\nlevel       result  tests (passed/failed)  seconds');
for (const r of results) {
  const tests = r.counts ? `${r.counts.passed}/${r.counts.failed}` : '-';
  console.log(`${r.step.padEnd(11)} ${(r.ok ? 'ok' : 'FAILED').padEnd(7)} ${tests.padEnd(22)} ${r.seconds.toFixed(1)}`);
}
for (const s of steps.slice(results.length)) console.log(`${s.name.padEnd(11)} not run`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(broken ? 1 : 0);
