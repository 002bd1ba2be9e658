/**
 * Generated evidence folders for the diagnosis: a site server, distribution points and a console, each
 * with its logs (failures that name a peer, at times near one another), its System log export (10036 on
 * the server that refused, 10037/10038 on the caller) and sometimes a registry export; times jittered
 * around one moment so that some pairs fall inside the window and some outside; any file may be mutated.
 */
import fc from 'fast-check';
import { applyMutations, mutation, type Mutation } from './generators';

const MACHINES = ['CM01', 'DP01', 'DP02', 'CONSOLE01'] as const;
type MachineName = (typeof MACHINES)[number];
const ADDRESS: Readonly<Record<MachineName, string>> = { CM01: '10.0.20.10', DP01: '10.0.20.21', DP02: '10.0.20.22', CONSOLE01: '10.0.10.25' };
const FQDN = (m: string): string => `${m}.corp.contoso.com`;
const WMI = '{8BC3F05E-D86B-11D0-A075-00C04FB68820}';
const SMSEXEC = 'E:\\Program Files\\Microsoft Configuration Manager\\bin\\x64\\smsexec.exe';

/** 2024-06-12T00:51:50Z: every generated time is this plus a jitter. */
const BASE_UTC = Date.UTC(2024, 5, 12, 0, 51, 50);

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Local time text pieces for a UTC instant and a bias (UTC = local + bias). */
function local(utcMillis: number, biasMinutes: number): { date: string; slashDate: string; time: string } {
  const d = new Date(utcMillis - biasMinutes * 60_000);
  const date = `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}-${d.getUTCFullYear()}`;
  return {
    date,
    slashDate: date.replace(/-/g, '/'),
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`,
  };
}

const biasText = (bias: number): string => (bias < 0 ? String(bias) : `+${bias}`);

export interface FailureSpec {
  readonly from: MachineName;
  readonly to: MachineName;
  readonly offsetSeconds: number;
  readonly code: '0x80070005' | 'Access is denied' | '0x800706BA' | 'The RPC server is unavailable' | '-2147024891';
  readonly verb: 'connect' | 'delete';
}

export interface EventSpec {
  readonly kind: 10036 | 10037 | 10038;
  readonly on: MachineName;
  readonly other: MachineName;
  readonly offsetSeconds: number;
  /** 10036: the client named by its address, its computer account, or a user. */
  readonly clientBy: 'address' | 'account' | 'user';
}

export interface FolderSpec {
  readonly failures: readonly FailureSpec[];
  readonly events: readonly EventSpec[];
  readonly biases: Readonly<Record<MachineName, number>>;
  readonly flat: boolean;
  readonly registry: boolean;
  readonly mutations: readonly (readonly [number, readonly Mutation[]])[];
}

const machine = fc.constantFrom(...MACHINES);
const offset = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -30, max: 30 }) }, { weight: 1, arbitrary: fc.integer({ min: -900, max: 900 }) });

const failureSpec: fc.Arbitrary<FailureSpec> = fc.record({
  from: machine,
  to: machine,
  offsetSeconds: offset,
  code: fc.constantFrom('0x80070005' as const, 'Access is denied' as const, '0x800706BA' as const, 'The RPC server is unavailable' as const, '-2147024891' as const),
  verb: fc.constantFrom('connect' as const, 'connect' as const, 'delete' as const),
});

const eventSpec: fc.Arbitrary<EventSpec> = fc.record({
  kind: fc.constantFrom(10036 as const, 10037 as const, 10038 as const),
  on: machine,
  other: machine,
  offsetSeconds: offset,
  clientBy: fc.constantFrom('address' as const, 'account' as const, 'user' as const),
});

export const folderSpec: fc.Arbitrary<FolderSpec> = fc.record({
  failures: fc.array(failureSpec, { maxLength: 8 }),
  events: fc.array(eventSpec, { maxLength: 8 }),
  biases: fc.record({
    CM01: fc.constantFrom(420, -540, 0, 60),
    DP01: fc.constantFrom(420, -540, 0),
    DP02: fc.constantFrom(420, -60),
    CONSOLE01: fc.constantFrom(420, -540, 0),
  }),
  flat: fc.boolean(),
  registry: fc.boolean(),
  mutations: fc.array(fc.tuple(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 })), { maxLength: 2 }),
});

function simpleLine(message: string, utc: number, bias: number, component = 'SMS_DISTRIBUTION_MANAGER'): string {
  const t = local(utc, bias);
  return `${message}  $$<${component}><${t.date} ${t.time}${biasText(bias)}><thread=6648 (0x19F8)>`;
}

function adminUiLine(message: string, utc: number, bias: number): string {
  const t = local(utc, bias);
  return `[5, PID:7412][${t.slashDate} ${t.time.slice(0, 8)}] :${message}`;
}

function eventXmlOf(spec: EventSpec, utc: number): string {
  const id = spec.kind;
  const data =
    id === 10036
      ? `<Data Name='Domain Name'>CORP</Data><Data Name='User Name'>${spec.clientBy === 'account' ? spec.other + '$' : 'alice'}</Data>` +
        `<Data Name='SID'>S-1-5-21-1-2-3-1109</Data><Data Name='Client IP Address'>${spec.clientBy === 'user' ? '192.168.1.9' : ADDRESS[spec.other]}</Data>`
      : `<Data>${SMSEXEC}</Data><Data>3204</Data><Data>${WMI}</Data><Data>${FQDN(spec.other)}</Data><Data>2</Data>`;
  return (
    `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>` +
    `<Provider Name='Microsoft-Windows-DistributedCOM' Guid='{1B562E86-B7AA-4131-BADC-B6F3A001407E}' EventSourceName='DCOM'/>` +
    `<EventID Qualifiers='0'>${id}</EventID><Level>2</Level><TimeCreated SystemTime='${new Date(utc).toISOString()}'/>` +
    `<Channel>System</Channel><Computer>${FQDN(spec.on)}</Computer></System><EventData>${data}</EventData></Event>`
  );
}

/** The folder a spec describes: path → text, in a stable order. */
export function buildFolder(spec: FolderSpec): [string, string][] {
  const files = new Map<string, string[]>();
  const add = (path: string, line: string): void => {
    const list = files.get(path);
    if (list) list.push(line);
    else files.set(path, [line]);
  };
  const dir = (m: MachineName): string => (spec.flat ? `evidence/${m}_` : `evidence/${m}/`);
  for (const f of spec.failures) {
    const utc = BASE_UTC + f.offsetSeconds * 1000;
    const bias = spec.biases[f.from];
    if (f.from === 'CONSOLE01') {
      add(`${dir(f.from)}SmsAdminUI.log`, adminUiLine(`Failed to connect to \\\\${FQDN(f.to)}\\root\\sms\\site_PS1 (${f.code})`, utc, bias));
      add(`${dir(f.from)}SmsAdminUI.log`, '   at System.Management.ThreadDispatch.Start()');
    } else if (f.verb === 'delete') {
      add(`${dir(f.from)}distmgr.log`, simpleLine(`~RemoveFile C:\\SMSPKG\\PS100012.PCK failed, ${f.code}`, utc, bias));
    } else {
      add(`${dir(f.from)}distmgr.log`, simpleLine(`~Connecting to \\\\${FQDN(f.to)}\\root\\SCCMDP`, utc - 300, bias));
      add(`${dir(f.from)}distmgr.log`, simpleLine(`~Failed to connect to \\\\${FQDN(f.to)}\\root\\SCCMDP, error ${f.code}`, utc, bias));
    }
  }
  const events = new Map<MachineName, string[]>();
  for (const e of spec.events) {
    const list = events.get(e.on) ?? [];
    list.push(eventXmlOf(e, BASE_UTC + e.offsetSeconds * 1000));
    events.set(e.on, list);
  }
  for (const [m, list] of events) files.set(`${dir(m)}System.xml`, [`<Events>`, ...list, `</Events>`]);
  if (spec.registry) {
    files.set(`${dir('CM01')}Ole-AppCompat.reg`, [
      'Windows Registry Editor Version 5.00',
      '',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole\\AppCompat]',
      '"RequireIntegrityActivationAuthenticationLevel"=dword:00000000',
    ]);
  }
  const folder = [...files].map(([path, lines]): [string, string] => [path, lines.join('\r\n') + '\r\n']);
  for (const [which, mutations] of spec.mutations) {
    const entry = folder[which % Math.max(1, folder.length)];
    if (entry) entry[1] = applyMutations(entry[1], mutations);
  }
  return folder;
}

/** A large folder for the timing check: `scale` failures and events on two machines. */
export function largeFolder(scale: number): [string, string][] {
  const failures: FailureSpec[] = [];
  const events: EventSpec[] = [];
  for (let i = 0; i < scale; i++) {
    failures.push({ from: 'CM01', to: i % 2 ? 'DP01' : 'DP02', offsetSeconds: i * 7, code: '0x80070005', verb: 'connect' });
    events.push({ kind: 10036, on: i % 2 ? 'DP01' : 'DP02', other: 'CM01', offsetSeconds: i * 7 + 1, clientBy: 'account' });
    events.push({ kind: 10037, on: 'CM01', other: i % 2 ? 'DP01' : 'DP02', offsetSeconds: i * 7 - 1, clientBy: 'address' });
  }
  return buildFolder({ failures, events, biases: { CM01: 420, DP01: 420, DP02: 420, CONSOLE01: 0 }, flat: false, registry: true, mutations: [] });
}
