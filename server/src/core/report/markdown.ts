/**
 * The Markdown report, for a ticket or a forum post: verdict and reasons, the steps to fix, one table
 * per machine, the pairings of log failures with DCOM events, registry settings and the evidence list.
 * Every log-derived string goes through `mdCode` (code spans) or `mdText`, and through `mdCell` in
 * tables, so log text cannot add links, images, HTML or table columns.
 */
import type { Diagnosis, DiagnosisFinding } from '../diagnosis/model';
import { mdCell, mdCode, mdText } from './escape';
import { countByCode, formatDelta, formatOffset, formatUtc, location, summariseMachines, type MachineSummary } from './format';
import { reportLabels, type ReportLabels } from './labels';

/** Evidence items listed before "… and N more": a ticket stays readable, the JSON has them all. */
export const MARKDOWN_EVIDENCE_LIMIT = 500;

const row = (cells: readonly string[]): string => `| ${cells.map((c) => mdCell(c)).join(' | ')} |`;

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [row(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(row)].join('\n');
}

const codes = (values: readonly string[], none: string): string => (values.length === 0 ? none : values.map(mdCode).join(', '));

function countsText(counts: MachineSummary['counts'], l: ReportLabels): string {
  return counts.length === 0 ? l.none : counts.map(([code, n]) => `${n} × ${l.codeNames[code]}`).join(l.sep);
}

function machineTable(s: MachineSummary, l: ReportLabels): string {
  const m = s.machine;
  return table(
    [l.machine, mdCode(m.id)],
    [
      [l.names, codes(m.names, l.none)],
      [l.addresses, codes(m.addresses, l.none)],
      [l.roles, m.roles.length === 0 ? l.none : m.roles.map((r) => l.roleNames[r]).join(l.sep)],
      [l.utcOffset, formatOffset(m.utcOffsetMinutes, l.none) + (m.utcOffsetSource === 'eventAlignment' ? ` (${l.offsetFromEvents})` : '')],
      [l.evidenceCount, countsText(s.counts, l)],
      ...(m.refusedActivationsFrom.length > 0 ? [[l.refusedFrom, codes(m.refusedActivationsFrom, l.none)]] : []),
      ...(m.activatedBelowIntegrity.length > 0 ? [[l.activatedBelow, codes(m.activatedBelowIntegrity, l.none)]] : []),
      [l.eventExport, m.hasEventExport ? l.yes : l.no],
      [l.toInstall, s.toInstall.length === 0 ? l.none : s.toInstall.map((r) => mdText(r.title)).join('; ')],
      [l.files, codes(m.files, l.none)],
      [l.identifiedBy, m.identifiedBy.length === 0 ? l.none : m.identifiedBy.map(mdText).join('; ')],
    ],
  );
}

function evidenceItem(f: DiagnosisFinding, l: ReportLabels): string {
  const time = f.time === null ? l.unknownTime : mdText(formatUtc(f.time, l.unknownTime));
  const source = f.timeSource !== null && f.timeSource !== 'bias' && f.timeSource !== 'event' ? ` (${l.timeSources[f.timeSource]})` : '';
  const parts = [mdCode(location(f)), time + source, mdText(l.codeNames[f.code]), f.machine === null ? l.unknownMachine : mdCode(f.machine)];
  if (f.context !== null && f.context !== 'unknown') parts.push(l.contexts[f.context]);
  if (f.peer !== null && f.peer !== '') parts.push(`→ ${mdCode(f.peer)}`);
  const head = `- ${parts.join(' · ')}`;
  return f.excerpt === '' ? head : `${head} \\\n  ${mdCode(f.excerpt)}`;
}

export function toMarkdown(d: Diagnosis): string {
  const l = reportLabels(d.locale);
  const out: string[] = [];
  out.push(`# ${l.toolName} — ${l.title}`);
  out.push(`**${l.verdict}:** ${l.verdictText[d.verdict]} (\`${d.verdict}\`)`);
  if (d.reasons.length > 0) out.push(`## ${l.why}`, d.reasons.map((r) => `- ${mdText(r)}`).join('\n'));

  out.push(`## ${l.steps}`);
  if (d.recommendations.length === 0) out.push(l.noSteps);
  else {
    out.push(
      d.recommendations
        .map((r, i) => {
          const lines = [`${i + 1}. **${mdText(r.title)}**`];
          if (r.detail.trim() !== '') lines.push(`   ${mdText(r.detail)}`);
          if (r.machines.length > 0) lines.push(`   ${l.appliesTo}: ${codes(r.machines, l.none)}`);
          return lines.join('\n\n');
        })
        .join('\n\n'),
    );
  }

  out.push(`## ${l.machines}`);
  const summaries = summariseMachines(d);
  if (summaries.length === 0) out.push(l.noMachines);
  for (const s of summaries) out.push(machineTable(s, l));
  const unattributed = d.findings.filter((f) => f.machine === null);
  if (unattributed.length > 0) out.push(`${l.unknownMachine}: ${countsText(countByCode(unattributed), l)}`);

  out.push(`## ${l.correlations}`, l.pairingWindow(d.windowSeconds));
  if (d.correlations.length === 0) out.push(l.noCorrelations);
  else {
    out.push(
      table(
        [l.logFailure, l.dcomEvent, l.delta, l.kind, l.machines],
        d.correlations.map((c) => [
          mdCode(location(c.log)),
          mdCode(location(c.event)),
          formatDelta(c.deltaSeconds),
          c.peerMatched ? l.correlationKinds[c.kind] : `${l.correlationKinds[c.kind]} (${l.weakPairing})`,
          `${c.logMachine === null ? l.unknownMachine : mdCode(c.logMachine)} → ${c.target === null ? l.unknownMachine : mdCode(c.target)}`,
        ]),
      ),
    );
  }

  out.push(`## ${l.registry}`);
  if (d.registry.length === 0) out.push(l.noRegistry);
  else {
    out.push(
      table(
        [l.location, l.machine, l.key, l.valueName, l.value, l.assessment],
        d.registry.map((s) => [
          mdCode(location(s)),
          s.machine === null ? l.unknownMachine : mdCode(s.machine),
          mdCode(s.key),
          mdCode(s.name),
          s.value === null ? l.none : String(s.value),
          `**${l.registryVerdicts[s.verdict]}** — ${mdText(s.message)}`,
        ]),
      ),
    );
  }

  out.push(`## ${l.evidence} (${d.findings.length})`);
  if (d.findings.length === 0) out.push(l.noEvidence);
  else {
    const shown = d.findings.slice(0, MARKDOWN_EVIDENCE_LIMIT);
    out.push(shown.map((f) => evidenceItem(f, l)).join('\n'));
    if (d.findings.length > shown.length) out.push(mdText(l.omitted(d.findings.length - shown.length)));
  }

  if (d.files.length > 0) {
    out.push(
      `## ${l.filesExamined}`,
      table(
        [l.file, l.format, l.machine, l.records, l.findings, l.problems],
        d.files.map((f) => [
          f.error === undefined ? mdCode(f.path) : `${mdCode(f.path)} (${l.error}: ${mdText(f.error)})`,
          f.format,
          f.machine === null ? l.unknownMachine : mdCode(f.machine),
          String(f.records),
          f.findingsNotRead ? `${f.findings} (+${f.findingsNotRead})` : String(f.findings),
          String(f.problems),
        ]),
      ),
    );
  }
  out.push(`---\n_${l.toolName}_`);
  return out.join('\n\n') + '\n';
}
