/**
 * Which files a diagnosis reads: the evidence files under the paths a user gives, folders walked in a
 * stable order, symlink loops and the same folder or file reached twice walked and listed once.
 *
 * Built for what users point it at: a folder of a million logs, a copied profile with symlink loops,
 * a tree nested thousands deep, files deleted while it runs. So:
 * - one `readdir` per folder and no `stat` for the plain files and folders in it (the entry types
 *   `readdir` returns are enough); only symlinks cost a `stat` and a `realpath`;
 * - the walk keeps its own stack of open folders instead of recursing, so depth costs memory, not
 *   call stack;
 * - anything below a given path that cannot be read (gone, no permission, a dangling or looping link,
 *   a name too long) is skipped silently: one bad entry must not lose the rest of the evidence.
 *   Only a path the user gave that cannot be read is an error.
 */
import { promises as fs } from 'node:fs';
import type { Dirent } from 'node:fs';
import { join } from 'node:path';

/** The files a diagnosis reads: ConfigMgr logs, rolled-over logs, event exports, pasted text, .reg exports. */
export const EVIDENCE_FILE = /\.(?:log|lo_|xml|txt|reg)$/i;
/** Folders never worth walking into. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.svn', '.vscode-test', '$RECYCLE.BIN', 'System Volume Information']);

export class UnreadablePathError extends Error {}

/**
 * The order entries are listed in: the user's collation, as `localeCompare` gave before, but one
 * collator for the whole walk (`localeCompare` builds one per comparison: twice as slow on big folders).
 */
const byName = new Intl.Collator().compare;

/** A folder being walked: its entries worth a look, sorted, and how far the walk has got. */
interface OpenFolder {
  /** What an entry's name is appended to for its path as listed: `join(path, name)` without a `join`. */
  readonly prefix: string;
  /** The same for its canonical path, the key that stops a loop or a second visit; null when equal. */
  readonly realPrefix: string | null;
  readonly entries: readonly Dirent[];
  next: number;
}

/**
 * `join(folder, name) === prefixOf(folder) + name` for any name `readdir` returns (one segment, never
 * `.` or `..`), so the path of each file is one concatenation sharing its folder's prefix, not a `join`
 * that builds and normalises a new string: on a million files, half the time and half the memory.
 */
const prefixOf = (folder: string): string => join(folder, 'x').slice(0, -1);

/** The entries of a folder that can lead to evidence, in listing order. */
async function readEntries(path: string): Promise<Dirent[]> {
  const kept = (await fs.readdir(path, { withFileTypes: true })).filter((entry) =>
    entry.isDirectory()
      ? !SKIPPED_FOLDERS.has(entry.name)
      : // A symlink may lead to a folder whatever its name; a FIFO or device named `.log` would hang the reader.
        entry.isSymbolicLink() || (entry.isFile() && EVIDENCE_FILE.test(entry.name)),
  );
  return kept.sort((a, b) => byName(a.name, b.name));
}

/** The evidence files under the given paths (files as given, folders walked), in a stable order. */
export async function collectEvidenceFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  /** Canonical paths of the folders entered and of the files listed. */
  const seenFolders = new Set<string>();
  const seenFiles = new Set<string>();
  const addFile = (path: string, real: string): void => {
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push(path);
  };

  const stack: OpenFolder[] = [];
  /** Opens a folder for the walk unless it was entered before; throws when it cannot be read. */
  const enter = async (path: string, real: string): Promise<void> => {
    if (seenFolders.has(real)) return; // a symlink loop, or the same folder twice
    seenFolders.add(real);
    const entries = await readEntries(path);
    const prefix = prefixOf(path);
    const realPrefix = prefixOf(real);
    stack.push({ prefix, realPrefix: realPrefix === prefix ? null : realPrefix, entries, next: 0 });
  };

  const walk = async (): Promise<void> => {
    for (let folder = stack.at(-1); folder; folder = stack.at(-1)) {
      const entry = folder.entries[folder.next++];
      if (!entry) {
        stack.pop();
        continue;
      }
      const path = folder.prefix + entry.name;
      try {
        if (entry.isFile() || entry.isDirectory()) {
          // Below a canonical folder, a plain entry's canonical path is the folder's plus its name: no
          // `realpath` call. When the given path is canonical already, the listed path is the key itself.
          const real = folder.realPrefix === null ? path : folder.realPrefix + entry.name;
          if (entry.isFile()) addFile(path, real);
          else await enter(path, real);
        } else {
          const target = await fs.stat(path);
          if (target.isDirectory()) await enter(path, await fs.realpath(path));
          else if (target.isFile() && EVIDENCE_FILE.test(entry.name)) addFile(path, await fs.realpath(path));
        }
      } catch {
        // Gone since the folder was read, no permission, a dangling or looping link, a name too long.
      }
    }
  };

  for (const path of paths) {
    try {
      const stat = await fs.stat(path);
      if (stat.isDirectory()) await enter(path, await fs.realpath(path));
      else if (stat.isFile()) addFile(path, await fs.realpath(path));
    } catch (error) {
      throw new UnreadablePathError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await walk();
  }
  return files;
}
