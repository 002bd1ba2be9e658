/**
 * A file's evidence from its parts, read apart (perhaps on other threads) and joined in file order:
 * lines and first-line columns shifted by what came before, counts added, capped lists kept to their
 * first entries as one reading of the whole file would keep them.
 */
import type { DocumentFormat } from '../../model';
import type { CollectedFinding, FileEvidence } from '../evidence';
import { share } from '../detach';
import { baseEvidence, type FileIdentity } from '../fileEvidence';
import { MAX_ADDRESS_PAIRS, MAX_SMALL_LIST, byCountThenName } from '../logSummaries';
import { MAX_FINDINGS_PER_FILE, type EvidencePart } from './collectPart';

export function mergeParts(file: FileIdentity, format: DocumentFormat, parts: readonly EvidencePart[]): FileEvidence {
  let lineBase = 0;
  let columnBase = 0;
  let records = 0;
  let problems = 0;
  let notRead = 0;
  const findings: CollectedFinding[] = [];
  const biases = new Map<number, number>();
  const computers = new Map<string, number>();
  const systems = new Set<string>();
  const pairs: FileEvidence['addressesOfHosts'][number][] = [];
  const own = new Set<string>();
  const versions = new Map<string, FileEvidence['versions'][number]>();

  for (const part of parts) {
    records += part.records;
    problems += part.problems;
    notRead += part.findingsNotRead;
    for (const f of part.findings) {
      if (findings.length >= MAX_FINDINGS_PER_FILE) {
        notRead++;
        continue;
      }
      const line = f.line + lineBase;
      const column = f.line === 1 ? f.column + columnBase : f.column;
      // Parts read on other threads arrive as copies: their repeated messages are shared again here.
      findings.push({ ...f, fileIndex: file.index, line, column, message: share(f.message) });
    }
    for (const [bias, count] of part.biases) biases.set(bias, (biases.get(bias) ?? 0) + count);
    for (const [name, count] of part.eventComputers) computers.set(name, (computers.get(name) ?? 0) + count);
    for (const s of part.statusMessageSystems) if (systems.size < MAX_SMALL_LIST) systems.add(s);
    for (const p of part.addressesOfHosts) if (pairs.length < MAX_ADDRESS_PAIRS) pairs.push(p);
    for (const a of part.ownAddresses) if (own.size < MAX_SMALL_LIST) own.add(a);
    for (const v of part.versions) if (versions.size < MAX_SMALL_LIST || versions.has(v.text)) versions.set(v.text, v);
    if (part.lineBreaks > 0) {
      lineBase += part.lineBreaks;
      columnBase = part.lastLineLength;
    } else {
      columnBase += part.lastLineLength;
    }
  }

  return {
    ...baseEvidence(file),
    format,
    records,
    problems,
    eventComputers: [...computers.entries()].sort(byCountThenName),
    statusMessageSystems: [...systems],
    biases: [...biases.entries()].sort(byCountThenName),
    addressesOfHosts: pairs,
    ownAddresses: [...own],
    versions: [...versions.values()],
    findings,
    ...(notRead > 0 ? { findingsNotRead: notRead } : {}),
  };
}
