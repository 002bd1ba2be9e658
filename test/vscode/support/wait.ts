/**
 * Waiting as a user would: for an event or a condition, with a deadline, never a fixed sleep.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export async function waitFor<T>(what: string, probe: () => T | undefined | PromiseLike<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

/** A file of the integration fixtures (test/fixtures/workspace). */
export function fixture(relative: string): vscode.Uri {
  return vscode.Uri.file(path.join(repoRoot(), 'test', 'fixtures', 'workspace', relative));
}

/** The language VS Code ends up giving a file, once our detection had its chance. */
export async function languageOf(uri: vscode.Uri, expected: string, timeoutMs = 15_000): Promise<string> {
  await vscode.workspace.openTextDocument(uri);
  const current = (): string | undefined =>
    vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId;
  try {
    return await waitFor(`${uri.fsPath} to become ${expected}`, () => (current() === expected ? expected : undefined), timeoutMs);
  } catch {
    return current() ?? '(closed)';
  }
}

/** Diagnostics of our server for a file, once it has published them. */
export async function diagnosticsOf(uri: vscode.Uri, minimum = 1): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics for ${uri.fsPath}`, () => {
    const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'configmgr');
    return ours.length >= minimum ? ours : undefined;
  });
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}
