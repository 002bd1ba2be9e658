/**
 * A small pool of worker threads that read parts of evidence files (`evidenceWorker.js`, next to this
 * bundle). Each worker takes the next part as soon as it is free; results come back as plain data. A
 * cancellation, seen within a few milliseconds, terminates every worker mid-part. A worker that dies is
 * replaced, and the part it was reading is reported as unreadable, never lost silently.
 */
import { Worker } from 'node:worker_threads';
import type { EvidencePart } from '../core/diagnosis/sparse';
import type { PartTask } from './evidenceParts';

export interface PartReply {
  readonly id: number;
  readonly part?: EvidencePart;
  readonly error?: string;
}

const CANCEL_POLL_MS = 20;

export class PartWorkers {
  constructor(
    private readonly script: string,
    private readonly count: number,
  ) {}

  /** Reads every task; false when cancelled. */
  run(
    tasks: readonly PartTask[],
    settle: (task: PartTask, part: EvidencePart | null, error: string | null) => void,
    isCancelled: () => boolean,
  ): Promise<boolean> {
    return new Promise((resolve) => {
      const workers = new Set<Worker>();
      let next = 0;
      let pending = tasks.length;
      let finished = false;
      const finish = (ok: boolean): void => {
        if (finished) return;
        finished = true;
        clearInterval(poll);
        for (const w of workers) void w.terminate();
        workers.clear();
        resolve(ok);
      };
      const poll = setInterval(() => {
        if (isCancelled()) finish(false);
      }, CANCEL_POLL_MS);

      const start = (): void => {
        const worker = new Worker(this.script);
        workers.add(worker);
        let current: { id: number; task: PartTask } | null = null;
        const give = (): void => {
          if (finished) return;
          if (next >= tasks.length) {
            workers.delete(worker);
            void worker.terminate();
            return;
          }
          const id = next++;
          current = { id, task: tasks[id] as PartTask };
          worker.postMessage({ id, task: current.task });
        };
        worker.on('message', (reply: PartReply) => {
          if (finished || !current || reply.id !== current.id) return;
          const { task } = current;
          current = null;
          settle(task, reply.part ?? null, reply.part ? null : (reply.error ?? 'the part could not be read'));
          if (--pending === 0) finish(true);
          else give();
        });
        const lost = (why: string): void => {
          workers.delete(worker);
          if (finished) return;
          const task = current?.task;
          current = null;
          if (task) {
            settle(task, null, why);
            if (--pending === 0) return finish(true);
          }
          if (next < tasks.length) start();
          else if (workers.size === 0) finish(pending === 0);
        };
        worker.on('error', (error) => lost(`reading failed: ${error.message}`));
        worker.on('exit', (code) => {
          if (workers.has(worker)) lost(`the reader stopped (exit code ${code})`);
        });
        give();
      };

      if (tasks.length === 0) return finish(true);
      for (let i = 0; i < Math.min(this.count, tasks.length); i++) start();
    });
  }
}
