/**
 * Worker-thread entry (bundled to dist/evidenceWorker.js): reads the parts of evidence files it is sent
 * and answers with their evidence, or with the error that stopped it.
 */
import { parentPort } from 'node:worker_threads';
import { readPart, type PartTask } from './evidenceParts';

parentPort?.on('message', (message: { id: number; task: PartTask }) => {
  try {
    parentPort?.postMessage({ id: message.id, part: readPart(message.task) });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
