/**
 * Which files a diagnosis reads: the evidence files under the paths a user gives, folders walked in a
 * stable order, symlink loops and the same folder reached twice walked once.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';

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
