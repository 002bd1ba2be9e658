/**
 * Spawns the bundled server (`dist/server.js --stdio`) and talks LSP to it over its stdio, as any
 * editor would. Tests run against the artefact users get, not the sources.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  StreamMessageReader,
  StreamMessageWriter,
  createMessageConnection,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}

export interface ServerSession {
  readonly connection: MessageConnection;
  readonly process: ChildProcessWithoutNullStreams;
  readonly stderr: () => string;
  readonly initializeResult: InitializeResult;
  /** Resolves with the next diagnostics published for `uri` (optionally at `version`). */
  diagnosticsFor(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  /** The last diagnostics published for `uri`, if any. */
  latestDiagnostics(uri: string): PublishDiagnosticsParams | undefined;
  notifications(method: string): unknown[];
  close(): Promise<number | null>;
}

export async function startServer(locale: string): Promise<ServerSession> {
  const serverPath = join(repoRoot(), 'dist', 'server.js');
  if (!existsSync(serverPath)) throw new Error(`${serverPath} is missing: run npm run build first`);
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; version: number | undefined; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const other = new Map<string, unknown[]>();
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i];
      if (w && w.uri === params.uri && (w.version === undefined || w.version === params.version)) {
        waiters.splice(i, 1);
        w.resolve(params);
      }
    }
  });
  connection.onNotification((method: string, params: unknown) => {
    const list = other.get(method) ?? [];
    list.push(params);
    other.set(method, list);
  });
  connection.listen();
  const initializeResult: InitializeResult = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    locale,
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    stderr: () => stderr,
    initializeResult,
    diagnosticsFor(uri, version) {
      const done = published.find((p) => p.uri === uri && (version === undefined || p.version === version));
      if (done) return Promise.resolve(done);
      return new Promise((resolveWaiter, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within 10 s; stderr: ${stderr}`)), 10_000);
        waiters.push({
          uri,
          version,
          resolve: (p) => {
            clearTimeout(timer);
            resolveWaiter(p);
          },
        });
      });
    },
    latestDiagnostics: (uri) => published.filter((p) => p.uri === uri).at(-1),
    notifications: (method) => other.get(method) ?? [],
    async close() {
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        child.kill();
      }
      const code = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), 5000))]);
      connection.dispose();
      if (code === null) child.kill('SIGKILL');
      return code;
    },
  };
}
