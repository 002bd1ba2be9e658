/**
 * The diagnosis of a folder of evidence: what each machine is, what failed where and when (in UTC),
 * which log failures pair with which DCOM events, what the registry says, the verdict and what to do.
 *
 * `toContractJson` (report/) writes the shape DESIGN.md fixes for `diagnose --format json`:
 * `verdict`, `findings[]` (`code`, `file`, `line` 1-based, `time` ISO-8601 UTC or null, `machine` or null),
 * `correlations[]` (`log` {file, line}, `event` {file, line}, `deltaSeconds`), `recommendations[]`
 * (`id`, `title`, `detail`). Everything else here is extra and may grow.
 */
import type { FailureContext, FindingCode, FindingSeverity } from '../analysis/findings';
import type { Locale } from '../i18n/locale';
import type { MachineRole } from '../knowledge/logFiles';
import type { DocumentFormat } from '../model';

export type Verdict = 'likely' | 'possible' | 'unlikely';

export type RecommendationId =
  | 'install-latest-cu-both-sides'
  | 'upgrade-configmgr-2203'
  | 'registry-workaround-ignored'
  | 'contact-application-vendor'
  | 'turn-hardening-log-back-on'
  | 'check-firewall-and-rpc'
  | 'check-wmi-namespace-security'
  | 'collect-dcom-events';

export interface DiagnosisOptions {
  readonly locale: Locale;
  /** Seconds either side of a log failure in which a DCOM event pairs with it (default 120). */
  readonly windowSeconds: number;
  /**
   * UTC offset in minutes (local = UTC + offset, +540 for Japan) for logs that write no offset (the
   * console's SmsAdminUI.log) when the same machine's other logs cannot tell; null: leave such times
   * unknown.
   */
  readonly defaultUtcOffsetMinutes: number | null;
}

/**
 * How a finding's UTC time was obtained, said in the report so the admin can judge it.
 * `eventAlignment`: a log without offsets (SmsAdminUI.log) on a machine with no other offset and no
 * default given; the offset (a whole quarter hour) is the one that puts several of its failures within
 * seconds of the same machine's own DCOM events. The reasons say so.
 */
export type TimeSource = 'bias' | 'event' | 'machineOffset' | 'defaultOffset' | 'eventAlignment' | null;

/** Where a machine's UTC offset came from. */
export type MachineOffsetSource = 'bias' | 'eventAlignment';

export interface Machine {
  /** Short name in upper case (`CM01`), or the IP address when no name is known. */
  readonly id: string;
  /** Every name seen for it (`CM01`, `CM01.corp.contoso.com`). */
  readonly names: readonly string[];
  readonly addresses: readonly string[];
  readonly roles: readonly MachineRole[];
  /** Evidence files that belong to this machine (paths as given). */
  readonly files: readonly string[];
  /** The machine's UTC offset in minutes (local = UTC + offset) learnt from its logs' biases; null if unknown. */
  readonly utcOffsetMinutes: number | null;
  /** How the machine was identified (folder name, event Computer, log text…), for the report. */
  readonly identifiedBy: readonly string[];
  /** Where `utcOffsetMinutes` came from; null when it is unknown. */
  readonly utcOffsetSource: MachineOffsetSource | null;
  /** Machines whose activations this machine refused (10036 here), ids of `machines`. */
  readonly refusedActivationsFrom: readonly string[];
  /** Machines this machine activated below packet integrity (10037/10038 here), ids of `machines`. */
  readonly activatedBelowIntegrity: readonly string[];
  /** Evidence files that are DCOM event exports from this machine (the System log). */
  readonly hasEventExport: boolean;
}

export interface FileSummary {
  readonly path: string;
  readonly format: DocumentFormat | 'reg' | 'unreadable';
  readonly machine: string | null;
  readonly records: number;
  readonly findings: number;
  /** Places with a hardening code past the first 50,000 findings of the file: counted, not read. */
  readonly findingsNotRead?: number;
  /** Parse problems and read errors, counted (the files are never changed). */
  readonly problems: number;
  readonly error?: string;
}

export interface DiagnosisFinding {
  readonly code: FindingCode;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** ISO-8601 UTC, or null when the time cannot be known. */
  readonly time: string | null;
  readonly timeSource: TimeSource;
  readonly machine: string | null;
  readonly severity: FindingSeverity;
  /** For log findings; null for events. */
  readonly context: FailureContext | null;
  /** The diagnostic message, in the diagnosis locale. */
  readonly message: string;
  /** The line as written (trimmed, at most 300 characters): log text, untrusted. */
  readonly excerpt: string;
  /** The other machine involved: the host named in the log record, the 10036 client, the 10037/10038 target. */
  readonly peer: string | null;
  /** Event details (10036: user, sid, clientAddress; 10037/10038: application, processId, clsid, computer, authenticationLevel). */
  readonly details: Readonly<Record<string, string>> | null;
}

export interface EvidenceRef {
  readonly file: string;
  readonly line: number;
}

export interface Correlation {
  readonly log: EvidenceRef;
  readonly event: EvidenceRef;
  /** Event time minus log time, in seconds (negative: the event came first). */
  readonly deltaSeconds: number;
  /** `serverRejection`: a 10036 on the target from this machine; `clientActivation`: a 10037/10038 here naming the target. */
  readonly kind: 'serverRejection' | 'clientActivation';
  readonly logMachine: string | null;
  readonly eventMachine: string | null;
  /**
   * True when both machines matched by name (the log's peer is the event's machine or target, and the
   * event's client or machine is the log's machine); false for the weaker pairing where one side was
   * not named or its address is unknown.
   */
  readonly peerMatched: boolean;
  /** The machine that received the activation (the DCOM server): the log's peer, whichever event paired. */
  readonly target: string | null;
}

export type RegistryVerdict = 'ignored' | 'suppressesEvidence' | 'raisesLevel' | 'informational';

export interface RegistrySetting {
  readonly file: string;
  readonly line: number;
  readonly machine: string | null;
  readonly key: string;
  readonly name: string;
  readonly value: number | null;
  readonly verdict: RegistryVerdict;
  /** Localised explanation. */
  readonly message: string;
}

export interface Recommendation {
  readonly id: RecommendationId;
  readonly title: string;
  readonly detail: string;
  /** Machines the recommendation names (ids of `machines`). */
  readonly machines: readonly string[];
}

export interface Diagnosis {
  readonly verdict: Verdict;
  /** Why the verdict, one sentence each, localised. */
  readonly reasons: readonly string[];
  readonly findings: readonly DiagnosisFinding[];
  readonly correlations: readonly Correlation[];
  readonly registry: readonly RegistrySetting[];
  readonly machines: readonly Machine[];
  readonly recommendations: readonly Recommendation[];
  readonly files: readonly FileSummary[];
  readonly windowSeconds: number;
  readonly locale: Locale;
}
