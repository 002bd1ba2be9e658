/**
 * The terminal report (`diagnose --format text`): short, no colours. Log text is printed through
 * `oneLine`, so a log line cannot move the cursor, change colours or reorder text (control characters
 * and bidirectional overrides are replaced).
 */
import type { Diagnosis, DiagnosisFinding } from '../diagnosis/model';
import { oneLine } from './escape';
import { countByCode, formatDelta, formatOffset, formatUtc, location, summariseMachines } from './format';
import { reportLabels, type ReportLabels } from './labels';

/** Evidence lines printed before "… and N more". */
export const TEXT_EVIDENCE_LIMIT = 50;
const EXCERPT_WIDTH = 160;

const clip = (text: string, width: number): string => {
  const s = oneLine(text);
  return s.length > width ? s.slice(0, width - 1) + '…' : s;
};

function evidenceLines(f: DiagnosisFinding, l: ReportLabels): string[] {
  const time = f.time === null ? l.unknownTime : formatUtc(f.time, l.unknownTime);
  const head = `  ${oneLine(time)}  ${f.code}  ${f.machine === null ? '-' : oneLine(f.machine)}  ${oneLine(location(f))}`;
  return f.excerpt === '' ? [head] : [head, `      ${clip(f.excerpt, EXCERPT_WIDTH)}`];
}

export function toText(d: Diagnosis): string {
  const l = reportLabels(d.locale);
  const out: string[] = [];
  out.push(`${l.toolName} — ${l.title}`);
  out.push(`${l.verdict}: ${d.verdict.toUpperCase()} — ${l.verdictText[d.verdict]}`);
  for (const r of d.reasons) out.push(`  - ${oneLine(r)}`);

  out.push('', `${l.steps}:`);
  if (d.recommendations.length === 0) out.push(`  ${l.noSteps}`);
  d.recommendations.forEach((r, i) => {
    out.push(`  ${i + 1}. ${oneLine(r.title)}`);
    if (r.detail.trim() !== '') out.push(`     ${oneLine(r.detail)}`);
    if (r.machines.length > 0) out.push(`     ${l.appliesTo}: ${r.machines.map(oneLine).join(', ')}`);
  });

  out.push('', `${l.machines}:`);
  const summaries = summariseMachines(d);
  if (summaries.length === 0) out.push(`  ${l.noMachines}`);
  for (const s of summaries) {
    const m = s.machine;
    const roles = m.roles.length > 0 ? ` (${m.roles.map((r) => l.roleNames[r]).join(l.sep)})` : '';
    const offsetSource = m.utcOffsetSource === 'eventAlignment' ? ` (${l.offsetFromEvents})` : '';
    out.push(`  ${oneLine(m.id)}${roles}  ${formatOffset(m.utcOffsetMinutes, '')}${m.utcOffsetMinutes === null ? '' : offsetSource}`.trimEnd());
    const names = m.names.filter((n) => n !== m.id);
    if (names.length > 0) out.push(`    ${l.names}: ${names.map(oneLine).join(', ')}`);
    if (m.addresses.length > 0) out.push(`    ${l.addresses}: ${m.addresses.map(oneLine).join(', ')}`);
    if (s.counts.length > 0) out.push(`    ${l.evidenceCount}: ${s.counts.map(([c, n]) => `${n} × ${c}`).join(', ')}`);
    if (s.toInstall.length > 0) out.push(`    ${l.toInstall}: ${s.toInstall.map((r) => oneLine(r.title)).join('; ')}`);
  }
  const unattributed = d.findings.filter((f) => f.machine === null);
  if (unattributed.length > 0) {
    out.push(`  ${l.unknownMachine}: ${countByCode(unattributed).map(([c, n]) => `${n} × ${c}`).join(', ')}`);
  }

  if (d.correlations.length > 0) {
    out.push('', `${l.correlations} (±${d.windowSeconds} s):`);
    for (const c of d.correlations) {
      const who = `${c.logMachine === null ? '?' : oneLine(c.logMachine)} → ${c.target === null ? '?' : oneLine(c.target)}`;
      out.push(`  ${oneLine(location(c.log))} ↔ ${oneLine(location(c.event))}  ${formatDelta(c.deltaSeconds)}  ${who}  ${l.correlationKinds[c.kind]}${c.peerMatched ? '' : ` (${l.weakPairing})`}`);
    }
  }

  if (d.registry.length > 0) {
    out.push('', `${l.registry}:`);
    for (const s of d.registry) {
      const value = s.value === null ? '' : ` = ${s.value}`;
      out.push(`  ${oneLine(location(s))}  ${oneLine(s.name)}${value}  [${l.registryVerdicts[s.verdict]}]`);
      if (s.message.trim() !== '') out.push(`     ${oneLine(s.message)}`);
    }
  }

  out.push('', `${l.evidence} (${d.findings.length}):`);
  if (d.findings.length === 0) out.push(`  ${l.noEvidence}`);
  for (const f of d.findings.slice(0, TEXT_EVIDENCE_LIMIT)) out.push(...evidenceLines(f, l));
  if (d.findings.length > TEXT_EVIDENCE_LIMIT) out.push(`  ${l.omitted(d.findings.length - TEXT_EVIDENCE_LIMIT)}`);
  return out.join('\n') + '\n';
}
