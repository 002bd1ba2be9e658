/**
 * Reading evidence from disk for the diagnosis, shared by the CLI and the language server (which reads
 * files itself: VS Code does not hand files over 50 MB to extensions). Files are read one at a time and
 * only their findings are kept; a file that cannot be read is reported, never fatal; nothing is written.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { createDiagnosisBuilder, type Diagnosis, type DiagnosisOptions } from '../core/diagnosis';
import { decodeText } from '../core/text/decode';

/** The files a diagnosis reads: ConfigMgr logs, rolled-over logs, event exports, pasted text, .reg exports. */
export const EVIDENCE_FILE = /\.(?:log|lo_|xml|txt|reg)$/i;
/** Folders never worth walking into. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.svn', '.vscode-test', '$RECYCLE.BIN', 'System Volume Information']);

export class UnreadablePathError extends Error {}

/** The evidence files under the given paths (files as given, folders walked), in a stable order. */
export async function collectEvidenceFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = async (path: string, explicit: boolean): Promise<void> => {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) {
      const real = await fs.realpath(path);
      if (seen.has(real)) return; // a symlink loop, or the same folder twice
      seen.add(real);
      const entries = (await fs.readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
      for (const entry of entries) {
        if (entry.isDirectory() && SKIPPED_FOLDERS.has(entry.name)) continue;
        if (entry.isDirectory() || entry.isSymbolicLink() || EVIDENCE_FILE.test(entry.name)) {
          await visit(join(path, entry.name), false).catch(() => undefined);
        }
      }
    } else if (stat.isFile() && (explicit || EVIDENCE_FILE.test(path))) {
      files.push(path);
    }
  };
  for (const path of paths) {
    try {
      await visit(path, true);
    } catch (error) {
      throw new UnreadablePathError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return files;
}

export interface DiagnoseProgress {
  readonly done: number;
  readonly total: number;
  readonly file: string;
}

/** Diagnoses the files, one at a time; `isCancelled` is checked between files. */
export async function diagnoseFiles(
  files: readonly string[],
  options: DiagnosisOptions,
  hooks: { onProgress?: (p: DiagnoseProgress) => void; isCancelled?: () => boolean } = {},
): Promise<Diagnosis | null> {
  const builder = createDiagnosisBuilder(options);
  for (let i = 0; i < files.length; i++) {
    if (hooks.isCancelled?.()) return null;
    const file = files[i] ?? '';
    hooks.onProgress?.({ done: i, total: files.length, file });
    try {
      builder.addFile(file, decodeText(await fs.readFile(file)));
    } catch (error) {
      builder.addUnreadable(file, error instanceof Error ? error.message : String(error));
    }
    // Let other work (cancellation, other requests) in between files.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return builder.finish();
}
