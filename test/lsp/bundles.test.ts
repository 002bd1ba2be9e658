/**
 * The extension never runs a process and never opens a network connection of its own. The bundles are
 * checked for the Node modules they can load: anything that runs processes or talks to the network
 * must be on this list with the reason, and our own sources may import none of them.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from './support/serverProcess';

const root = repoRoot();
const RISKY = ['child_process', 'net', 'http', 'https', 'http2', 'tls', 'dgram', 'dns', 'worker_threads', 'cluster'];

/** Risky modules a bundle may contain, and why (all inside the LSP libraries, none called by us). */
const ALLOWED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'extension.js': {
    child_process: 'vscode-languageclient forks dist/server.js, the extension\'s own language server (TransportKind.ipc)',
    net: 'vscode-jsonrpc\'s pipe and socket transports, part of the language client; the extension uses IPC',
  },
  'server.js': {
    child_process: 'vscode-languageserver\'s Files helpers (module resolution), never called by this server',
    net: 'vscode-jsonrpc\'s --pipe/--socket transports; the server runs on --stdio or IPC and opens no connection itself',
    worker_threads: 'Diagnose reads big evidence folders on the machine\'s cores with our own dist/evidenceWorker.js',
  },
  'cli.js': {
    worker_threads: '`diagnose` reads big evidence folders on the machine\'s cores with our own dist/evidenceWorker.js',
  },
  'evidenceWorker.js': {
    worker_threads: 'it is the worker: it answers its parent over the worker port',
  },
};

/** Our own sources that may import one of the modules above, and why. */
const OWN_USES: Readonly<Record<string, string>> = {
  'server/src/node/evidenceWorkers.ts': 'worker_threads: the pool of evidence readers',
  'server/src/node/evidenceWorker.ts': 'worker_threads: the evidence reader itself',
};

function requiredModules(bundle: string): Set<string> {
  const text = readFileSync(join(root, 'dist', bundle), 'utf8');
  return new Set([...text.matchAll(/require\("(?:node:)?([a-z_0-9/]+)"\)/g)].map((m) => m[1] ?? ''));
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('what the bundles can do', () => {
  for (const [bundle, allowed] of Object.entries(ALLOWED)) {
    it(`${bundle} loads no process or network module beyond the justified ones`, () => {
      const risky = [...requiredModules(bundle)].filter((m) => RISKY.includes(m));
      assert.deepEqual(risky.filter((m) => !(m in allowed)), []);
    });
  }
  it('our own sources import no process or network module', () => {
    const offenders = [...sources(join(root, 'client', 'src')), ...sources(join(root, 'server', 'src'))]
      .filter((file) => new RegExp(`from ['"](?:node:)?(?:${RISKY.join('|')})['"]`).test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file).split(sep).join('/'));
    assert.deepEqual(offenders.filter((file) => !(file in OWN_USES)), []);
    for (const file of offenders) {
      const imported = [...readFileSync(join(root, file), 'utf8').matchAll(/from ['"](?:node:)?([a-z_0-9]+)['"]/g)].map((m) => m[1] ?? '');
      assert.deepEqual(imported.filter((m) => RISKY.includes(m)), ['worker_threads'], `${file} may import worker_threads only`);
    }
  });
});
