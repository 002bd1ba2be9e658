/**
 * Model -> findings: the DCOM hardening evidence in one document, with the context that decides how
 * much it matters. One finding per record (or event) per code; its span is the first place the code is
 * written in that record, so the underline sits on the code itself.
 */
import type { DocumentModel, LogDocumentModel, LogRecord, Span, WindowsEvent } from '../model';
import { E_ACCESSDENIED, RPC_SERVER_UNAVAILABLE, WBEM_E_ACCESS_DENIED } from '../knowledge/hardeningCodes';
import { lookUpLogFile, type LogFileInfo } from '../knowledge/logFiles';
import { readDcomHardeningDetails, type DcomHardeningDetails } from './dcomEvents';
import { scanErrorCodes, type CodeToken } from './errorCodes';

export type FindingCode =
  | 'access-denied'
  | 'rpc-unavailable'
  | 'wmi-access-denied'
  | 'dcom-10036'
  | 'dcom-10037'
  | 'dcom-10038';

export type FindingSeverity = 'error' | 'warning' | 'information';

/** What the failing record was doing, which decides whether DCOM hardening is a plausible cause. */
export type FailureContext =
  | 'consoleToProvider'
  | 'siteServerToDistributionPoint'
  | 'remoteConnection'
  | 'localResource'
  | 'unknown';

export interface LogFinding {
  readonly kind: 'log';
  readonly code: 'access-denied' | 'rpc-unavailable' | 'wmi-access-denied';
  readonly severity: FindingSeverity;
  readonly context: FailureContext;
  readonly span: Span;
  readonly token: CodeToken;
  readonly record: LogRecord;
}

export interface EventFinding {
  readonly kind: 'event';
  readonly code: 'dcom-10036' | 'dcom-10037' | 'dcom-10038';
  readonly severity: FindingSeverity;
  readonly span: Span;
  readonly event: WindowsEvent;
  readonly details: DcomHardeningDetails;
}

export type Finding = LogFinding | EventFinding;

const CODE_OF_VALUE: ReadonlyMap<number, LogFinding['code']> = new Map([
  [E_ACCESSDENIED, 'access-denied'],
  [RPC_SERVER_UNAVAILABLE, 'rpc-unavailable'],
  [WBEM_E_ACCESS_DENIED, 'wmi-access-denied'],
]);

/** Every error code in the messages of a log, in text order (events carry none: their ids say it). */
export function scanRecordCodes(text: string, model: DocumentModel): CodeToken[] {
  if (model.kind !== 'log') return [];
  // One pass over the whole text (far cheaper than one regex run per record), then keep the tokens
  // that lie inside a message: records and tokens are both in text order.
  const records = model.records;
  const tokens: CodeToken[] = [];
  let r = 0;
  for (const token of scanErrorCodes(text)) {
    while (r < records.length && (records[r]?.message.end ?? 0) < token.span.end) r++;
    const record = records[r];
    if (!record) break;
    if (token.span.start >= record.message.start) tokens.push(token);
  }
  return tokens;
}

/**
 * Every finding in a parsed document. `codes` is `scanRecordCodes(text, model)`, computed once per
 * version and shared with the other features; `fileName` (any path form) tells which log this is.
 */
export function findDcomEvidence(
  text: string,
  model: DocumentModel,
  codes: readonly CodeToken[],
  fileName?: string,
): Finding[] {
  return model.kind === 'events'
    ? findEventEvidence(model.events)
    : findLogEvidence(text, model, codes, lookUpLogFile(fileName));
}

function findEventEvidence(events: readonly WindowsEvent[]): EventFinding[] {
  const findings: EventFinding[] = [];
  for (const event of events) {
    const details = readDcomHardeningDetails(event);
    if (!details) continue;
    findings.push({
      kind: 'event',
      code: `dcom-${details.eventId}`,
      severity: 'error',
      span: event.eventIdField?.span ?? { start: event.span.start, end: event.span.start },
      event,
      details,
    });
  }
  return findings;
}

function findLogEvidence(
  text: string,
  model: LogDocumentModel,
  codes: readonly CodeToken[],
  log: LogFileInfo | undefined,
): LogFinding[] {
  const findings: LogFinding[] = [];
  let next = 0;
  for (const record of model.records) {
    // Codes and records are both in text order: walk them together.
    while (next < codes.length && (codes[next]?.span.start ?? 0) < record.message.start) next++;
    let seen = 0;
    for (; next < codes.length; next++) {
      const token = codes[next];
      if (!token || token.span.start >= record.message.end) break;
      const code = CODE_OF_VALUE.get(token.value);
      if (!code) continue;
      const bit = code === 'access-denied' ? 1 : code === 'rpc-unavailable' ? 2 : 4;
      if (seen & bit) continue;
      seen |= bit;
      const messageText = text.slice(record.message.start, record.message.end);
      const context = classifyContext(messageText, record, log);
      findings.push({
        kind: 'log',
        code,
        severity: severityOf(code, context, record),
        context,
        span: token.span,
        token,
        record,
      });
    }
  }
  return findings;
}

const CONSOLE_TEXT = /WqlConnectionManager|SmsSiteConnectionNode|SMS[ _]?Provider|root\\sms\b|AdminConsole/i;
const DISTRIBUTION_POINT_TEXT = /distribution point|\bSCCMDP\b|SMS_DistributionPoint|SMS_DP\$|\bDP\b/i;
const REMOTE_TEXT =
  /\bWMI\b|ConnectServer|ManagementScope|ThreadDispatch|\bDCOM\b|\bRPC\b|CoCreateInstance|connect(?:ing|ion)?\b|remote|\\\\[A-Za-z0-9._-]+\\|root\\[A-Za-z]/i;
const LOCAL_RESOURCE_TEXT =
  /\b(?:RemoveFile|DeleteFile|CreateFile|MoveFile|CopyFile|SetObjectOwner|SetFileSecurity|CreateDirectory|RemoveDirectory|RegOpenKey\w*|RegSetValue\w*|RegCreateKey\w*|delete|deleting|file|folder|directory|registry)\b|(?<![\\A-Za-z])[A-Za-z]:\\/i;
const DISTRIBUTION_COMPONENTS = /^SMS_(?:DISTRIBUTION_MANAGER|PACKAGE_TRANSFER_MANAGER)$/i;

function classifyContext(message: string, record: LogRecord, log: LogFileInfo | undefined): FailureContext {
  const component = record.component?.value ?? '';
  const remote = REMOTE_TEXT.test(message);
  if (log?.role === 'console' || CONSOLE_TEXT.test(message)) return 'consoleToProvider';
  if (remote || log?.remoteDcom) {
    if (DISTRIBUTION_COMPONENTS.test(component) || DISTRIBUTION_POINT_TEXT.test(message)) {
      return 'siteServerToDistributionPoint';
    }
    if (log?.name === 'distmgr' || log?.name === 'PkgXferMgr') return 'siteServerToDistributionPoint';
  }
  if (remote) return 'remoteConnection';
  if (LOCAL_RESOURCE_TEXT.test(message)) return 'localResource';
  if (log?.remoteDcom) return 'remoteConnection';
  return 'unknown';
}

function severityOf(code: LogFinding['code'], context: FailureContext, record: LogRecord): FindingSeverity {
  if (code === 'wmi-access-denied') return 'information';
  const recordIsFailure = record.severity === 'error' || record.severity === 'warning';
  switch (context) {
    case 'consoleToProvider':
    case 'siteServerToDistributionPoint':
    case 'remoteConnection':
      return 'error';
    case 'localResource':
      return code === 'rpc-unavailable' ? 'warning' : 'information';
    case 'unknown':
      return recordIsFailure ? 'warning' : 'information';
  }
}
