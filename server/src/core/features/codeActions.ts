/**
 * Quick fixes on our diagnostics. Logs are evidence and are never edited: every action is a command —
 * show the DCOM hardening fix for this symptom and these machines, diagnose the folder, copy the script
 * that collects the evidence on the other machine, look the code up.
 *
 * What the document knows decides the symptom and the machines: the failure context of a log record
 * and the host it names (`\\DP01.corp.contoso.com\root\SCCMDP`, "on DP07", an FQDN), or the fields of
 * a DCOM event (10036: client address → the caller, `Computer` → the receiver; 10037/10038: `Computer`
 * → the caller, the target computer → the receiver, the application path → which symptom).
 */
import { COMMANDS } from '../../protocol';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { EventFinding, Finding, LogFinding } from '../analysis/findings';
import { formatHresult } from '../analysis/errorCodes';
import type { AnalyzedDocument } from '../document';
import type { Locale, Localized } from '../i18n/locale';
import { evidenceScript, sanitizeMachineName } from '../knowledge/evidenceScript';
import { fixLabel, isFixSymptom, renderFix, type FixSymptom } from '../knowledge/fixes';
import type { LogRecord } from '../model';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/** Command ids the actions invoke (shared with the client through the protocol module). */
export const CODE_ACTION_COMMANDS = COMMANDS;

/** The one argument of `configmgrLogDoctor.showFix`. `line` is the 0-based line of the diagnostic. */
export interface ShowFixArgs {
  readonly symptom: FixSymptom;
  readonly from?: string;
  readonly to?: string;
  readonly uri: string;
  readonly line: number;
}

/** The one argument of `configmgrLogDoctor.diagnose`: diagnose the folder that holds this document. */
export interface DiagnoseArgs {
  readonly folderOf: string;
}

/** The one argument of `configmgrLogDoctor.copyEvidenceScript`: the machine to run it on, sanitised. */
export interface CopyEvidenceScriptArgs {
  readonly machine: string | null;
}

export interface CodeActionRequest {
  /** The document's URI, as the client knows it (goes back in the command arguments). */
  readonly uri: string;
  readonly range: Range;
  /** The diagnostics of the request's context. */
  readonly diagnostics: readonly Diagnostic[];
}

/** What the document says about one finding: which fix applies and between which machines. */
export interface FindingFixTarget {
  /** Null when DCOM hardening is not the explanation (WMI namespace security, a local file). */
  readonly symptom: FixSymptom | null;
  readonly from: string | undefined;
  readonly to: string | undefined;
  /** The machine whose evidence this document lacks (the other side), sanitised; null when unknown. */
  readonly evidenceMachine: string | null;
}

const OUR_CODES: ReadonlySet<string> = new Set(['access-denied', 'rpc-unavailable', 'wmi-access-denied', 'dcom-10036', 'dcom-10037', 'dcom-10038']);
const MAX_NAME = 253;
const MAX_CODE_TEXT = 200;

const TITLES: Localized<{
  readonly showFix: (label: string) => string;
  readonly diagnose: string;
  readonly evidence: (machine: string | null) => string;
  readonly lookUp: (hex: string) => string;
}> = {
  en: {
    showFix: (label) => `Show the DCOM hardening fix (${label})`,
    diagnose: 'Diagnose DCOM hardening in this folder',
    evidence: (m) => (m ? `Copy the PowerShell that collects the evidence on ${m}` : 'Copy the PowerShell that collects the evidence'),
    lookUp: (hex) => `Look up this error code (${hex})`,
  },
  ja: {
    showFix: (label) => `DCOM の強化の修正方法を表示 (${label})`,
    diagnose: 'このフォルダーの DCOM の強化を診断',
    evidence: (m) => (m ? `${m} で証拠を収集する PowerShell をコピー` : '証拠を収集する PowerShell をコピー'),
    lookUp: (hex) => `このエラー コードを調べる (${hex})`,
  },
};

export function getCodeActions(doc: AnalyzedDocument, request: CodeActionRequest, requestedLocale: Locale): CodeAction[] {
  const locale: Locale = requestedLocale === 'ja' ? 'ja' : 'en';
  const actions: CodeAction[] = [];
  const byKey = new Map<string, CodeAction>();
  if (!request?.range || !Array.isArray(request.diagnostics)) return actions;
  for (const diagnostic of request.diagnostics) {
    if (!isOurs(diagnostic) || !touchesLines(diagnostic.range, request.range)) continue;
    const finding = findingOf(doc, diagnostic);
    if (!finding) continue;
    actionsFor(doc, finding, diagnostic, request.uri, locale).forEach((action, index) => {
      // Two diagnostics that lead to the same command (one record with two codes, one folder) share
      // one action listing both, rather than the menu showing it twice.
      const key = `${action.command?.command ?? ''}\u0000${JSON.stringify(action.command?.arguments ?? [])}`;
      const same = byKey.get(key);
      if (same) {
        same.diagnostics = [...(same.diagnostics ?? []), diagnostic];
        return;
      }
      if (index === 0) action.isPreferred = true;
      byKey.set(key, action);
      actions.push(action);
    });
  }
  return actions;
}

/** The Markdown of the fix for the arguments of `showFix` (or a `configmgr/fix` request), never throwing. */
export function fixForCommand(args: unknown, locale: Locale): string {
  const given = Array.isArray(args) ? (args[0] as unknown) : args;
  const record = typeof given === 'object' && given !== null ? (given as Record<string, unknown>) : {};
  const symptom: FixSymptom = isFixSymptom(record['symptom']) ? record['symptom'] : 'remoteConnection';
  return renderFix(symptom, { from: stringArg(record['from']), to: stringArg(record['to']) }, locale);
}

/** The script for the arguments of `copyEvidenceScript` (or a `configmgr/evidenceScript` request). */
export function evidenceScriptForCommand(args: unknown, locale: Locale): string {
  const given = Array.isArray(args) ? (args[0] as unknown) : args;
  const machine = typeof given === 'object' && given !== null ? (given as Record<string, unknown>)['machine'] : null;
  return evidenceScript(typeof machine === 'string' ? machine : null, locale);
}

/** Which fix applies to a finding and between which machines, from what the document knows. */
export function fixTargetOf(doc: AnalyzedDocument, finding: Finding): FindingFixTarget {
  return finding.kind === 'event' ? eventFixTarget(finding) : logFixTarget(doc, finding);
}

function actionsFor(doc: AnalyzedDocument, finding: Finding, diagnostic: Diagnostic, uri: string, locale: Locale): CodeAction[] {
  const titles = TITLES[locale];
  const target = fixTargetOf(doc, finding);
  const actions: CodeAction[] = [];
  if (target.symptom) {
    const args: ShowFixArgs = {
      symptom: target.symptom,
      ...(target.from ? { from: target.from } : {}),
      ...(target.to ? { to: target.to } : {}),
      uri,
      line: diagnostic.range.start.line,
    };
    actions.push(action(titles.showFix(fixLabel(target.symptom, locale)), diagnostic, CODE_ACTION_COMMANDS.showFix, args));
    const diagnose: DiagnoseArgs = { folderOf: uri };
    actions.push(action(titles.diagnose, diagnostic, CODE_ACTION_COMMANDS.diagnose, diagnose));
    const evidence: CopyEvidenceScriptArgs = { machine: target.evidenceMachine };
    actions.push(action(titles.evidence(target.evidenceMachine), diagnostic, CODE_ACTION_COMMANDS.copyEvidenceScript, evidence));
  }
  if (finding.kind === 'log') {
    const written = doc.text.slice(finding.token.span.start, finding.token.span.end).slice(0, MAX_CODE_TEXT);
    actions.push(action(titles.lookUp(formatHresult(finding.token.value)), diagnostic, CODE_ACTION_COMMANDS.lookUpErrorCode, written));
  }
  return actions;
}

function action(title: string, diagnostic: Diagnostic, command: string, argument: unknown): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command, arguments: [argument] } };
}

function isOurs(d: Diagnostic | undefined): d is Diagnostic {
  return d?.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string' && OUR_CODES.has(d.code) && d.range?.start !== undefined && d.range.end !== undefined;
}

/** VS Code asks with the cursor or selection: a diagnostic counts when it shares a line with it. */
function touchesLines(a: Range, b: Range): boolean {
  return a.start.line <= b.end.line && a.end.line >= b.start.line;
}

/** The finding a diagnostic was made from: same code, same start (else same code on the same line). */
function findingOf(doc: AnalyzedDocument, d: Diagnostic): Finding | undefined {
  let sameLine: Finding | undefined;
  for (const finding of doc.findings) {
    if (finding.code !== d.code) continue;
    const start = doc.lineIndex.positionAt(finding.span.start);
    if (start.line !== d.range.start.line) continue;
    if (start.character === d.range.start.character) return finding;
    sameLine ??= finding;
  }
  return sameLine;
}

function eventFixTarget(finding: EventFinding): FindingFixTarget {
  const details = finding.details;
  const computer = name(finding.event.computer?.value);
  if (details.eventId === 10036) {
    const caller = name(details.clientAddress?.value);
    return { symptom: 'serverRejection', from: caller, to: computer, evidenceMachine: sanitizeMachineName(caller) };
  }
  const receiver = name(details.computer?.value);
  return { symptom: symptomOfApplication(details.application?.value), from: computer, to: receiver, evidenceMachine: sanitizeMachineName(receiver) };
}

const SUPPORT_TOOLS = /^(?:configmgrsupportcenter\w*|supportcenter\w*|policyspy|clientspy|wakeupspy|powerviewer|sendschedule|deploymentmonitoringtool)\.exe$/;
const WINDOWS_PATH = /^(?:[a-z]:\\windows\\|%windir%|%systemroot%|\\systemroot\\)/;
const CONFIGMGR_PATH = /\\(?:ccm|sms_ccm|configuration manager|configmgr[^\\]*|microsoft endpoint manager)\\/;

/**
 * The symptom of a 10037/10038 by the application that asked for the activation: the console, a site
 * server binary, a client tool, another ConfigMgr or Windows binary (fixed by updates), or anything
 * else (its vendor has to raise the level).
 */
export function symptomOfApplication(path: string | undefined): FixSymptom {
  const p = (path ?? '').trim().replace(/\//g, '\\').toLowerCase();
  const base = p.slice(p.lastIndexOf('\\') + 1);
  if (!base) return 'remoteConnection';
  if (base === 'microsoft.configurationmanagement.exe' || p.includes('\\adminconsole\\')) return 'consoleToProvider';
  if (SUPPORT_TOOLS.test(base)) return 'supportToolToClient';
  if (base === 'smsexec.exe' || base === 'contentlibraryexplorer.exe' || p.includes('\\microsoft configuration manager\\')) {
    return 'siteServerToDistributionPoint';
  }
  if (CONFIGMGR_PATH.test(p) || WINDOWS_PATH.test(p)) return 'remoteConnection';
  return 'thirdPartyApplication';
}

function logFixTarget(doc: AnalyzedDocument, finding: LogFinding): FindingFixTarget {
  const symptom = logSymptom(doc, finding);
  const hosts = hostsAround(doc, finding.record);
  return { symptom, from: hosts.from, to: hosts.to, evidenceMachine: symptom ? sanitizeMachineName(hosts.to ?? null) : null };
}

const SUPPORT_TOOL_FILE = /SupportCenter|PolicySpy|ClientSpy/i;
/** Console logs under any suffix (`SmsAdminUI-ja.log`, `AdminUI-20230509.log`), when the context missed it. */
const CONSOLE_FILE = /(?:^|[\\/])(?:Sms)?AdminUI[^\\/]*$/i;
const SUPPORT_TOOL_TEXT = /Support\s?Center|Policy\s?Spy|\\\\[A-Za-z0-9.-]+\\root\\ccm\b/i;

function logSymptom(doc: AnalyzedDocument, finding: LogFinding): FixSymptom | null {
  if (finding.code === 'wmi-access-denied') return null;
  switch (finding.context) {
    case 'localResource':
      return null;
    case 'consoleToProvider':
    case 'siteServerToDistributionPoint':
      return finding.context;
    case 'remoteConnection':
    case 'unknown': {
      const message = doc.text.slice(finding.record.message.start, finding.record.message.end);
      if (CONSOLE_FILE.test(doc.fileName ?? '')) return 'consoleToProvider';
      const tool = SUPPORT_TOOL_FILE.test(doc.fileName ?? '') || SUPPORT_TOOL_TEXT.test(message);
      return tool ? 'supportToolToClient' : 'remoteConnection';
    }
  }
}

/** Records looked at before the failing one (same thread) when it names no host itself. */
const LOOK_BACK = 10;

/**
 * The receiving machine named by the failing record (or, failing that, by the records just before it
 * in the same thread: "Connecting to \\DP09…" then "DP09 did not answer… 0x800706BA"), and the
 * reporting machine when a status message line gives it (`SYS=`).
 */
function hostsAround(doc: AnalyzedDocument, record: LogRecord): { from: string | undefined; to: string | undefined } {
  const own = hostsIn(messageOf(doc, record));
  if (own.to || doc.model.kind !== 'log') return own;
  const records = doc.model.records;
  const index = indexOfRecord(records, record);
  const thread = record.thread?.value;
  for (let i = index - 1, seen = 0; i >= 0 && seen < LOOK_BACK; i--, seen++) {
    const earlier = records[i];
    if (!earlier || (thread !== undefined && earlier.thread?.value !== thread)) continue;
    const found = hostsIn(messageOf(doc, earlier));
    if (found.to) return { from: own.from ?? found.from, to: found.to };
  }
  return own;
}

function messageOf(doc: AnalyzedDocument, record: LogRecord): string {
  return doc.text.slice(record.message.start, Math.min(record.message.end, record.message.start + 4000));
}

function indexOfRecord(records: readonly LogRecord[], record: LogRecord): number {
  let lo = 0;
  let hi = records.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = records[mid]?.span.start ?? 0;
    if (start === record.span.start) return mid;
    if (start < record.span.start) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const NAME = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*';
const UNC_HOST = new RegExp(`\\\\\\\\(${NAME})(?![A-Za-z0-9-])`, 'g');
const KEYWORD_HOST = new RegExp(
  // The name is read in a lookahead so that a rejected word ("to connect") can still be a keyword.
  `\\b(?:on|to|for|from|through|via|server|provider|computer|machine|host|DP)\\s+(?=(?:(?:the\\s+)?(?:SMS\\s+Provider|distribution\\s+point|server|computer|machine|host|DP|site\\s+system)\\s+)?["'\\[(]?(${NAME}))`,
  'gi',
);
/** Japanese console messages put the host first: "CM01 への再接続", "PROV02 に接続できません". */
const JAPANESE_HOST = new RegExp(`(?<![A-Za-z0-9.-])(${NAME})\\s*(?:への|に対する|に接続|で応答)`, 'g');
const FQDN_HOST = new RegExp(`(?<![A-Za-z0-9.\\\\=-])(${NAME})(?![A-Za-z0-9-])`, 'g');
const REPORTING_HOST = new RegExp(`\\bSYS=(${NAME})`);
const STACK_FRAME = /^\s*at\s+\S/;
const FILE_EXTENSIONS = new Set(['exe', 'dll', 'sys', 'log', 'lo_', 'txt', 'xml', 'config', 'cpp', 'cs', 'h', 'dat', 'ini', 'ps1', 'psd1', 'psm1', 'msi', 'msp', 'mof', 'mfl', 'cab', 'json', 'reg', 'inf', 'bat', 'cmd', 'vbs', 'js', 'wim', 'iso', 'zip', 'csv', 'evtx', 'mdf', 'ldf', 'sql', 'xaml', 'aspx']);
const NOT_HOSTS = /^(?:win32|win64|x64|x86|ipv4|ipv6|utf-?8|utf-?16|sha1|sha256|md5|base64|localhost)$/i;

/** The target host a record's text names (UNC first, then a host after "on/to/from…", then an FQDN). */
export function hostsIn(message: string): { from: string | undefined; to: string | undefined } {
  const text = message
    .split(/\r\n|\r|\n/)
    .filter((line) => !STACK_FRAME.test(line))
    .join('\n');
  const from = REPORTING_HOST.exec(text)?.[1];
  const to =
    firstHost(text, UNC_HOST, false) ??
    firstHost(text, KEYWORD_HOST, false) ??
    firstHost(text, JAPANESE_HOST, false) ??
    firstHost(text, FQDN_HOST, true);
  return { from: from && looksLikeHost(from, true) ? from : undefined, to };
}

function firstHost(text: string, pattern: RegExp, dottedOnly: boolean): string | undefined {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const candidate = m[1];
    if (candidate && looksLikeHost(candidate, dottedOnly)) return candidate;
  }
  return undefined;
}

function looksLikeHost(candidate: string, dottedOnly: boolean): boolean {
  if (candidate.length > MAX_NAME || NOT_HOSTS.test(candidate)) return false;
  const labels = candidate.split('.');
  if (labels.some((l) => l.length > 63)) return false;
  if (labels.length === 4 && labels.every((l) => /^\d{1,3}$/.test(l) && Number(l) <= 255)) return true;
  if (labels.length === 1) {
    // A NetBIOS-style name such as DP07 or CLIENT01: letters and digits, not a hex number.
    return !dottedOnly && candidate.length <= 15 && /[A-Za-z]/.test(candidate) && /\d/.test(candidate) && !/^(?:0x)?[0-9A-Fa-f]+$/.test(candidate);
  }
  if (dottedOnly && labels.length < 3) return false;
  const last = labels[labels.length - 1] ?? '';
  // DNS suffixes are written in one case (`com`, `LOCAL`); .NET type names end in PascalCase.
  return /^(?:[a-z]{2,24}|[A-Z]{2,24})$/.test(last) && !FILE_EXTENSIONS.has(last.toLowerCase());
}

function name(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed || trimmed === '-') return undefined;
  return trimmed.length > MAX_NAME ? trimmed.slice(0, MAX_NAME) : trimmed;
}

function stringArg(value: unknown): string | undefined {
  return typeof value === 'string' ? name(value) : undefined;
}
