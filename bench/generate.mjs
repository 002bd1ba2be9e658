#!/usr/bin/env node
/**
 * Seeded generator of benchmark inputs shaped like real ConfigMgr logs and Windows event exports.
 * Nothing here is copied from real logs: the record shapes, the type mix (about 25 % type 0, 68 % type 1,
 * 5 % type 2, 2 % type 3), the multi-line records (WMI instance dumps, CDATA XML, .NET stack traces)
 * and the codes (0x80070005, 0x800706BA and others, in hex, bare hex and decimal) follow what real
 * smsts.log / distmgr.log / SmsAdminUI.log / `wevtutil qe /f:xml` output look like.
 *
 * Same seed and size give byte-identical files. Files are written to bench-results/inputs/ and reused
 * when present with the expected size stamp (see `ensureInputs`).
 *
 *   node bench/generate.mjs [--seed N] [--sizes 1,10,100] [--folder-mb 100] [--force]
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const INPUTS = join(ROOT, 'bench-results', 'inputs');
const GENERATOR_VERSION = 1;
const MB = 1024 * 1024;

// ---------------------------------------------------------------- PRNG (sfc32 seeded by splitmix32)
function makeRng(seed) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(), b = split(), c = split(), d = split();
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  const rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    hex: (n) => {
      let out = '';
      for (let i = 0; i < n; i++) out += '0123456789ABCDEF'[Math.floor(next() * 16)];
      return out;
    },
    guid: () => `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
    /** Weighted choice: [[weight, value], ...]. */
    weighted: (table) => {
      let total = 0;
      for (const [w] of table) total += w;
      let r = next() * total;
      for (const [w, v] of table) if ((r -= w) < 0) return v;
      return table[table.length - 1][1];
    },
  };
  return rng;
}

// ---------------------------------------------------------------- time
const pad2 = (n) => (n < 10 ? '0' : '') + n;
const pad3 = (n) => (n < 10 ? '00' : n < 100 ? '0' : '') + n;

/** A local clock that moves forward by random steps; `bias` is minutes west of UTC as CCM writes it. */
class Clock {
  constructor(startUtcMs, biasMinutes) {
    this.utc = startUtcMs;
    this.bias = biasMinutes;
  }
  advance(rng, meanMs) {
    // mostly bursts of records in the same few ms, sometimes a pause of seconds or minutes
    const r = rng.next();
    this.utc += r < 0.55 ? rng.int(0, 20) : r < 0.95 ? rng.int(20, meanMs * 2) : rng.int(1000, 120000);
  }
  local() {
    return new Date(this.utc - this.bias * 60000);
  }
  ccm() {
    const d = this.local();
    const bias = this.bias >= 0 ? `+${this.bias}` : `${this.bias}`;
    return {
      time: `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.${pad3(d.getUTCMilliseconds())}${bias}`,
      date: `${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}-${d.getUTCFullYear()}`,
    };
  }
  simple() {
    const d = this.local();
    const bias = this.bias >= 0 ? `+${this.bias}` : `${this.bias}`;
    return `${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}-${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.${pad3(d.getUTCMilliseconds())}${bias}`;
  }
  adminui() {
    const d = this.local();
    return `${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())}/${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  }
  iso() {
    const d = new Date(this.utc);
    return d.toISOString().slice(0, 23) + String(Math.floor((this.utc * 7919) % 10000)).padStart(4, '0') + 'Z';
  }
}

const START_UTC = Date.UTC(2024, 5, 11, 22, 0, 0);

// ---------------------------------------------------------------- shared vocabulary
const SITE = 'PS1';
const DOMAIN = 'FABRIKAM';
const FQDN = 'fabrikam.local';
const CODES = [
  [40, { hex: '0x80070005', text: 'Access is denied.' }],
  [25, { hex: '0x800706BA', text: 'The RPC server is unavailable.' }],
  [8, { hex: '0x80070002', text: 'The system cannot find the file specified.' }],
  [6, { hex: '0x80004005', text: 'Unspecified error' }],
  [5, { hex: '0x80041003', text: 'Access denied (WMI)' }],
  [4, { hex: '0x80072EE7', text: 'The server name or address could not be resolved' }],
  [4, { hex: '0x87D00324', text: 'The application was not detected after installation completed.' }],
  [3, { hex: '0x80070490', text: 'Element not found.' }],
  [3, { hex: '0x8024402C', text: 'WU_E_PT_WINHTTP_NAME_NOT_RESOLVED' }],
  [2, { hex: '0x80041010', text: 'Invalid class' }],
];
const hexToDecimal = (hex) => String(parseInt(hex, 16) - 0x100000000);

function codeSpelling(rng, hex) {
  const r = rng.next();
  if (r < 0.6) return hex;
  if (r < 0.75) return hex.toLowerCase();
  if (r < 0.9) return `(${hex.slice(2)})`;
  return hexToDecimal(hex);
}

const CCM_COMPONENTS = [
  ['TSManager', 'engine.cxx'], ['OSDDownloadContent', 'downloadcontent.cpp'], ['InstallApplication', 'installapplication.cpp'],
  ['ContentTransferManager', 'ctmjob.cpp'], ['DataTransferService', 'dtsjob.cpp'], ['LocationServices', 'lsad.cpp'],
  ['PolicyAgent_RequestAssignments', 'policyagent.cpp'], ['CcmExec', 'ccmexec.cpp'], ['AppEnforce', 'appprovider.cpp'],
  ['SMS Provider', 'sspinterface.cpp'], ['UpdatesDeploymentAgent', 'updatesmanager.cpp'], ['ScanAgent', 'scanagent.cpp'],
  ['TSMBootstrap', 'tsmbootstrap.cpp'], ['ApplyOperatingSystem', 'applyos.cpp'], ['RunPowerShellScript', 'main.cpp'],
];
const WORDS = ['package', 'content', 'policy', 'assignment', 'deployment', 'update', 'driver', 'catalog', 'job', 'state', 'scope', 'variable', 'step', 'group', 'action', 'request', 'handler', 'session', 'manifest', 'location'];
const PATH_PARTS = ['Windows', 'ccmcache', 'Drivers', 'Packages', 'Sources', 'Apps', 'x64', 'inf', 'Lang', 'en-US', 'bin', 'Scripts', 'Images', 'Config', 'Tools'];

function pkg(rng) {
  return `${SITE}${rng.hex(5)}`;
}
function path(rng) {
  let p = rng.pick(['C:\\_SMSTaskSequence\\Packages\\', 'C:\\Windows\\ccmcache\\', 'E:\\SCCMContentLib\\FileLib\\', 'D:\\Sources\\']);
  const n = rng.int(2, 5);
  for (let i = 0; i < n; i++) p += rng.pick(PATH_PARTS) + (i < n - 1 ? '\\' : '');
  return p + '\\' + rng.pick(WORDS) + rng.int(1, 999) + rng.pick(['.inf', '.cat', '.dll', '.msi', '.ps1', '.xml', '.cab', '.exe']);
}
function sentence(rng, min, max) {
  const n = rng.int(min, max);
  const out = [];
  for (let i = 0; i < n; i++) out.push(rng.pick(WORDS));
  return out.join(' ');
}

// ---------------------------------------------------------------- CCM message bodies
function ccmInfo(rng) {
  switch (rng.int(0, 11)) {
    case 0: return `Downloading file /SMS_DP_SMSPKG$/${pkg(rng)}/sccm?/${path(rng).slice(3).replace(/\\/g, '/')} range 0-${rng.int(1000, 900000)}`;
    case 1: return `Downloaded file from http://dp${rng.int(1, 9)}.${FQDN}:80/SMS_DP_SMSPKG$/${pkg(rng)}/sccm?/${rng.pick(WORDS)}.cab to ${path(rng)} `;
    case 2: return `Set a global environment variable _SMSTS${rng.pick(['CurrentActionName', 'NextInstructionPointer', 'InstallUpdates', 'PackageID'])}=${sentence(rng, 1, 3)}`;
    case 3: return `Expand a string: ${path(rng)}`;
    case 4: return `CTM job {${rng.guid()}} (corresponding DTS job {${rng.guid()}}) started download from 'http://dp${rng.int(1, 9)}.${FQDN}/SMS_DP_SMSPKG$/${pkg(rng)}' for full content download.`;
    case 5: return `Calling back with locations for location request {${rng.guid()}}`;
    case 6: return `Raising event:\r\ninstance of CCM_PolicyAgent_AssignmentsRequested\r\n{\r\n\tClientID = "GUID:${rng.guid()}";\r\n\tDateTime = "20240611${rng.int(100000, 235959)}.${rng.int(100, 999)}000+000";\r\n\tProcessID = ${rng.int(400, 9000)};\r\n\tThreadID = ${rng.int(400, 9000)};\r\n};\r\n`;
    case 7: return `Successfully completed the action (${sentence(rng, 1, 3)}) with the exit win32 code 0`;
    case 8: return `Received response:\r\n<![CDATA[<?xml version="1.0" encoding="utf-8" ?><LocationReply SchemaVersion="1.00"><Sites><Site><MPSite SiteCode="${SITE}" MasterSiteCode="${SITE}" SiteLocality="LOCAL"/><LocationRecords><LocationRecord><URL Name="http://dp${rng.int(1, 9)}.${FQDN}/SMS_DP_SMSPKG$/${pkg(rng)}" Signature="http://dp1.${FQDN}/SMS_DP_SMSPKG$/${pkg(rng)}"/><ADSite Name="Default-First-Site-Name"/></LocationRecord></LocationRecords></Site></Sites></LocationReply>]]>`;
    case 9: return `Evaluating policy ${rng.pick(WORDS)} ${rng.guid()} hr=0x00000000`;
    case 10: return `Process completed with exit code ${rng.pick(['0', '0', '0', '3010', '1641'])}`;
    default: return `${sentence(rng, 3, 12)} ${rng.int(0, 99999)}`;
  }
}
function ccmVerbose(rng) {
  return rng.chance(0.5) ? `${rng.pick(['Entering', 'Leaving'])} ${rng.pick(WORDS)}::${rng.pick(WORDS)}()` : `Property ${rng.pick(WORDS)} = ${rng.int(0, 65535)}`;
}
function ccmWarning(rng) {
  return rng.pick([
    () => `Failed to get ${rng.pick(WORDS)} from cache, retrying in ${rng.int(5, 600)} seconds`,
    () => `Reboot pending; deferring ${rng.pick(WORDS)}`,
    () => `DTS job {${rng.guid()}} BITS job failed to download, will retry in 600 seconds`,
    () => `Boundary group ${rng.int(1, 40)} has no distribution point for ${pkg(rng)}`,
  ])();
}
function ccmError(rng) {
  const code = rng.weighted(CODES);
  const c = codeSpelling(rng, code.hex);
  switch (rng.int(0, 6)) {
    case 0: return `Failed to connect to \\\\CM01.${FQDN}\\root\\sms\\site_${SITE}, error ${c}`;
    case 1: return `ExecStaticMethod failed ${c.startsWith('(') ? c : `(${c})`}  SMS_DistributionPoint, AddFile`;
    case 2: return `Download failed for content ${pkg(rng)}.${rng.int(1, 9)} under context System, error ${c}`;
    case 3: return `Unable to connect to WMI on remote machine "DP0${rng.int(1, 4)}.${FQDN}", error = ${c}.`;
    case 4: return `Failed to run the action: ${sentence(rng, 1, 3)}. ${code.text} (Error: ${code.hex.slice(2)}; Source: Windows)`;
    case 5: return `Exception calling "Invoke" with "1" argument(s): "${code.text} (Exception from HRESULT: ${code.hex})"\r\nAt ${path(rng)}:${rng.int(1, 400)} char:${rng.int(1, 40)}\r\n+ ${sentence(rng, 2, 5)}\r\n+ ~~~~~~~~~~~~~~~~~~~~~~`;
    default: return `${sentence(rng, 2, 6)} failed with ${c}`;
  }
}

/** One CCM record, CRLF-terminated. */
function ccmRecord(rng, clock, comps) {
  clock.advance(rng, 120);
  const type = rng.weighted([[25, 0], [68, 1], [5, 2], [2, 3]]);
  const msg = type === 3 ? ccmError(rng) : type === 2 ? ccmWarning(rng) : type === 0 ? ccmVerbose(rng) : ccmInfo(rng);
  const [component, file] = rng.pick(comps);
  const { time, date } = clock.ccm();
  return `<![LOG[${msg}]LOG]!><time="${time}" date="${date}" component="${component}" context="" type="${type}" thread="${rng.int(400, 9999)}" file="${file}:${rng.int(10, 4000)}">\r\n`;
}

// ---------------------------------------------------------------- site-server `$$<` records
const SIMPLE_COMPONENTS = ['SMS_DISTRIBUTION_MANAGER', 'SMS_PACKAGE_TRANSFER_MANAGER', 'SMS_HIERARCHY_MANAGER', 'SMS_EXECUTIVE', 'SMS_DATABASE_NOTIFICATION_MONITOR'];
function simpleRecord(rng, clock, component) {
  clock.advance(rng, 200);
  const r = rng.next();
  let msg;
  if (r < 0.04) {
    const code = rng.weighted(CODES);
    const c = codeSpelling(rng, code.hex);
    msg = rng.pick([
      `Failed to start DP health monitoring task for package '${pkg(rng)}'. Error code: ${c}`,
      `Cannot connect to the DP WMI namespace on DP0${rng.int(1, 4)}.${FQDN}. Error = ${c}`,
      `ExecStaticMethod failed ${c.startsWith('(') ? c : `(${c})`}  SMS_DistributionPoint, AddFile`,
      `CSendFileAction::SendFiles failed; ${c}`,
    ]);
  } else if (r < 0.06) {
    msg = `STATMSG: ID=${rng.pick([2391, 2301, 2302, 8211, 2348])} SEV=${rng.pick(['I', 'W', 'E'])} LEV=M SOURCE="SMS Server" COMP="${component}" SYS=CM01.${FQDN} SITE=${SITE} PID=${rng.int(900, 9000)} TID=${rng.int(900, 9000)} GMTDATE=Tue Jun 11 ${pad2(rng.int(0, 23))}:${pad2(rng.int(0, 59))}:${pad2(rng.int(0, 59))}.${pad3(rng.int(0, 999))} 2024 ISTR0="${pkg(rng)}" ISTR1="" ISTR2="" NUMATTRS=1 AID0=400 AVAL0="${pkg(rng)}"`;
  } else {
    msg = rng.pick([
      () => `Processing package ${pkg(rng)} (SourceVersion:${rng.int(1, 9)};StoredVersion:${rng.int(1, 9)})`,
      () => `Sending file ${rng.pick(WORDS)}${rng.int(1, 99)}.msi for package ${pkg(rng)}, version ${rng.int(1, 9)}`,
      () => `Used ${rng.int(0, 3)} out of 3 allowed processing threads.`,
      () => `Sleep ${rng.pick([30, 60, 3600])} seconds...`,
      () => `Connecting to the DP WMI namespace \\\\DP0${rng.int(1, 4)}.${FQDN}\\root\\SCCMDP`,
      () => `${sentence(rng, 4, 12)}`,
    ])();
  }
  const tid = rng.int(900, 9000);
  const lead = rng.chance(0.7) ? '~' : '';
  return `${lead}${msg}  $$<${component}><${clock.simple()}><thread=${tid} (0x${tid.toString(16).toUpperCase()})>\r\n`;
}

// ---------------------------------------------------------------- AdminUI console records
const DOTNET_FRAMES = [
  'System.Runtime.InteropServices.Marshal.ThrowExceptionForHRInternal(Int32 errorCode, IntPtr errorInfo)',
  'System.Management.ManagementScope.InitializeGuts(Object o)',
  'System.Management.ManagementScope.Initialize()',
  'System.Management.ManagementObjectSearcher.Get()',
  'Microsoft.ConfigurationManagement.ManagementProvider.WqlQueryEngine.WqlConnectionManager.Connect(String configMgrServerPath)',
  'Microsoft.ConfigurationManagement.AdminConsole.SmsSiteConnectionNode.GetConnectionManagerInstance(String connectionManagerInstance)',
];
function adminuiRecord(rng, clock, pid) {
  clock.advance(rng, 900);
  const head = `[${rng.int(1, 40)}, PID:${pid}][${clock.adminui()}] :`;
  const r = rng.next();
  if (r < 0.05) {
    const code = rng.weighted(CODES.slice(0, 4));
    const ja = rng.chance(0.2);
    const frame = ja ? '   場所 ' : '   at ';
    let out = `${head}Transport error; failed to connect to CM0${rng.int(1, 3)}.${FQDN}\r\nSystem.Runtime.InteropServices.COMException (${code.hex}): ${ja ? 'アクセスが拒否されました。' : code.text} (Exception from HRESULT: ${code.hex})\r\n`;
    const n = rng.int(3, DOTNET_FRAMES.length);
    for (let i = 0; i < n; i++) out += frame + DOTNET_FRAMES[i] + '\r\n';
    return out;
  }
  return head + rng.pick([
    () => `Connecting to site server CM01.${FQDN}, namespace \\\\CM01.${FQDN}\\root\\sms`,
    () => `Loaded ${rng.int(1, 60)} console extensions from C:\\Program Files (x86)\\Microsoft Endpoint Manager\\AdminConsole\\XmlStorage\\Extensions`,
    () => `Executing query SELECT * FROM SMS_${rng.pick(['Collection', 'Package', 'Application', 'R_System'])} WHERE ${rng.pick(WORDS)}ID = '${pkg(rng)}'`,
    () => `${sentence(rng, 4, 14)}`,
  ])() + '\r\n';
}

// ---------------------------------------------------------------- event XML (wevtutil, one per line)
const EV_NS = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>";
const DCOM = "<Provider Name='Microsoft-Windows-DistributedCOM' Guid='{1B562E86-B7AA-4131-BADC-B6F3A001407E}' EventSourceName='DCOM'/>";
const WMI_CLSID = '{8BC3F05E-D86B-11D0-A075-00C04FB68820}';
function eventSystem(clock, provider, id, qualifiers, level, recordId, computer, pidTid, userId) {
  const q = qualifiers === null ? '' : ` Qualifiers='${qualifiers}'`;
  const sec = userId ? `<Security UserID='${userId}'/>` : '<Security/>';
  return `${EV_NS}<System>${provider}<EventID${q}>${id}</EventID><Version>0</Version><Level>${level}</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x8080000000000000</Keywords><TimeCreated SystemTime='${clock.iso()}'/><EventRecordID>${recordId}</EventRecordID><Correlation/><Execution ProcessID='${pidTid[0]}' ThreadID='${pidTid[1]}'/><Channel>System</Channel><Computer>${computer}</Computer>${sec}</System>`;
}
function eventRecord(rng, clock, recordId, machine) {
  clock.advance(rng, 4000);
  const computer = `${machine.name}.${FQDN}`;
  const id = rng.weighted([[45, 7036], [14, 10016], [5, 10028], [6, 10036], [4, 10037], [3, 10038], [6, 16], [3, 19], [2, 43], [2, 6005], [2, 6006], [2, 1074], [6, 7040]]);
  const pt = [rng.int(4, 1200), rng.int(100, 9000)];
  switch (id) {
    case 7036:
    case 7040:
      return eventSystem(clock, "<Provider Name='Service Control Manager' Guid='{555908d1-a6d7-4695-8e1e-26931d2012f4}' EventSourceName='Service Control Manager'/>", id, 16384, 4, recordId, computer, pt, null) +
        `<EventData><Data Name='param1'>${rng.pick(['Windows Update', 'Background Intelligent Transfer Service', 'Windows Management Instrumentation', 'SMS Agent Host', 'Windows Modules Installer'])}</Data><Data Name='param2'>${rng.pick(['running', 'stopped'])}</Data></EventData></Event>\r\n`;
    case 10016:
      return eventSystem(clock, DCOM, id, 0, 3, recordId, computer, pt, 'S-1-5-20') +
        `<EventData><Data Name='param1'>application-specific</Data><Data Name='param2'>Local</Data><Data Name='param3'>Activation</Data><Data Name='param4'>{${rng.guid()}}</Data><Data Name='param5'>{${rng.guid()}}</Data><Data Name='param6'>NT AUTHORITY</Data><Data Name='param7'>NETWORK SERVICE</Data><Data Name='param8'>S-1-5-20</Data><Data Name='param9'>LocalHost (Using LRPC)</Data><Data Name='param10'>Unavailable</Data><Data Name='param11'>Unavailable</Data></EventData></Event>\r\n`;
    case 10028:
      return eventSystem(clock, DCOM, id, 0, 2, recordId, computer, pt, 'S-1-5-18') +
        `<EventData><Data Name='param1'>${rng.pick(machine.peers)}.${FQDN}</Data><Data Name='param2'> ${rng.int(256, 8000).toString(16)}</Data><Data Name='param3'>${machine.exe}</Data><Data Name='param4'></Data></EventData></Event>\r\n`;
    case 10036: {
      const caller = rng.pick(machine.callers);
      return eventSystem(clock, DCOM, id, 0, 2, recordId, computer, pt, caller.sid) +
        `<EventData><Data Name='Domain Name'>${DOMAIN}</Data><Data Name='User Name'>${caller.user}</Data><Data Name='SID'>${caller.sid}</Data><Data Name='Client IP Address'>${caller.ip}</Data></EventData></Event>\r\n`;
    }
    case 10037:
    case 10038:
      return eventSystem(clock, DCOM, id, 0, 2, recordId, computer, pt, 'S-1-5-18') +
        `<EventData><Data>${machine.exe}</Data><Data>${rng.int(800, 9000)}</Data><Data>${WMI_CLSID}</Data><Data>${rng.pick(machine.peers)}.${FQDN}</Data><Data>2</Data></EventData></Event>\r\n`;
    case 16:
      return eventSystem(clock, "<Provider Name='Microsoft-Windows-Kernel-General' Guid='{A68CA8B7-004F-D7B6-A698-07E2DE0F1F5D}'/>", id, null, 4, recordId, computer, [4, pt[1]], 'S-1-5-18') +
        `<EventData><Data Name='HiveNameLength'>40</Data><Data Name='HiveName'>\\??\\C:\\Windows\\ServiceProfiles\\LocalService\\NTUSER.DAT</Data><Data Name='KeysUpdated'>${rng.int(1, 40)}</Data><Data Name='DirtyPages'>${rng.int(1, 40)}</Data></EventData></Event>\r\n`;
    case 19:
    case 43:
      return eventSystem(clock, "<Provider Name='Microsoft-Windows-WindowsUpdateClient' Guid='{945A8954-C147-4ACD-923F-40C45405A658}'/>", id, null, 4, recordId, computer, pt, 'S-1-5-18') +
        `<EventData><Data Name='updateTitle'>2024-06 Cumulative Update for Windows Server 2019 for x64-based Systems (KB5039217)</Data><Data Name='updateGuid'>{${rng.guid()}}</Data><Data Name='updateRevisionNumber'>1</Data></EventData></Event>\r\n`;
    case 1074:
      return eventSystem(clock, "<Provider Name='User32' Guid='{b0aa8734-56f7-41cc-b2f4-de228e98b946}' EventSourceName='User32'/>", id, 32768, 4, recordId, computer, pt, 'S-1-5-18') +
        `<EventData><Data Name='param1'>C:\\Windows\\servicing\\TrustedInstaller.exe (${machine.name})</Data><Data Name='param2'>${machine.name}</Data><Data Name='param3'>Operating System: Upgrade (Planned)</Data><Data Name='param4'>0x80020003</Data><Data Name='param5'>restart</Data><Data Name='param6'></Data><Data Name='param7'>NT AUTHORITY\\SYSTEM</Data></EventData></Event>\r\n`;
    default:
      return eventSystem(clock, "<Provider Name='EventLog'/>", id, 32768, 4, recordId, computer, pt, null) + `<EventData></EventData></Event>\r\n`;
  }
}

// ---------------------------------------------------------------- writers
/** Writes records from `next()` until the file reaches `bytes`; atomic (tmp + rename). */
function writeUntil(file, bytes, bom, next) {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  let written = 0;
  let chunk = [];
  let chunkLen = 0;
  const flush = () => {
    const buf = Buffer.from(chunk.join(''), 'utf8');
    writeSync(fd, buf);
    written += buf.length;
    chunk = [];
    chunkLen = 0;
  };
  try {
    if (bom) chunk.push('\uFEFF');
    while (written + chunkLen < bytes) {
      const rec = next();
      chunk.push(rec);
      chunkLen += rec.length; // ~bytes: almost all ASCII
      if (chunkLen >= 1 << 20) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  return written;
}

const MACHINES = {
  CM01: { name: 'CM01', bias: 420, exe: 'E:\\Program Files\\Microsoft Configuration Manager\\bin\\x64\\smsexec.exe', peers: ['DP01', 'DP02', 'DP03'], callers: [{ user: 'adm-lee', sid: 'S-1-5-21-1111111111-2222222222-3333333333-1107', ip: '10.1.10.31' }] },
  DP01: { name: 'DP01', bias: 420, exe: 'C:\\Windows\\system32\\svchost.exe', peers: ['CM01'], callers: [{ user: 'CM01$', sid: 'S-1-5-21-1111111111-2222222222-3333333333-1001', ip: '10.1.20.10' }] },
  DP02: { name: 'DP02', bias: 420, exe: 'C:\\Windows\\system32\\svchost.exe', peers: ['CM01'], callers: [{ user: 'CM01$', sid: 'S-1-5-21-1111111111-2222222222-3333333333-1001', ip: '10.1.20.10' }] },
  CONSOLE01: { name: 'CONSOLE01', bias: -540, exe: 'C:\\Program Files (x86)\\Microsoft Endpoint Manager\\AdminConsole\\bin\\Microsoft.ConfigurationManagement.exe', peers: ['CM01'], callers: [] },
  PC0001: { name: 'PC0001', bias: 420, exe: 'C:\\Windows\\CCM\\CcmExec.exe', peers: ['CM01', 'DP01'], callers: [] },
  PC0002: { name: 'PC0002', bias: 420, exe: 'C:\\Windows\\CCM\\CcmExec.exe', peers: ['CM01', 'DP02'], callers: [] },
};
for (const m of Object.values(MACHINES)) if (m.callers.length === 0) m.callers = [{ user: 'SYSTEM', sid: 'S-1-5-18', ip: '10.1.30.99' }];

export function writeCcm(file, bytes, seed, components = CCM_COMPONENTS) {
  const rng = makeRng(seed);
  const clock = new Clock(START_UTC, 420);
  return writeUntil(file, bytes, true, () => ccmRecord(rng, clock, components));
}
export function writeSimple(file, bytes, seed, component = 'SMS_DISTRIBUTION_MANAGER') {
  const rng = makeRng(seed);
  const clock = new Clock(START_UTC, 420);
  return writeUntil(file, bytes, true, () => simpleRecord(rng, clock, rng.chance(0.9) ? component : rng.pick(SIMPLE_COMPONENTS)));
}
export function writeAdminui(file, bytes, seed) {
  const rng = makeRng(seed);
  const clock = new Clock(START_UTC, -540);
  const pid = rng.int(1000, 9999);
  return writeUntil(file, bytes, true, () => adminuiRecord(rng, clock, pid));
}
export function writeEvents(file, bytes, seed, machine = MACHINES.CM01) {
  const rng = makeRng(seed);
  const clock = new Clock(START_UTC, 0);
  let recordId = 700000;
  return writeUntil(file, bytes, false, () => eventRecord(rng, clock, recordId++, machine));
}

// ---------------------------------------------------------------- the input set
const FORMATS = {
  ccm: { name: (s) => `smsts-${s}.log`, write: writeCcm },
  simple: { name: (s) => `distmgr-${s}.log`, write: writeSimple },
  adminui: { name: (s) => `SmsAdminUI-${s}.log`, write: writeAdminui },
  eventXml: { name: (s) => `System-${s}.xml`, write: (f, b, seed) => writeEvents(f, b, seed) },
};
export const FORMAT_NAMES = Object.keys(FORMATS);
const label = (bytes) => (bytes >= MB ? `${Math.round(bytes / MB)}MB` : `${Math.round(bytes / 1024)}KB`);

/** An evidence folder: several machines, each with the logs its role writes and a System.xml. */
function writeFolder(dir, totalBytes, seed) {
  const plan = [
    ['CM01/distmgr.log', 0.12, (f, b, s) => writeSimple(f, b, s, 'SMS_DISTRIBUTION_MANAGER')],
    ['CM01/PkgXferMgr.log', 0.1, (f, b, s) => writeSimple(f, b, s, 'SMS_PACKAGE_TRANSFER_MANAGER')],
    ['CM01/SMSProv.log', 0.1, (f, b, s) => writeCcm(f, b, s, [['SMS Provider', 'sspinterface.cpp']])],
    ['CM01/System.xml', 0.08, (f, b, s) => writeEvents(f, b, s, MACHINES.CM01)],
    ['DP01/SMSDPProv.log', 0.06, (f, b, s) => writeCcm(f, b, s, [['SMSDPProv', 'dpprov.cpp']])],
    ['DP01/System.xml', 0.06, (f, b, s) => writeEvents(f, b, s, MACHINES.DP01)],
    ['DP02/SMSDPProv.log', 0.04, (f, b, s) => writeCcm(f, b, s, [['SMSDPProv', 'dpprov.cpp']])],
    ['DP02/System.xml', 0.04, (f, b, s) => writeEvents(f, b, s, MACHINES.DP02)],
    ['CONSOLE01/SmsAdminUI.log', 0.06, writeAdminui],
    ['CONSOLE01/System.xml', 0.04, (f, b, s) => writeEvents(f, b, s, MACHINES.CONSOLE01)],
    ['PC0001/CcmExec.log', 0.06, writeCcm],
    ['PC0001/ContentTransferManager.log', 0.04, writeCcm],
    ['PC0001/System.xml', 0.04, (f, b, s) => writeEvents(f, b, s, MACHINES.PC0001)],
    ['PC0002/smsts.log', 0.1, writeCcm],
    ['PC0002/System.xml', 0.06, (f, b, s) => writeEvents(f, b, s, MACHINES.PC0002)],
  ];
  let i = 0;
  for (const [rel, share, write] of plan) write(join(dir, rel), Math.max(4096, Math.round(totalBytes * share)), seed + 1000 + i++);
}

/**
 * Makes sure every input exists; returns their paths. A stamp file records seed, generator version
 * and sizes; anything missing or stamped differently is regenerated.
 */
export function ensureInputs({ seed = 42, sizesMb = [1, 10, 100], folderMb = 100, force = false, log = console.error } = {}) {
  mkdirSync(INPUTS, { recursive: true });
  const stampFile = join(INPUTS, 'stamps.json');
  let stamps = {};
  try {
    stamps = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch { /* none yet */ }
  const saveStamps = () => writeFileSync(stampFile, JSON.stringify(stamps, null, 1));
  const want = (key, check) => {
    const stamp = `${GENERATOR_VERSION}:${seed}:${key}`;
    if (!force && stamps[key] === stamp && check()) return false;
    stamps[key] = stamp;
    return true;
  };
  const one = (fmt, bytes, s) => {
    const file = join(INPUTS, FORMATS[fmt].name(label(bytes)));
    if (want(file, () => existsSync(file) && statSync(file).size >= bytes)) {
      const t = performance.now();
      const n = FORMATS[fmt].write(file, bytes, s);
      log(`  generated ${file.slice(ROOT.length + 1)} (${(n / MB).toFixed(1)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      saveStamps();
    }
    return file;
  };
  const out = { byFormat: {}, ccm50: null, ccm5: null, ccm10: null, ccm250k: null, folder: null };
  for (const fmt of FORMAT_NAMES) {
    out.byFormat[fmt] = {};
    for (const mb of sizesMb) out.byFormat[fmt][mb] = one(fmt, mb * MB, seed * 31 + mb);
  }
  out.ccm250k = one('ccm', 250 * 1024, seed * 37 + 1);
  out.ccm5 = one('ccm', 5 * MB, seed * 37 + 5);
  out.ccm10 = one('ccm', 10 * MB, seed * 31 + 10);
  out.ccm50 = one('ccm', 50 * MB, seed * 37 + 50);
  const folder = join(INPUTS, `evidence-${folderMb}MB`);
  const marker = join(folder, '.complete');
  if (want(folder, () => existsSync(marker))) {
    const t = performance.now();
    rmSync(folder, { recursive: true, force: true });
    writeFolder(folder, folderMb * MB, seed * 41 + folderMb);
    writeFileSync(marker, '');
    log(`  generated ${folder.slice(ROOT.length + 1)}/ in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    saveStamps();
  }
  out.folder = folder;
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, def) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : def;
  };
  const t = performance.now();
  ensureInputs({
    seed: Number(arg('--seed', '42')),
    sizesMb: arg('--sizes', '1,10,100').split(',').map(Number),
    folderMb: Number(arg('--folder-mb', '100')),
    force: process.argv.includes('--force'),
  });
  console.error(`inputs ready in ${INPUTS} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
}
