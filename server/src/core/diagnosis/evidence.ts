/**
 * What the builder keeps of each file once its text is gone: the findings with the hints needed to place
 * them (which host they name, which address an event came from, how their time reads) and a small summary
 * of the file (which machine it may belong to, the biases of its records, addresses it ties to names).
 * Nothing here holds the file's text.
 */
import type { FailureContext, FindingCode, FindingSeverity } from '../analysis/findings';
import type { OleSettingMeaning, OleSettingName, OleSettingVerdict } from '../analysis/oleRegistry';
import type { MachineRole } from '../knowledge/logFiles';
import type { DocumentFormat } from '../model';
import type { ConfigMgrVersion } from './configMgrProducts';
import type { AddressOfHost } from './hostNames';

/** A finding's time as the file wrote it. */
export type WrittenTime =
  /** UTC known from the file: a CCM/simple record with its bias, or an event's SystemTime. */
  | { readonly kind: 'utc'; readonly millis: number; readonly source: 'bias' | 'event' }
  /** Local wall-clock time without an offset (SmsAdminUI.log), as milliseconds read as if it were UTC. */
  | { readonly kind: 'local'; readonly localMillis: number }
  | { readonly kind: 'none' };

export interface EventHints {
  readonly eventId: 10036 | 10037 | 10038;
  /** `<Computer>` as written. */
  readonly computer: string | null;
  /** 10036: `Client IP Address`, normalised; null when absent or not an address. */
  readonly clientAddress: string | null;
  /** 10036: the host of a computer account user (`CM01$` → `CM01`). */
  readonly clientAccountHost: string | null;
  /** 10037/10038: the target computer as written. */
  readonly target: string | null;
  readonly application: string | null;
  readonly clsid: string | null;
}

export interface LogHints {
  readonly context: FailureContext;
  /** Hosts the failing record itself names (UNC, FQDN, computer account), in text order. */
  readonly namedHosts: readonly string[];
  /** The host last named on the same thread within the 32 records before this one (PkgXferMgr names the
   * DP once per job); null for a failure on a local resource, which never borrows one. */
  readonly threadHost: string | null;
  /** Short words of the record that may be computer names, resolved against known machines. */
  readonly words: readonly string[];
}

export interface CollectedFinding {
  readonly fileIndex: number;
  readonly code: FindingCode;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: FindingSeverity;
  readonly message: string;
  readonly excerpt: string;
  readonly details: Readonly<Record<string, string>> | null;
  readonly time: WrittenTime;
  readonly log: LogHints | null;
  readonly event: EventHints | null;
}

export interface CollectedSetting {
  readonly name: OleSettingName;
  readonly value: number | null;
  readonly verdict: OleSettingVerdict;
  readonly meaning: OleSettingMeaning;
  /** The key path, normalised (`HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Ole\AppCompat`). */
  readonly key: string;
  readonly line: number;
}

export interface FileEvidence {
  readonly index: number;
  readonly path: string;
  readonly format: DocumentFormat | 'reg' | 'unreadable';
  readonly records: number;
  readonly problems: number;
  readonly error: string | null;
  /** Folder names, nearest first. */
  readonly folders: readonly string[];
  /** Folder path in lower case with `/`, to find files that sit together. */
  readonly directory: string;
  /** Role of the ConfigMgr log this file is (by name). */
  readonly logRole: MachineRole | null;
  /** `<Computer>` of its events with how many events each (event exports). */
  readonly eventComputers: readonly (readonly [string, number])[];
  /** `SYS=` of its STATMSG lines: the site system that wrote the log. */
  readonly statusMessageSystems: readonly string[];
  /** Bias (minutes) of its records with how many records each. */
  readonly biases: readonly (readonly [number, number])[];
  readonly addressesOfHosts: readonly AddressOfHost[];
  readonly ownAddresses: readonly string[];
  readonly versions: readonly ConfigMgrVersion[];
  readonly findings: readonly CollectedFinding[];
  /** Places with a hardening code past the first MAX_FINDINGS_PER_FILE findings: counted, not read. */
  readonly findingsNotRead?: number;
  readonly settings: readonly CollectedSetting[];
}
