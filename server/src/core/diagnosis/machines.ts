/**
 * Which machine each file, finding and address belongs to.
 *
 * A machine is named by its short name in upper case (`CM01`); an FQDN merges into its first label,
 * case-insensitively. Names come from folder names (`samples/CM01/distmgr.log`), event `<Computer>`,
 * STATMSG `SYS=`, hosts named in log records (`\\DP01.corp.contoso.com\root\SCCMDP`), 10037/10038 target
 * computers and 10036 computer accounts (`CORP\CM01$`). An address belongs to a machine when the evidence
 * says so (a 10036 from a computer account, "host (address)" in a log, a machine's own "IPv4 Address"
 * line, or a 10036 at the same moment as the caller's own 10037/10038 naming that server); otherwise the
 * address stays a machine of its own.
 */
import type { IdentificationNote } from '../i18n/diagnosisMessages';
import type { MachineRole } from '../knowledge/logFiles';
import { applicationName } from './configMgrProducts';
import type { CollectedFinding, FileEvidence } from './evidence';
import { baseName, hostOfFolderName, isGenericFolderName, machineIdOf, normaliseAddress } from './hostNames';
import { lookUpLogFile } from '../knowledge/logFiles';

/** A 10036 and the caller's own 10037/10038 for the same activation are logged within this many ms. */
const SAME_ACTIVATION_MS = 5000;

export interface MachineFacts {
  readonly id: string;
  readonly names: Set<string>;
  readonly addresses: Set<string>;
  readonly roles: Set<MachineRole>;
  readonly files: Set<string>;
  readonly notes: IdentificationNote[];
  readonly noteKeys: Set<string>;
  readonly biases: Map<number, number>;
  readonly refusedActivationsFrom: Set<string>;
  readonly activatedBelowIntegrity: Set<string>;
  hasEventExport: boolean;
}

export interface PlacedFinding {
  readonly finding: CollectedFinding;
  readonly machine: string | null;
  readonly peer: string | null;
}

export interface MachineDirectory {
  readonly machines: ReadonlyMap<string, MachineFacts>;
  /** Machine of each file (by file index); null when nothing tells. */
  readonly fileMachine: readonly (string | null)[];
  readonly findings: readonly PlacedFinding[];
  /** The machine an address belongs to, when known. */
  machineOfAddress(address: string): string | null;
}

const MAX_NOTES = 8;

class MachineBook {
  readonly machines = new Map<string, MachineFacts>();

  get(name: string): MachineFacts {
    const id = machineIdOf(name);
    let m = this.machines.get(id);
    if (!m) {
      m = {
        id,
        names: new Set(),
        addresses: new Set(),
        roles: new Set(),
        files: new Set(),
        notes: [],
        noteKeys: new Set(),
        biases: new Map(),
        refusedActivationsFrom: new Set(),
        activatedBelowIntegrity: new Set(),
        hasEventExport: false,
      };
      this.machines.set(id, m);
    }
    const address = normaliseAddress(name);
    if (address !== null) m.addresses.add(address);
    else if (![...m.names].some((n) => n.toLowerCase() === name.trim().replace(/\$$/, '').toLowerCase())) m.names.add(name.trim().replace(/\$$/, ''));
    return m;
  }

  /** One note per way and name (the first file that showed it), so that ten logs in one folder make one line. */
  note(machine: MachineFacts, note: IdentificationNote): void {
    const key = `${note.kind}\u0000${'address' in note ? note.address : ''}\u0000${'name' in note ? note.name.toLowerCase() : ''}`;
    if (machine.noteKeys.has(key) || machine.notes.length >= MAX_NOTES) return;
    machine.noteKeys.add(key);
    machine.notes.push(note);
  }
}

export function identifyMachines(files: readonly FileEvidence[]): MachineDirectory {
  const book = new MachineBook();
  const known = knownNames(files);
  const eventComputersByDirectory = new Map<string, Map<string, string>>();
  for (const f of files) {
    if (f.format !== 'eventXml') continue;
    const computers = eventComputersByDirectory.get(f.directory) ?? new Map<string, string>();
    for (const [name] of f.eventComputers) computers.set(machineIdOf(name), name);
    eventComputersByDirectory.set(f.directory, computers);
  }
  const fileMachine = files.map((f) => machineOfFile(f, eventComputersByDirectory, known, book));

  // Addresses, strongest evidence first; the first owner found keeps the address.
  const owners = new Map<string, string>();
  const claim = (address: string | null, owner: string, note: IdentificationNote): void => {
    if (address === null || owners.has(address)) return;
    const machine = book.get(owner);
    owners.set(address, machine.id);
    machine.addresses.add(address);
    book.note(machine, note);
  };
  for (const f of files) {
    for (const finding of f.findings) {
      const e = finding.event;
      if (e?.eventId !== 10036 || e.clientAccountHost === null || e.clientAddress === null) continue;
      const server = e.computer === null ? fileMachine[f.index] : machineIdOf(e.computer);
      if (server === machineIdOf(e.clientAccountHost)) continue;
      claim(e.clientAddress, e.clientAccountHost, { kind: 'computerAccount', name: `${e.clientAccountHost}$`, address: e.clientAddress, file: f.path });
    }
  }
  for (const f of files) {
    for (const pair of f.addressesOfHosts) claim(pair.address, pair.host, { kind: 'addressInLog', address: pair.address, file: f.path });
  }
  for (const f of files) {
    const id = fileMachine[f.index];
    if (id === null || id === undefined) continue;
    for (const address of f.ownAddresses) claim(address, id, { kind: 'ownAddress', address, file: f.path });
  }
  inferAddressesFromSimultaneousEvents(files, fileMachine, owners, book);

  const machineOfAddress = (address: string): string | null => owners.get(address) ?? null;
  const findings: PlacedFinding[] = [];
  for (const f of files) {
    for (const finding of f.findings) findings.push(placeFinding(finding, fileMachine[f.index] ?? null, known, machineOfAddress, book));
  }
  return { machines: book.machines, fileMachine, findings, machineOfAddress };
}

/** Ids named by events, STATMSG and folder names anywhere in the evidence: what a bare word or folder may refer to. */
function knownNames(files: readonly FileEvidence[]): Set<string> {
  const ids = new Set<string>();
  const add = (name: string | null): void => {
    if (name) ids.add(machineIdOf(name));
  };
  for (const f of files) {
    for (const [name] of f.eventComputers) add(name);
    for (const name of f.statusMessageSystems) add(name);
    for (const pair of f.addressesOfHosts) add(pair.host);
    for (const segment of f.folders) add(hostOfFolderName(segment));
    for (const finding of f.findings) {
      add(finding.event?.computer ?? null);
      add(finding.event?.target ?? null);
      add(finding.event?.clientAccountHost ?? null);
      for (const host of finding.log?.namedHosts ?? []) if (normaliseAddress(host) === null) add(host);
    }
  }
  return ids;
}

/**
 * The words of a file name that could name a machine: split on `_`, `-`, spaces and dots, without the
 * extension, the ConfigMgr log names and the words every export carries (`CM01_System.xml` → `CM01`).
 */
function fileNameWords(path: string): string[] {
  const base = baseName(path).replace(/\.[^.]*$/, '');
  return base
    .split(/[_\s.@]+|-(?=[A-Za-z])/)
    .filter((w) => w.length > 1 && !lookUpLogFile(w) && !NOT_MACHINE_WORDS.has(w.toLowerCase()) && !/^\d+$/.test(w));
}

const NOT_MACHINE_WORDS = new Set(['system', 'application', 'security', 'setup', 'events', 'event', 'export', 'log', 'logs', 'ole', 'appcompat', 'reg', 'registry', 'dcom', 'wevtutil', 'copy', 'old', 'new']);

function machineOfFile(
  f: FileEvidence,
  eventComputersByDirectory: ReadonlyMap<string, ReadonlyMap<string, string>>,
  known: ReadonlySet<string>,
  book: MachineBook,
): string | null {
  const found = findMachineOfFile(f, eventComputersByDirectory, known);
  if (f.format === 'eventXml') for (const [name] of f.eventComputers) book.get(name).hasEventExport = true;
  if (found === null) return null;
  const m = book.get(found.name);
  m.files.add(f.path);
  if (f.logRole) m.roles.add(f.logRole);
  if (f.format === 'eventXml') m.hasEventExport = true;
  for (const [bias, count] of f.biases) m.biases.set(bias, (m.biases.get(bias) ?? 0) + count);
  book.note(m, found.note);
  return m.id;
}

function findMachineOfFile(
  f: FileEvidence,
  eventComputersByDirectory: ReadonlyMap<string, ReadonlyMap<string, string>>,
  known: ReadonlySet<string>,
): { name: string; note: IdentificationNote } | null {
  const main = f.eventComputers[0]?.[0];
  if (main !== undefined) return { name: main, note: { kind: 'eventComputer', name: main, file: f.path } };
  // Evidence gathered into one folder is often named after its machine: `CM01_distmgr.log`.
  const fileWords = fileNameWords(f.path);
  const knownWord = fileWords.find((w) => known.has(machineIdOf(w)));
  if (knownWord !== undefined) return { name: knownWord, note: { kind: 'folder', name: knownWord, file: f.path } };
  for (const segment of f.folders) {
    const host = hostOfFolderName(segment);
    if (host !== null) return { name: host, note: { kind: 'folder', name: segment, file: f.path } };
  }
  const hostWord = fileWords.map(hostOfFolderName).find((h): h is string => h !== null);
  if (hostWord !== undefined) return { name: hostWord, note: { kind: 'folder', name: hostWord, file: f.path } };
  for (const segment of f.folders) {
    if (!isGenericFolderName(segment) && normaliseAddress(segment) === null && known.has(machineIdOf(segment))) {
      return { name: segment, note: { kind: 'folder', name: segment, file: f.path } };
    }
  }
  // A log that sits next to the System log of exactly one machine is that machine's.
  const neighbours = eventComputersByDirectory.get(f.directory);
  const neighbour = neighbours?.size === 1 ? [...neighbours.values()][0] : undefined;
  if (neighbour !== undefined) return { name: neighbour, note: { kind: 'sameFolderEvents', name: neighbour, file: f.path } };
  const system = f.statusMessageSystems[0];
  if (system !== undefined && f.statusMessageSystems.every((s) => machineIdOf(s) === machineIdOf(system))) {
    return { name: system, note: { kind: 'statusMessage', name: system, file: f.path } };
  }
  return null;
}

/**
 * A 10036 on server S from an unknown address X, logged within seconds of a 10037/10038 on machine C
 * that names S as its target, is the same activation seen from both ends: X is C's address. Used only
 * when every such coincidence for X points at the same C.
 */
function inferAddressesFromSimultaneousEvents(
  files: readonly FileEvidence[],
  fileMachine: readonly (string | null)[],
  owners: Map<string, string>,
  book: MachineBook,
): void {
  interface Activation {
    readonly caller: string;
    readonly millis: number;
  }
  const byTarget = new Map<string, Activation[]>();
  const rejections: { server: string; address: string; millis: number }[] = [];
  for (const f of files) {
    for (const finding of f.findings) {
      const e = finding.event;
      if (!e || finding.time.kind !== 'utc') continue;
      const machine = e.computer === null ? fileMachine[f.index] : machineIdOf(e.computer);
      if (!machine) continue;
      if (e.eventId === 10036) {
        if (e.clientAddress !== null && !owners.has(e.clientAddress)) rejections.push({ server: machine, address: e.clientAddress, millis: finding.time.millis });
      } else if (e.target !== null) {
        const target = machineIdOf(e.target);
        const list = byTarget.get(target) ?? [];
        list.push({ caller: machine, millis: finding.time.millis });
        byTarget.set(target, list);
      }
    }
  }
  for (const list of byTarget.values()) list.sort((a, b) => a.millis - b.millis);

  const votes = new Map<string, { callers: Set<string>; server: string }>();
  for (const r of rejections) {
    const list = byTarget.get(r.server);
    if (!list) continue;
    for (let i = lowerBound(list, r.millis - SAME_ACTIVATION_MS); i < list.length; i++) {
      const a = list[i] as Activation;
      if (a.millis > r.millis + SAME_ACTIVATION_MS) break;
      if (a.caller === r.server) continue;
      const vote = votes.get(r.address) ?? { callers: new Set<string>(), server: r.server };
      vote.callers.add(a.caller);
      votes.set(r.address, vote);
    }
  }
  for (const [address, vote] of [...votes.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (vote.callers.size !== 1) continue;
    const caller = [...vote.callers][0] as string;
    owners.set(address, caller);
    const m = book.get(caller);
    m.addresses.add(address);
    book.note(m, { kind: 'simultaneousEvents', address, server: vote.server });
  }
}

function lowerBound(list: readonly { readonly millis: number }[], millis: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.millis ?? 0) < millis) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function placeFinding(
  finding: CollectedFinding,
  fileMachine: string | null,
  known: ReadonlySet<string>,
  machineOfAddress: (address: string) => string | null,
  book: MachineBook,
): PlacedFinding {
  const e = finding.event;
  if (e) {
    const machine = e.computer === null ? fileMachine : book.get(e.computer).id;
    if (machine !== null) book.machines.get(machine)?.files.add(finding.file);
    const self = machine === null ? null : book.machines.get(machine) ?? null;
    if (e.eventId === 10036) {
      let peer: string | null = null;
      if (e.clientAddress !== null) {
        peer = machineOfAddress(e.clientAddress);
        if (peer === null) {
          const own = book.get(e.clientAddress);
          book.note(own, { kind: 'clientAddress', address: e.clientAddress, file: finding.file });
          peer = own.id;
        }
      } else if (e.clientAccountHost !== null) {
        peer = book.get(e.clientAccountHost).id;
      }
      if (self && peer !== null && peer !== self.id) self.refusedActivationsFrom.add(peer);
      return { finding, machine, peer };
    }
    let peer: string | null = null;
    if (e.target !== null) {
      const targetAddress = normaliseAddress(e.target);
      const owner = targetAddress === null ? null : machineOfAddress(targetAddress);
      const target = book.get(owner ?? e.target);
      book.note(target, { kind: 'eventTarget', name: e.target, file: finding.file });
      peer = target.id;
    }
    if (self) {
      if (peer !== null && peer !== self.id) self.activatedBelowIntegrity.add(peer);
      const app = applicationName(e.application ?? '').toLowerCase();
      if (app === 'microsoft.configurationmanagement.exe') {
        self.roles.add('console');
        if (peer !== null) book.machines.get(peer)?.roles.add('smsProvider');
      } else if (app === 'smsexec.exe') {
        self.roles.add('siteServer');
      }
    }
    return { finding, machine, peer };
  }

  const log = finding.log;
  if (!log) return { finding, machine: fileMachine, peer: null };
  const peer = peerOfLogFinding(log, fileMachine, known, machineOfAddress);
  if (peer !== null) {
    const m = book.get(peer.name);
    book.note(m, { kind: 'namedInLog', name: peer.name, file: finding.file });
    const self = fileMachine === null ? null : book.machines.get(fileMachine);
    if (log.context === 'consoleToProvider') {
      self?.roles.add('console');
      m.roles.add('smsProvider');
    } else if (log.context === 'siteServerToDistributionPoint') {
      self?.roles.add('siteServer');
      m.roles.add('distributionPoint');
    }
    return { finding, machine: fileMachine, peer: m.id };
  }
  return { finding, machine: fileMachine, peer: null };
}

/**
 * The other machine of a failing record: a host it names, else (unless it is about a local resource) a
 * known machine it mentions by short name, else the host its thread last named.
 */
function peerOfLogFinding(
  log: NonNullable<CollectedFinding['log']>,
  self: string | null,
  known: ReadonlySet<string>,
  machineOfAddress: (address: string) => string | null,
): { name: string } | null {
  const other = (name: string): { name: string } | null => {
    const address = normaliseAddress(name);
    const resolved = address === null ? name : machineOfAddress(address) ?? address;
    return machineIdOf(resolved) === self ? null : { name: resolved };
  };
  for (const host of log.namedHosts) {
    const peer = other(host);
    if (peer) return peer;
  }
  // A failure on a local file or key names its other machine outright or not at all.
  if (log.context === 'localResource') return null;
  for (const word of log.words) {
    if (known.has(word) && word !== self) return { name: word };
  }
  return log.threadHost === null ? null : other(log.threadHost);
}
