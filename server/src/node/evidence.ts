/**
 * Reading evidence from disk for the diagnosis, shared by the CLI and the language server (which reads
 * files itself: VS Code does not hand files over 50 MB to extensions). Files are read one at a time and
 * only their findings are kept; a file that cannot be read is reported, never fatal; nothing is written.
 */
import { promises as fs } from 'node:fs';
import { createDiagnosisBuilder, type Diagnosis, type DiagnosisOptions } from '../core/diagnosis';
import { decodeText } from '../core/text/decode';

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
