#!/usr/bin/env node
// Runs the integration suite (out/test/vscode/**/*.test.js, entry
// out/test/vscode/index.js) inside a real VS Code extension host.
//
// Two ways, chosen automatically (see /work/shared/TESTING-IN-VSCODE.md):
//  * VSCODE_EXECUTABLE_PATH set -> a desktop VS Code via @vscode/test-electron.
//  * otherwise -> code-server (VS Code's server build from npm, installed by
//    scripts/install-code-server.sh) driven by Debian's Chromium through
//    playwright-core. Needed because test-electron's VS Code download needs a
//    host these machines cannot reach.
// If neither can run, this exits non-zero and says why: never a silent skip.
//
// Usage: node scripts/run-vscode-tests.mjs [options]
//   --workspace <dir>    folder to open (default: test/fixtures/workspace, or an
//                        empty temporary folder when that does not exist)
//   --vsix <file>        install this packaged extension and test it instead of
//                        the development folder
//   --screenshot <png>   save a screenshot of the workbench once the suite settles
//   --timeout <time>     overall limit, e.g. 360, 360s, 6m, 90000ms (default 6m)
//   --extension <dir>    extension development folder (default: repo root)
//   --tests <path>       compiled test entry (default: out/test/vscode/index)
//   --verbose            also print code-server's own log and all workbench logs
// Environment:
//   CONFIGMGR_TEST_*     passed through to the extension host (the suite reads them);
//                        the runner adds CONFIGMGR_TEST_HARNESS (code-server or
//                        test-electron) and, with --vsix, CONFIGMGR_TEST_VSIX (its path)
//   VSCODE_EXECUTABLE_PATH  use this desktop VS Code instead of code-server
//   CODE_SERVER_DIR      code-server cache folder (same as the install script)
//   CHROMIUM_PATH        browser to drive (default /usr/bin/chromium)
//
// Exit code: the suite's (0 = all passed), 1 on failure/time-out/setup error.
// On failure a screenshot goes to test-results/vscode-failure.png and the
// workbench's logs to test-results/vscode-logs/.

import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const CODE_SERVER_VERSION = '4.100.3'; // keep in sync with install-code-server.sh
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Must match RESULT_MARKER in test/vscode/index.ts.
const RESULT_MARKER = '[vscode-tests:result]';
// Logged by the suite when the workbench shows what the README screenshot should show; the suite
// then waits for CONFIGMGR_TEST_SCREENSHOT to exist. Keep in sync with test/vscode/zz-screenshot.test.ts.
const SCREENSHOT_MARKER = '[vscode-tests:screenshot]';

const log = (msg) => console.log(`[run-vscode-tests] ${msg}`);

// ---------------------------------------------------------------- options ---
let opts;
try {
  ({ values: opts } = parseArgs({
    options: {
      workspace: { type: 'string' },
      vsix: { type: 'string' },
      screenshot: { type: 'string' },
      timeout: { type: 'string', default: '6m' },
      extension: { type: 'string' },
      tests: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  }));
} catch (err) {
  console.error(`[run-vscode-tests] ${err.message}`);
  process.exit(1);
}
if (opts.help) {
  // The header comment of this file is the help text.
  const src = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8');
  const lines = src.split('\n').slice(1); // skip the shebang
  const header = lines.slice(0, lines.findIndex((l) => !l.startsWith('//')));
  console.log(header.map((l) => l.slice(3)).join('\n'));
  process.exit(0);
}

function parseDuration(text) {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(String(text).trim());
  if (!m) throw new Error(`invalid --timeout "${text}" (use e.g. 360, 360s, 6m)`);
  const n = Number(m[1]);
  return Math.round(m[2] === 'ms' ? n : m[2] === 'm' ? n * 60_000 : n * 1000);
}

let timeoutMs;
try { timeoutMs = parseDuration(opts.timeout); } catch (err) { console.error(`[run-vscode-tests] ${err.message}`); process.exit(1); }
// The limit covers the whole run (install of a .vsix, start-up, the suite).
const deadline = Date.now() + timeoutMs;
const extensionPath = path.resolve(opts.extension ?? repoRoot);
// Paths may be given with or without '.js'; VS Code resolves both, we check the file.
const testsPath = path.resolve(opts.tests ?? path.join(repoRoot, 'out/test/vscode/index')).replace(/\.js$/, '');
const vsixPath = opts.vsix ? path.resolve(opts.vsix) : undefined;
const screenshotPath = opts.screenshot ? path.resolve(opts.screenshot) : undefined;
const resultsDir = path.join(repoRoot, 'test-results');
const failureShot = path.join(resultsDir, 'vscode-failure.png');

// ------------------------------------------------------- child processes ---
// Every long-lived child is tracked so that every exit path (success,
// failure, time-out, Ctrl+C, exception) ends them.
const cleanups = [];
let tmpRoot;

function killGroup(pid, signal) {
  // Children are spawned detached (own process group): -pid reaches the whole
  // tree (code-server forks its server, extension host, pty host, ...).
  try { process.kill(-pid, signal); } catch { /* already gone */ }
}

/** Kills any process still descending from this one (belt and braces). */
function killDescendants() {
  let pids = [];
  try {
    const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' });
    const children = new Map();
    for (const line of out.trim().split('\n')) {
      const [pid, ppid] = line.trim().split(/\s+/).map(Number);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(pid);
    }
    const stack = [...(children.get(process.pid) ?? [])];
    while (stack.length) {
      const pid = stack.pop();
      pids.push(pid);
      stack.push(...(children.get(pid) ?? []));
    }
  } catch { /* ps missing: nothing more we can do */ }
  for (const pid of pids) {
    try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
  }
}

// Memoised: a signal and a failing await can both call finish(); the second
// caller must wait for the same cleanup instead of exiting half-way through.
let cleanupPromise;
function cleanup() {
  cleanupPromise ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try { await fn(); } catch (err) { log(`cleanup: ${err.message}`); }
    }
    killDescendants();
    if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
  })();
  return cleanupPromise;
}

async function finish(code) {
  await cleanup();
  process.exit(code);
}

let stopping = false;
let onStop;
// Resolves on a signal, so the run stops waiting and reports nothing more.
const stopped = new Promise((resolve) => { onStop = resolve; });
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    stopping = true;
    onStop('stopped');
    log(`${sig} received, stopping`);
    finish(1);
  });
}

// ---------------------------------------------------------------- helpers ---
function freePort() {
  // Port 0 makes the kernel pick a free port; we close and reuse it. A tiny
  // race with other programs is possible but harmless on a test machine.
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => { res.resume(); resolve(res.statusCode); });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => { req.destroy(); resolve(0); });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Environment for code-server / VS Code: ours, minus variables that would
 * make it talk to *another* VS Code (e.g. when started from a VS Code
 * terminal, VSCODE_IPC_HOOK_CLI turns code-server into a client of that one).
 * CONFIGMGR_TEST_* variables are kept on purpose: the suite reads them from
 * process.env inside the extension host.
 */
function childEnv(extra = {}) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  return { ...env, ...extra };
}

function listPassedVars(env) {
  const names = Object.keys(env).filter((k) => k.startsWith('CONFIGMGR_TEST_')).sort();
  if (names.length) log(`passing to the extension host: ${names.join(', ')}`);
}

/**
 * With --vsix the installed extension must be the one under test, but VS Code
 * only runs extensionTestsPath in an "extension development" window. So we
 * develop a stub: an empty extension with no code and no contributions, under
 * a distinct id, which cannot shadow or interfere with the installed one.
 */
function makeStubExtension(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'vsix-test-host-stub',
    displayName: 'VSIX test host (stub)',
    publisher: 'configmgr-log-doctor-tests',
    version: '0.0.0',
    engines: { vscode: '*' },
  }, null, 2));
  return dir;
}

/** Workspace folder to open: --workspace, the fixture folder, or an empty temp folder. */
function resolveWorkspace() {
  if (opts.workspace) {
    const ws = path.resolve(opts.workspace);
    if (!fs.existsSync(ws)) throw new Error(`--workspace ${ws} does not exist`);
    return ws;
  }
  const fixture = path.join(repoRoot, 'test/fixtures/workspace');
  if (fs.existsSync(fixture)) return fixture;
  const ws = path.join(tmpRoot, 'workspace');
  fs.mkdirSync(ws, { recursive: true });
  log(`${path.relative(repoRoot, fixture)} does not exist; opening an empty folder ${ws}`);
  return ws;
}

/** Prints the closing line the CI log reader understands ("N passed, N failed"). */
function printSummary(result, exitCode) {
  if (result) {
    const skipped = result.pending ? `, ${result.pending} skipped` : '';
    console.log(`vscode: ${result.passes} passed, ${result.failures} failed${skipped}`);
  } else {
    console.log(`vscode: no test result received (exit code ${exitCode})`);
  }
}

// ------------------------------------------------------------- preflight ---
function checkTestsEntry() {
  if (!fs.existsSync(`${testsPath}.js`) && !fs.existsSync(path.join(testsPath, 'index.js'))) {
    throw new Error(`test entry ${testsPath}.js not found: compile first (e.g. npx tsc -p .)`);
  }
  if (!vsixPath && !fs.existsSync(path.join(extensionPath, 'package.json'))) {
    throw new Error(`${extensionPath} has no package.json (not an extension folder)`);
  }
  if (vsixPath && !fs.existsSync(vsixPath)) throw new Error(`--vsix ${vsixPath} does not exist`);
}

// ======================================================= desktop VS Code ===
async function runWithTestElectron(executable) {
  // Imported lazily: only this path needs it.
  const { runTests, resolveCliPathFromVSCodeExecutablePath } = await import('@vscode/test-electron');
  const userDataDir = path.join(tmpRoot, 'user-data');
  const extensionsDir = path.join(tmpRoot, 'extensions');
  const workspace = resolveWorkspace();
  let devPath = extensionPath;

  // runTests() merges process.env into VS Code's environment, so variables
  // that would attach it to another VS Code instance are removed here.
  for (const key of Object.keys(process.env)) {
    if (key.startsWith('VSCODE_') && key !== 'VSCODE_EXECUTABLE_PATH') delete process.env[key];
  }
  delete process.env.ELECTRON_RUN_AS_NODE;

  if (vsixPath) {
    // The bare CLI path: resolveCliArgs...() would add the default profile
    // folders under .vscode-test/, which clash with ours.
    const cli = resolveCliPathFromVSCodeExecutablePath(executable);
    log(`installing ${vsixPath}`);
    const r = spawnSync(cli, ['--install-extension', vsixPath, '--force',
      `--extensions-dir=${extensionsDir}`, `--user-data-dir=${userDataDir}`],
    { stdio: 'inherit', env: childEnv(), timeout: 120_000 });
    if (r.status !== 0) throw new Error(`installing ${vsixPath} failed (exit ${r.status ?? r.signal})`);
    devPath = makeStubExtension(path.join(tmpRoot, 'stub-extension'));
  }
  if (screenshotPath) log('--screenshot is only supported with code-server; ignored');
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    log('warning: no DISPLAY; a desktop VS Code needs one (run this under xvfb-run)');
  }

  // Mocha's output arrives on our stdout (runTests pipes VS Code's): pick the
  // result marker line out of it for the closing summary.
  let result;
  const origWrite = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    const text = String(chunk);
    if (!text.includes(RESULT_MARKER)) return origWrite(chunk, ...rest);
    const kept = text.split('\n').filter((line) => {
      const i = line.indexOf(RESULT_MARKER);
      if (i < 0) return true;
      try { result = JSON.parse(line.slice(i + RESULT_MARKER.length)); } catch { /* malformed */ }
      return false;
    });
    return origWrite(kept.join('\n'), ...rest);
  };

  const env = { CONFIGMGR_TEST_HARNESS: 'test-electron', ...(vsixPath ? { CONFIGMGR_TEST_VSIX: vsixPath } : {}) };
  listPassedVars({ ...process.env, ...env });
  // runTests() does not expose the VS Code process: on time-out, cleanup()
  // kills every descendant of this process.
  const timer = setTimeout(() => {
    log(`timed out after ${timeoutMs / 1000}s`);
    printSummary(result, 1);
    finish(1);
  }, Math.max(0, deadline - Date.now()));

  let code;
  try {
    code = await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: devPath,
      extensionTestsPath: testsPath,
      extensionTestsEnv: env,
      // runTests adds --no-sandbox, --disable-updates, --skip-welcome,
      // --skip-release-notes and --disable-workspace-trust itself.
      launchArgs: [
        workspace,
        `--user-data-dir=${userDataDir}`,
        `--extensions-dir=${extensionsDir}`,
        '--disable-gpu',
      ],
    });
  } catch (err) {
    // TestRunFailedError carries VS Code's exit code; anything else is ours.
    if (typeof err?.code !== 'number') log(`test-electron: ${err?.message ?? err}`);
    code = typeof err?.code === 'number' && err.code !== 0 ? err.code : 1;
  } finally {
    clearTimeout(timer);
    process.stdout.write = origWrite;
  }
  printSummary(result, code);
  return code;
}

// =========================================================== code-server ===
function codeServerBin() {
  const dir = process.env.CODE_SERVER_DIR ?? path.join(repoRoot, `.vscode-test/code-server-${CODE_SERVER_VERSION}`);
  const bin = path.join(dir, 'node_modules/.bin/code-server');
  const stamp = path.join(dir, '.install-complete');
  if (!fs.existsSync(bin) || !fs.existsSync(stamp)) return { missing: `code-server is not installed in ${dir} (run: bash scripts/install-code-server.sh)` };
  return { bin };
}

async function runWithCodeServer(bin, chromiumPath) {
  const { chromium } = await import('playwright-core');

  const userDataDir = path.join(tmpRoot, 'user-data');
  const extensionsDir = path.join(tmpRoot, 'extensions');
  const configFile = path.join(tmpRoot, 'config.yaml');
  const serverLog = path.join(tmpRoot, 'code-server.log');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  // Our own config file: otherwise code-server writes ~/.config/code-server/config.yaml.
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  // Quiet, deterministic workbench: no welcome page, no update or gallery checks.
  fs.writeFileSync(path.join(userDataDir, 'User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    'workbench.colorTheme': 'Default Dark Modern',
  }, null, 2));
  const workspace = resolveWorkspace();
  const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const env = childEnv({
    CONFIGMGR_TEST_HARNESS: 'code-server',
    ...(vsixPath ? { CONFIGMGR_TEST_VSIX: vsixPath } : {}),
    ...(screenshotPath ? { CONFIGMGR_TEST_SCREENSHOT: screenshotPath } : {}),
    // code-server keeps logs, a heartbeat file and a default config under the
    // XDG folders of $HOME; keep them in the throw-away folder instead.
    XDG_CONFIG_HOME: path.join(tmpRoot, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmpRoot, 'xdg-data'),
  });

  let devPath = extensionPath;
  if (vsixPath) {
    log(`installing ${path.basename(vsixPath)} into ${extensionsDir}`);
    const r = spawnSync(bin, [...common, '--install-extension', vsixPath, '--force'], { encoding: 'utf8', env, timeout: 120_000 });
    process.stdout.write(r.stdout ?? '');
    if (r.status !== 0) {
      process.stderr.write(r.stderr ?? '');
      throw new Error(`code-server --install-extension failed (exit ${r.status ?? r.signal})`);
    }
    const list = spawnSync(bin, [...common, '--list-extensions', '--show-versions'], { encoding: 'utf8', env });
    log(`installed extensions: ${(list.stdout ?? '').trim().split('\n').join(', ') || '(none)'}`);
    devPath = makeStubExtension(path.join(tmpRoot, 'stub-extension'));
  }

  // ---- code-server
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  listPassedVars(env);
  log(`starting code-server ${CODE_SERVER_VERSION} on ${origin}`);
  const logFd = fs.openSync(serverLog, 'a');
  const server = spawn(bin, [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...common,
    workspace,
  ], { env, detached: true, stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  let serverExited = null;
  server.on('exit', (code, signal) => { serverExited = code ?? signal; });
  cleanups.push(async () => {
    if (serverExited !== null) return;
    killGroup(server.pid, 'SIGTERM');
    for (let i = 0; i < 30 && serverExited === null; i++) await sleep(100);
    killGroup(server.pid, 'SIGKILL');
  });
  const dumpServerLog = (lines = 40) => {
    try {
      const text = fs.readFileSync(serverLog, 'utf8').trimEnd().split('\n');
      console.log(`---- code-server log (last ${Math.min(lines, text.length)} lines) ----`);
      console.log(text.slice(-lines).join('\n'));
    } catch { /* no log */ }
  };
  const saveServerLog = () => {
    try {
      fs.mkdirSync(resultsDir, { recursive: true });
      fs.copyFileSync(serverLog, path.join(resultsDir, 'vscode-code-server.log'));
    } catch { /* best effort */ }
  };

  // code-server normally answers within a few seconds; 90s covers a slow disk.
  const httpDeadline = Math.min(deadline, Date.now() + 90_000);
  // /healthz answers as soon as the HTTP server is up.
  while ((await httpStatus(`${origin}/healthz`)) !== 200) {
    if (serverExited !== null) {
      dumpServerLog();
      throw new Error(`code-server exited early (${serverExited})`);
    }
    if (Date.now() > httpDeadline) {
      dumpServerLog();
      throw new Error('code-server did not answer HTTP in time');
    }
    await sleep(200);
  }

  // ---- browser
  // launchServer() rather than launch(): it exposes the browser's process, so
  // cleanup can kill its whole process group even if the browser hangs. Each
  // launch uses a fresh, throw-away profile (a new temporary user-data-dir).
  const browserServer = await chromium.launchServer({
    executablePath: chromiumPath, // Debian's Chromium; never download a browser
    headless: true,
    // Playwright would otherwise exit(130) on a signal before our handler has
    // stopped code-server; our cleanup closes the browser too.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox', // root on CI: the setuid sandbox refuses to run
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const browserPid = browserServer.process()?.pid;
  cleanups.push(async () => {
    await Promise.race([browserServer.close().catch(() => {}), sleep(5000)]);
    if (browserPid) killGroup(browserPid, 'SIGKILL');
  });
  const browser = await chromium.connect(browserServer.wsEndpoint());
  cleanups.push(async () => { await Promise.race([browser.close().catch(() => {}), sleep(5000)]); });

  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

  let result;
  let settle;
  const settled = new Promise((resolve) => { settle = resolve; });
  let sceneShot;
  const takeSceneShot = async (target) => {
    await sleep(1500); // let the Problems panel, hovers and colours paint
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      await page.screenshot({ path: target, ...(/\.jpe?g$/i.test(target) ? { quality: 85 } : {}) });
      log(`screenshot saved to ${target}`);
    } catch (err) { log(`screenshot failed: ${err.message}`); }
  };

  // Workbench log lines that are just noise here (no internet, no gallery).
  const noise = /gallery|marketplace|open-vsx|openvsx|ENOTFOUND|EAI_AGAIN|getaddrinfo|Failed to fetch|net::ERR_|update check|telemetry/i;
  // The workbench's own start-up chatter, which arrives on the same channel as
  // the extension host's console output (shown with --verbose).
  const chatter = /^(Resolving connection token|Resolved connection token|Creating a socket|\[Service Worker\]|Updating additional builtin extensions cache|ChatSessionStore:|Creation of workbench contribution)/;

  // Both functions must exist before the workbench loads: it checks for them
  // once, at start-up.
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = Array.isArray(args) ? args.map(String).join(' ') : String(args ?? '');
    const shot = text.indexOf(SCREENSHOT_MARKER);
    if (shot >= 0) {
      // The suite has set a scene and waits for the file: the extension host is still alive, so
      // diagnostics, hovers, semantic colours and line backgrounds are all on screen. A name after the
      // marker saves the picture beside --screenshot under that name.
      const name = text.slice(shot + SCREENSHOT_MARKER.length).trim();
      if (screenshotPath) {
        const target = name ? path.join(path.dirname(screenshotPath), name + path.extname(screenshotPath)) : screenshotPath;
        sceneShot = Promise.resolve(sceneShot).then(() => takeSceneShot(target));
      }
      return;
    }
    const i = text.indexOf(RESULT_MARKER);
    if (i >= 0) {
      try { result = JSON.parse(text.slice(i + RESULT_MARKER.length).trim().split('\n')[0]); } catch { /* ignore */ }
      return;
    }
    if (opts.verbose) console.log(`[${type}] ${text}`);
    else if (!noise.test(text) && !chatter.test(text)) console.log(text);
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    settle({ code: typeof code === 'number' ? code : 1, logs });
  });
  if (opts.verbose) {
    page.on('console', (msg) => console.log(`[browser:${msg.type()}] ${msg.text()}`));
  }
  page.on('pageerror', (err) => { if (opts.verbose) console.log(`[browser:pageerror] ${err.message}`); });

  // VS Code's web workbench reads these from the URL: run extensionTestsPath
  // in an extension-development window. Paths are on the server, addressed as
  // vscode-remote URIs whose authority is the origin the browser uses.
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p.split(path.sep).join('/')}`;
  const payload = [
    ['extensionDevelopmentPath', remote(devPath)],
    ['extensionTestsPath', remote(testsPath)],
    ['skipWelcome', 'true'],
  ];
  const url = `${origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log(`opening the workbench (${vsixPath ? 'installed .vsix' : `development folder ${devPath}`}), suite ${testsPath}`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: Math.max(1000, deadline - Date.now()) });

  const timedOut = Symbol('timeout');
  const died = new Promise((resolve) => server.on('exit', () => resolve('died')));
  const outcome = await Promise.race([settled, died, stopped, sleep(Math.max(0, deadline - Date.now())).then(() => timedOut)]);
  if (stopping) return 1; // a signal: cleanup is already under way

  let exitCode;
  if (outcome === timedOut) {
    log(`timed out after ${timeoutMs / 1000}s waiting for the suite to finish`);
    exitCode = 1;
  } else if (outcome === 'died') {
    log(`code-server exited unexpectedly (${serverExited})`);
    exitCode = 1;
  } else {
    exitCode = outcome.code;
    // A passing suite that reports no test is still a failure: see index.ts.
    if (exitCode === 0 && !result) log('the suite reported success but no mocha result marker was seen');
  }

  if (sceneShot) await sceneShot;
  else if (screenshotPath) log('the suite never set the screenshot scene; no screenshot taken');
  if (exitCode !== 0) {
    fs.mkdirSync(resultsDir, { recursive: true });
    try {
      await page.screenshot({ path: failureShot, timeout: 15_000 });
      log(`failure screenshot saved to ${path.relative(process.cwd(), failureShot) || failureShot}`);
    } catch (err) { log(`failure screenshot failed: ${err.message}`); }
    // The workbench hands over its log files with codeAutomationExit.
    const logs = outcome?.logs;
    if (Array.isArray(logs)) {
      const dir = path.join(resultsDir, 'vscode-logs');
      fs.rmSync(dir, { recursive: true, force: true });
      for (const { relativePath, contents } of logs) {
        const file = path.join(dir, relativePath);
        if (!file.startsWith(dir)) continue;
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, contents);
      }
      log(`workbench logs saved to ${path.relative(process.cwd(), dir) || dir}`);
    }
    saveServerLog();
    if (outcome === 'died' || opts.verbose) dumpServerLog();
  } else if (opts.verbose) {
    dumpServerLog(200);
  }

  printSummary(result, exitCode);
  return exitCode;
}

// ================================================================== main ===
async function main() {
  checkTestsEntry();
  tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-tests-'));
  const started = Date.now();
  let code;

  const desktop = process.env.VSCODE_EXECUTABLE_PATH;
  if (desktop) {
    if (!fs.existsSync(desktop)) throw new Error(`VSCODE_EXECUTABLE_PATH=${desktop} does not exist`);
    log(`desktop VS Code via @vscode/test-electron: ${desktop}`);
    code = await runWithTestElectron(desktop);
  } else {
    const cs = codeServerBin();
    const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    const problems = [];
    if (cs.missing) problems.push(cs.missing);
    if (!fs.existsSync(chromiumPath)) problems.push(`no browser at ${chromiumPath} (apt-get install -y chromium)`);
    if (problems.length) {
      throw new Error(
        'cannot run the VS Code integration tests: no desktop VS Code (VSCODE_EXECUTABLE_PATH is unset) and\n  - ' +
        problems.join('\n  - '),
      );
    }
    code = await runWithCodeServer(cs.bin, chromiumPath);
  }
  if (!stopping) log(`finished in ${((Date.now() - started) / 1000).toFixed(1)}s, exit code ${code}`);
  return code;
}

// Backstop for a hang outside the awaited suite (e.g. a browser that never
// starts): the normal time-out path above runs first and takes a screenshot.
setTimeout(() => {
  log(`hard time-out (${timeoutMs / 1000}s + 30s): stopping everything`);
  finish(1);
}, timeoutMs + 30_000).unref();

main().then(
  (code) => finish(code),
  (err) => {
    // After a signal, errors from the half-torn-down browser are expected.
    if (!stopping) console.error(`[run-vscode-tests] ERROR: ${err?.message ?? err}`);
    finish(1);
  },
);
