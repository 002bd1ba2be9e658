// `npm start`: build the extension, then open the example incident folder `samples/` in VS Code with
// the extension loaded: desktop `code` when it is on PATH, otherwise code-server in the browser at a
// local URL printed here (the packaged .vsix installed into a private extensions folder).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './ensure-dependencies.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const samples = join(root, 'samples');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

ensureDependencies(root);

run('node', ['scripts/build.mjs']);
console.log('\nThe diagnosis of samples/ (node dist/cli.js diagnose samples):\n');
run('node', ['dist/cli.js', 'diagnose', 'samples']);

const hasDesktopCode = spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasDesktopCode) {
  console.log('\nOpening samples/ in VS Code with the extension loaded from this folder…');
  run('code', ['--new-window', `--extensionDevelopmentPath=${root}`, samples]);
  process.exit(0);
}

console.log('\nNo desktop VS Code on PATH: starting code-server (VS Code in the browser).');
run('npm', ['run', '-s', 'package']);
run('bash', ['scripts/install-code-server.sh']);
const codeServer = join(root, '.vscode-test', 'code-server-4.100.3', 'node_modules', '.bin', 'code-server');
const data = join(root, '.vscode-test', 'start');
const extensionsDir = join(data, 'extensions');
mkdirSync(extensionsDir, { recursive: true });
run(codeServer, ['--extensions-dir', extensionsDir, '--install-extension', join(root, 'configmgr-log-doctor.vsix'), '--force']);

const port = Number(process.env.PORT) || (await freePort());
const child = spawn(
  codeServer,
  [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', join(data, 'user-data'),
    '--extensions-dir', extensionsDir,
    samples,
  ],
  { stdio: 'inherit' },
);
console.log(`\nOpen http://127.0.0.1:${port}/?folder=${encodeURIComponent(samples)} in a browser. Ctrl+C stops it.\n`);
const stop = () => child.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => process.exit(code ?? 0));

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: p } = server.address();
      server.close(() => resolvePort(p));
    });
  });
}
