/**
 * Reading evidence from disk for the diagnosis, shared by the CLI and the language server (which reads
 * files itself: VS Code does not hand files over 50 MB to extensions). Big files are cut into parts of
 * 4 MB, read sparsely, on worker threads when there is enough to read (one per core but one, at least
 * one, at most four), so memory stays bounded whatever the folder holds and the main thread stays free. Only findings and small
 * summaries are kept. A file that cannot be read is reported, never fatal; nothing is written; a
 * cancellation stops the workers at once.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createDiagnosisBuilder, type Diagnosis, type DiagnosisOptions } from '../core/diagnosis';
import { mergeParts, type EvidencePart } from '../core/diagnosis/sparse';
import { decodeText } from '../core/text/decode';
import { planFile, readPart, readWholeText, type FilePlan, type PartTask } from './evidenceParts';
import { PartWorkers } from './evidenceWorkers';

/** Below this much to read, starting workers costs more than it saves. */
const PARALLEL_BYTES = 8 * 1024 * 1024;
const MAX_WORKERS = 4;

export interface DiagnoseProgress {
  readonly done: number;
  readonly total: number;
  readonly file: string;
}

export interface DiagnoseHooks {
  onProgress?: (p: DiagnoseProgress) => void;
  isCancelled?: () => boolean;
  /** Worker threads to use: 0 reads on this thread; default one per core but one (1 to 4) for big inputs. */
  workers?: number;
  /** Largest part a file is cut into (tests cut small files into many parts). */
  partBytes?: number;
}

/** Diagnoses the files; resolves null when cancelled. */
export async function diagnoseFiles(files: readonly string[], options: DiagnosisOptions, hooks: DiagnoseHooks = {}): Promise<Diagnosis | null> {
  const builder = createDiagnosisBuilder(options);
  const isCancelled = hooks.isCancelled ?? (() => false);
  let done = 0;
  const fileDone = (file: string): void => hooks.onProgress?.({ done: ++done, total: files.length, file });

  const workerScript = join(__dirname, 'evidenceWorker.js');
  const sizes = files.map(sizeOf);
  const bytes = sizes.reduce((sum, size) => sum + size, 0);
  // One core is left to the main thread, which merges the parts, answers the editor and writes the
  // report; a 2-core machine reads on one worker, so the server stays responsive while it reads.
  const wanted = hooks.workers ?? (bytes >= PARALLEL_BYTES ? Math.max(1, Math.min(MAX_WORKERS, availableParallelism() - 1)) : 0);
  const workers = existsSync(workerScript) ? wanted : 0;

  const plans: FilePlan[] = [];
  for (const file of files) {
    try {
      plans.push(planFile(file, workers, hooks.partBytes));
    } catch (error) {
      builder.addUnreadable(file, messageOf(error));
      fileDone(file);
    }
  }
  hooks.onProgress?.({ done, total: files.length, file: plans[0]?.path ?? '' });

  const tasks: PartTask[] = [];
  const partsOf = new Map<string, { plan: FilePlan; parts: (EvidencePart | undefined)[]; error: string | null; left: number }>();
  for (const plan of plans) {
    if (plan.whole || plan.format === 'reg') continue;
    const count = plan.boundaries.length - 1;
    partsOf.set(plan.path, { plan, parts: new Array<EvidencePart | undefined>(count), error: null, left: count });
    for (let i = 0; i < count; i++) {
      tasks.push({
        path: plan.path,
        format: plan.format,
        start: plan.boundaries[i] ?? 0,
        end: plan.boundaries[i + 1] ?? plan.size,
        first: i === 0,
        last: i === count - 1,
        fileIndex: 0,
        locale: options.locale,
      });
    }
  }

  const settle = (task: PartTask, part: EvidencePart | null, error: string | null): void => {
    const file = partsOf.get(task.path);
    if (!file) return;
    const index = file.plan.boundaries.indexOf(task.start);
    if (part) file.parts[index] = part;
    if (error !== null && file.error === null) file.error = error;
    if (--file.left > 0) return;
    if (file.error !== null) builder.addUnreadable(task.path, file.error);
    else builder.addEvidence(mergeParts({ index: 0, path: task.path }, task.format, file.parts.filter((p): p is EvidencePart => p !== undefined)));
    fileDone(task.path);
  };

  const workerCount = Math.min(workers, tasks.length);

  const completed =
    workerCount > 0
      ? await new PartWorkers(workerScript, workerCount).run(tasks, settle, isCancelled)
      : await readOnThisThread(tasks, settle, isCancelled);
  if (!completed) return null;

  for (const plan of plans) {
    if (!plan.whole && plan.format !== 'reg') continue;
    if (isCancelled()) return null;
    try {
      builder.addFile(plan.path, decodeText(readWholeText(plan.path)));
    } catch (error) {
      builder.addUnreadable(plan.path, messageOf(error));
    }
    fileDone(plan.path);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return builder.finish();
}

async function readOnThisThread(
  tasks: readonly PartTask[],
  settle: (task: PartTask, part: EvidencePart | null, error: string | null) => void,
  isCancelled: () => boolean,
): Promise<boolean> {
  for (const task of tasks) {
    if (isCancelled()) return false;
    try {
      settle(task, readPart(task), null);
    } catch (error) {
      settle(task, null, messageOf(error));
    }
    // Let other work (cancellation, other requests) in between parts.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return !isCancelled();
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
