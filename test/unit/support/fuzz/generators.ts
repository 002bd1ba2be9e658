/**
 * fast-check generators for text shaped like what the parsers read: CCM ("CMTrace") logs, the site
 * server's simple `$$<…>` logs, the console's SmsAdminUI.log, plain text, Windows event XML and `.reg`
 * exports, with the odd cases real files have (multi-line messages, every line terminator, biases
 * written four ways, entity references, CDATA, collapse markers, continuation lines, error codes in
 * every form). `mutated` then breaks any of them the way files get broken: cut, flipped, spliced with
 * stray markers, huge numbers, mixed line ends.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeText } from '../../../../server/src/core/text/decode';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

// --- shared pieces ---------------------------------------------------------------------------------

export const terminator = fc.constantFrom('\r\n', '\r\n', '\n', '\r');

const WORDS = [
  'Processing', 'package', 'PS100012', 'failed', 'error', 'Error', 'warning', 'retrying', 'success', 'Successfully',
  'connect', 'connecting', 'to', 'the', 'distribution point', 'DP', 'WMI', 'ConnectServer', 'root\\sms\\site_PS1',
  'file', 'C:\\Windows\\CCM\\Logs', 'RemoveFile', 'no errors', 'Error = 0', 'cannot', 'unable', 'denied', 'exception',
  'SMS_DISTRIBUTION_MANAGER', 'STATMSG: ID=2344 SEV=E LEV=M SOURCE="SMS Server" SYS=CM01.corp.contoso.com', 'GUID',
  '{8BC3F05E-D86B-11D0-A075-00C04FB68820}', 'v5.00.9078.1000', 'アクセス', 'サーバー', '場所', 'warn', '***',
] as const;

/** Error codes in every form the matcher reads, plus near misses. */
export const codeText = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '0x80070005', '80070005', '(80070005)', '-2147024891', '2147942405', 'E_ACCESSDENIED', 'Access is denied',
      'アクセスが拒否されました。', 'The RPC server is unavailable', 'RPC サーバーを利用できません', '0x800706BA', '0x800706ba',
      '0x80041003', 'WBEM_E_ACCESS_DENIED', 'ERROR_FILE_NOT_FOUND', 'RPC_S_SERVER_UNAVAILABLE', '0x8007000', '0x800700051',
      '-21474836480', '4294967296', 'C0000005', '8007000G', '1.80070005', 'x80070005', '80070005.log',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffffffff }).map((v) => '0x' + v.toString(16).padStart(8, '0')) },
  { weight: 1, arbitrary: fc.integer({ min: -0x80000000, max: 0xffffffff }).map(String) },
);

const HOSTS = [
  '\\\\DP01.corp.contoso.com\\SMS_DP$', '\\\\dp01\\c$', 'CM01', 'cm01.corp.contoso.com', '10.0.0.4', '[10.0.0.23]',
  'CONSOLE01$', 'fe80::1', 'DP01 (10.0.0.7)', '10.0.0.9 [DP02]', 'CORP\\CONSOLE01$ from 10.0.0.23',
] as const;

/** Characters and fragments parsers must not trip on. */
const ODD = [
  '<', '>', '"', "'", '&', '&amp;', '&#x41;', ']', '[', '$$', '$$<', '~', '\t', '\u3000', '\uFFFD', '\u0000', '\uFEFF',
  '\uD800', '\uDC00', '🙂', '\u202E', '=', '="', ']LOG]', '<![', '<!--', ']]>', '\\', ';', '@',
] as const;

const fragment = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: codeText },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: 'binary' }) },
);

/** One line of message text (no line terminator). */
export const messageLine = fc
  .array(fragment, { maxLength: 10 })
  .map((parts) => parts.join(' ').replace(/[\r\n]/g, ' '));

/** Message text that may run over several lines, with any terminators. */
export const multiLineMessage = fc
  .array(fc.tuple(messageLine, terminator), { minLength: 1, maxLength: 3 })
  .map((lines) => lines.map(([line, end], i) => (i === lines.length - 1 ? line : line + end)).join(''));

// --- times -----------------------------------------------------------------------------------------

const hour = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 23 }) }, { weight: 1, arbitrary: fc.integer({ min: 24, max: 99 }) });
const minute = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 59 }) }, { weight: 1, arbitrary: fc.integer({ min: 60, max: 99 }) });
const month = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 99 }) });
const day = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 31 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 99 }) });
const year = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 2015, max: 2030 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 9999 }) });

/** Windows biases as ConfigMgr writes them, and a few it should not. */
const bias = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('+240', '-60', '+000', '+00', '-540', '+480', '+0') },
  { weight: 1, arbitrary: fc.constantFrom('+-420', '+01:00', '-09:30', '', '+99999', '+', '--5') },
  { weight: 1, arbitrary: fc.integer({ min: -2000, max: 2000 }).map((n) => (n < 0 ? String(n) : '+' + n)) },
);

const clock = fc
  .tuple(hour, minute, minute, fc.integer({ min: 0, max: 999 }), fc.boolean())
  .map(([h, m, s, ms, short]) => `${short ? h : pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(ms, 3)}`);

const dashDate = fc.tuple(month, day, year, fc.boolean()).map(([m, d, y, short]) => (short ? `${m}-${d}-${pad(y, 4)}` : `${pad(m, 2)}-${pad(d, 2)}-${pad(y, 4)}`));
const slashDate = fc.tuple(month, day, year).map(([m, d, y]) => `${pad(m, 2)}/${pad(d, 2)}/${pad(y, 4)}`);

// --- CCM -------------------------------------------------------------------------------------------

const component = fc.constantFrom('TSManager', 'SMS_DISTRIBUTION_MANAGER', 'ccmsetup', 'CAS', 'SMSProv', 'Test', '', 'a b', 'x"y');
const thread = fc.oneof(fc.integer({ min: 0, max: 99999 }).map(String), fc.constantFrom('', '0x1A', 'abc'));

export const ccmRecord = fc
  .record({
    message: multiLineMessage,
    time: clock,
    bias,
    date: dashDate,
    component,
    context: fc.constantFrom('', 'NT AUTHORITY\\SYSTEM', 'CORP\\alice'),
    type: fc.constantFrom('0', '1', '2', '3', '3', '', '7', ' 2'),
    thread,
    file: fc.constantFrom('utils.cpp:7745', 'ccmsetup.cpp:1234', '', 'a:b:c'),
    end: terminator,
  })
  .map(
    (r) =>
      `<![LOG[${r.message}]LOG]!><time="${r.time}${r.bias}" date="${r.date}" component="${r.component}" ` +
      `context="${r.context}" type="${r.type}" thread="${r.thread}" file="${r.file}">${r.end}`,
  );

export const ccmLog = fc
  .tuple(fc.boolean(), fc.array(ccmRecord, { maxLength: 12 }))
  .map(([bom, records]) => (bom ? '\uFEFF' : '') + records.join(''));

// --- simple ($$<…>) ----------------------------------------------------------------------------------

export const simpleRecord = fc
  .record({
    continuation: fc.array(fc.tuple(messageLine, terminator), { maxLength: 2 }),
    tilde: fc.boolean(),
    message: messageLine,
    component: fc.constantFrom('SMS_DISTRIBUTION_MANAGER', 'SMS_PACKAGE_TRANSFER_MANAGER', 'SMS_HIERARCHY_MANAGER', 'a b', ''),
    date: dashDate,
    time: clock,
    bias,
    thread: fc.integer({ min: 0, max: 99999 }),
    hex: fc.boolean(),
    spaces: fc.constantFrom('  ', ' ', '', '\t'),
    end: terminator,
  })
  .map(
    (r) =>
      r.continuation.map(([line, end]) => line + end).join('') +
      `${r.tilde ? '~' : ''}${r.message}${r.spaces}$$<${r.component}><${r.date} ${r.time}${r.bias}>` +
      `<thread=${r.thread}${r.hex ? ` (0x${r.thread.toString(16).toUpperCase()})` : ''}>${r.end}`,
  );

export const simpleLog = fc
  .tuple(fc.boolean(), fc.array(simpleRecord, { maxLength: 12 }))
  .map(([bom, records]) => (bom ? '\uFEFF' : '') + records.join(''));

// --- SmsAdminUI.log --------------------------------------------------------------------------------

const adminUiContinuation = fc.constantFrom(
  'System.UnauthorizedAccessException',
  'System.Runtime.InteropServices.COMException (0x800706BA)',
  '   at System.Management.ThreadDispatch.Start()',
  '   at Microsoft.ConfigurationManagement.ManagementProvider.WqlQueryEngine.WqlConnectionManager.Connect(String configMgrServerPath)',
  '   場所 System.Management.ManagementScope.InitializeGuts(Object o)',
  'Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))',
  '',
  '\t',
);

export const adminUiRecord = fc
  .record({
    thread: fc.integer({ min: 0, max: 999 }),
    pid: fc.option(fc.integer({ min: 0, max: 99999 })),
    date: slashDate,
    time: clock,
    message: messageLine,
    colon: fc.constantFrom(' :', ':', ' ', ''),
    more: fc.array(fc.oneof(adminUiContinuation, messageLine), { maxLength: 3 }),
    end: terminator,
  })
  .map(
    (r) =>
      `[${r.thread}${r.pid === null ? '' : `, PID:${r.pid}`}][${r.date} ${r.time.slice(0, 8)}]${r.colon}${r.message}${r.end}` +
      r.more.map((line) => line + r.end).join(''),
  );

export const adminUiLog = fc
  .tuple(fc.array(adminUiContinuation, { maxLength: 2 }), fc.array(adminUiRecord, { maxLength: 12 }))
  .map(([orphans, records]) => orphans.map((l) => l + '\r\n').join('') + records.join(''));

// --- plain -----------------------------------------------------------------------------------------

export const plainLog = fc
  .array(fc.tuple(fc.oneof({ weight: 3, arbitrary: messageLine }, { weight: 1, arbitrary: adminUiContinuation }), terminator), { maxLength: 20 })
  .map((lines) => lines.map(([line, end]) => line + end).join(''));

// --- event XML -------------------------------------------------------------------------------------

const EVENT_NS = 'http://schemas.microsoft.com/win/2004/08/events/event';

/** XML text content: escaped as exporters write it, with the mistakes hand-edited files have. */
const xmlText = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...WORDS).map((w) => w.replace(/&/g, '&amp;').replace(/</g, '&lt;')) },
      { weight: 2, arbitrary: codeText },
      { weight: 1, arbitrary: fc.constantFrom('&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#x41;', '&#65;', '&#x1F642;', 'AT&T', '&unknown;', '&#xD800;', '&#99999999;', '<![CDATA[a<b]]>', '<!-- c -->', '\r\n', '  ') },
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(' '));

const systemTime = fc.oneof(
  fc.date({ min: new Date(Date.UTC(2015, 0, 1)), max: new Date(Date.UTC(2030, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().replace('Z', '0000Z')),
  fc.constantFrom('2022-02-28T05:47:26.303038600Z', '2015-12-22 02:23:19.165775', '2022-02-30T00:00:00Z', 'yesterday', '', '2022-06-20T10:02:11+09:00'),
);

const dataItem = fc
  .record({ name: fc.option(fc.constantFrom('Domain Name', 'User Name', 'SID', 'Client IP Address', 'param1', 'AuthenticationLevel', 'x y')), value: xmlText, quote: fc.constantFrom("'", '"') })
  .map((d) => (d.name === null ? `<Data>${d.value}</Data>` : `<Data Name=${d.quote}${d.name}${d.quote}>${d.value}</Data>`));

const userData = fc
  .tuple(xmlText, xmlText)
  .map(([a, b]) => `<UserData><EventXML xmlns='Event_NS'><Param1>${a}</Param1><Param2>${b}</Param2></EventXML></UserData>`);

export const windowsEvent = fc
  .record({
    id: fc.oneof(fc.constantFrom('10036', '10037', '10038', '10016', '7000', '4624', ' 10036 ', 'x', '', '99999999999'), fc.nat(70000).map(String)),
    provider: fc.constantFrom('Microsoft-Windows-DistributedCOM', 'Service Control Manager', 'Microsoft-Windows-Security-Auditing', ''),
    source: fc.constantFrom(" EventSourceName='DCOM'", '', " EventSourceName='Other'"),
    level: fc.constantFrom('0', '1', '2', '3', '4', ''),
    time: systemTime,
    computer: fc.constantFrom('CM01.corp.contoso.com', 'DP01', 'CONSOLE01.corp.contoso.com', '', 'a<b'.replace('<', '&lt;')),
    sid: fc.constantFrom('S-1-5-18', 'S-1-5-21-1004336348-1177238915-682003330-1105', ''),
    data: fc.oneof(
      { weight: 4, arbitrary: fc.array(dataItem, { maxLength: 6 }).map((items) => `<EventData>${items.join('')}</EventData>`) },
      { weight: 1, arbitrary: userData },
      { weight: 1, arbitrary: fc.constant('') },
    ),
    rendering: fc.option(xmlText.map((m) => `<RenderingInfo Culture='en-US'><Message>${m}</Message><Level>Error</Level></RenderingInfo>`)),
    ws: fc.constantFrom('', '\r\n', '\n  ', ' '),
    prefix: fc.constantFrom('', 'e:'),
  })
  .map((e) => {
    const p = e.prefix;
    const ns = p ? `xmlns:e='${EVENT_NS}'` : `xmlns='${EVENT_NS}'`;
    return (
      `<${p}Event ${ns}>${e.ws}<${p}System>${e.ws}<${p}Provider Name='${e.provider}' Guid='{1B562E86-B7AA-4131-BADC-B6F3A001407E}'${e.source}/>${e.ws}` +
      `<${p}EventID Qualifiers='0'>${e.id}</${p}EventID><${p}Version>0</${p}Version><${p}Level>${e.level}</${p}Level>${e.ws}` +
      `<${p}TimeCreated SystemTime='${e.time}'/><${p}EventRecordID>4711</${p}EventRecordID><${p}Correlation/>` +
      `<${p}Execution ProcessID='912' ThreadID='1234'/><${p}Channel>System</${p}Channel><${p}Computer>${e.computer}</${p}Computer>` +
      `<${p}Security UserID='${e.sid}'/>${e.ws}</${p}System>${e.ws}${e.data}${e.rendering ?? ''}${e.ws}</${p}Event>`
    );
  });

/** Event Viewer "Save as XML", a `wevtutil qe` stream, the "XML View" copied with collapse markers, or a forum paste. */
export const eventXml = fc
  .record({
    shape: fc.constantFrom('eventViewer', 'stream', 'xmlView', 'paste'),
    events: fc.array(windowsEvent, { maxLength: 6 }),
    end: terminator,
    bom: fc.boolean(),
  })
  .map(({ shape, events, end, bom }) => {
    const head = bom ? '\uFEFF' : '';
    switch (shape) {
      case 'eventViewer':
        return `${head}<?xml version="1.0" encoding="UTF-8"?>${end}<Events>${end}${events.join(end)}${end}</Events>${end}`;
      case 'stream':
        return head + events.map((e) => e + end).join('');
      case 'xmlView':
        // One element per line, each with a tree marker, as the browser-style view is copied.
        return head + events.map((e) => e.replace(/></g, `>${end}- <`).replace(/^/, '- ')).join(end);
      default:
        return `${head}Here is what I see in Event Viewer:${end}${events.join(`${end}and then${end}`)}${end}Any idea?`;
    }
  });

// --- .reg ------------------------------------------------------------------------------------------

const regName = fc.constantFrom(
  'RequireIntegrityActivationAuthenticationLevel', 'RaiseActivationAuthenticationLevel', 'EnableDCOM', 'LegacyAuthenticationLevel',
  'Note', 'with \\"quote\\"', 'back\\\\slash', '', 'ActivationFailureLoggingLevel',
);

const regValue = fc.oneof(
  fc.tuple(regName, fc.integer({ min: 0, max: 0xffffffff })).map(([n, v]) => `"${n}"=dword:${v.toString(16).padStart(8, '0')}`),
  fc.tuple(regName, fc.constantFrom('a \\"quoted\\" C:\\\\path', 'C:\\single', 'x', '')).map(([n, v]) => `"${n}"="${v}"`),
  fc.constantFrom('@="default"', '"Gone"=-', '"Bin"=hex:01,ff,00', '"Q"=qword:0000000000000001', '"W"=word:1', '"Bad"=dword:123456789', '"Bad2"=dword:', '"Bad3"', '"Unclosed=dword:1'),
  fc.tuple(regName, fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }), fc.constantFrom('hex(2)', 'hex(7)', 'hex(4)', 'hex(b)', 'hex(0)', 'hex'), terminator).map(([n, bytes, kind, end]) => {
    // regedit wraps at 80 columns with a trailing `\` and indents the rest by two spaces.
    const hex = bytes.map((b) => b.toString(16).padStart(2, '0'));
    const lines: string[] = [];
    for (let i = 0; i < hex.length; i += 12) lines.push(hex.slice(i, i + 12).join(','));
    return `"${n}"=${kind}:${lines.join(`,\\${end}  `)}`;
  }),
  fc.constantFrom('; a comment', '', 'garbage line', '  "Indented"=dword:00000001'),
);

const regKey = fc
  .tuple(
    fc.constantFrom('HKEY_LOCAL_MACHINE', 'HKLM', 'HKEY_CURRENT_USER', 'HKCU', 'HKEY_NOPE', ''),
    fc.constantFrom('\\SOFTWARE\\Microsoft\\Ole', '\\SOFTWARE\\Microsoft\\Ole\\AppCompat', '\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\DCOM', '\\Odd]Name', ''),
    fc.constantFrom('', '-'),
    fc.array(regValue, { maxLength: 6 }),
    terminator,
    fc.constantFrom(']', ']', '', '] ; x'),
  )
  .map(([root, path, dash, values, end, close]) => `[${dash}${root}${path}${close}${end}${values.map((v) => v + end).join('')}${end}`);

export const regExport = fc
  .tuple(fc.constantFrom('Windows Registry Editor Version 5.00', 'REGEDIT4', '', 'Windows Registry Editor Version 9.99'), fc.array(regKey, { maxLength: 6 }), terminator, fc.boolean())
  .map(([header, keys, end, bom]) => `${bom ? '\uFEFF' : ''}${header}${end}${end}${keys.join('')}`);

// --- real files ------------------------------------------------------------------------------------

/** The repository root, from `out/test/unit/support/fuzz`. */
export const REPO_ROOT = resolve(__dirname, '../../../../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : /\.(?:log|xml|txt|reg)$/i.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

/** The sample folders and the test corpus, decoded as the CLI decodes files: real-shaped seeds to mutate. */
export function realFiles(): { path: string; text: string }[] {
  return [join(REPO_ROOT, 'samples'), join(REPO_ROOT, 'test', 'fixtures', 'corpus'), join(REPO_ROOT, 'test', 'fixtures', 'events')]
    .flatMap(filesUnder)
    .sort()
    .map((path) => ({ path, text: decodeText(readFileSync(path)) }));
}

// --- mutations -------------------------------------------------------------------------------------

/** Markers of every format, spliced in where they do not belong. */
export const MARKERS = [
  '<![LOG[', ']LOG]!>', ']LOG]!><time="', '" date="', 'type="3"', '$$<', '><thread=', '>', '<', '[1, PID:2][', '[06/20/2022 10:02:11] :',
  '<Event>', '</Event>', '<Events>', '</Events>', '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">', '<System>',
  '<EventID>10036</EventID>', '<Data Name="x">', '</Data>', '<!--', '-->', '<![CDATA[', ']]>', '<!DOCTYPE x [<!ENTITY a "b">]>', '&a;', '&',
  '&#xFFFFFF;', '"', "'", '\\', '\r', '\n', '\r\n', '\n\r', '\uFEFF', '\u0000', '\uD800', '[HKEY_LOCAL_MACHINE\\SOFTWARE]', '"v"=dword:1',
  'hex(2):00,\\', '- <', '+ <', '0x80070005', 'E_ACCESSDENIED', 'Access is denied',
] as const;

export type Mutation =
  | { readonly kind: 'truncate'; readonly at: number; readonly keep: 'head' | 'tail' }
  | { readonly kind: 'flip'; readonly at: number; readonly char: string }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'hugeNumber'; readonly at: number; readonly digits: number; readonly form: 'decimal' | 'hex' | 'negative' | 'glued' }
  | { readonly kind: 'lineEnds'; readonly style: '\n' | '\r' | '\r\n' | 'mixed'; readonly salt: number }
  | { readonly kind: 'duplicate'; readonly from: number; readonly length: number; readonly to: number }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number };

const position = fc.nat();
const flipChar = fc.oneof(fc.constantFrom('\u0000', '\uFFFD', '\uD800', '\uDFFF', '<', '>', '"', '$', '[', ']', '&', '\r', '\n', '='), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }));

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: position, keep: fc.constantFrom('head' as const, 'tail' as const) }),
  fc.record({ kind: fc.constant('flip' as const), at: position, char: flipChar }),
  fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...MARKERS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: 'binary' }) }) }),
  fc.record({ kind: fc.constant('hugeNumber' as const), at: position, digits: fc.integer({ min: 11, max: 400 }), form: fc.constantFrom('decimal' as const, 'hex' as const, 'negative' as const, 'glued' as const) }),
  fc.record({ kind: fc.constant('lineEnds' as const), style: fc.constantFrom('\n' as const, '\r' as const, '\r\n' as const, 'mixed' as const), salt: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), from: position, length: fc.integer({ min: 1, max: 200 }), to: position }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 50 }) }),
);

function hugeNumber(digits: number, form: 'decimal' | 'hex' | 'negative' | 'glued'): string {
  const body = '9876543210'.repeat(Math.ceil(digits / 10)).slice(0, digits);
  switch (form) {
    case 'decimal':
      return body;
    case 'hex':
      return '0x' + 'F8'.repeat(Math.ceil(digits / 2)).slice(0, digits);
    case 'negative':
      return '-' + body;
    default:
      return body + '0x80070005' + body; // a real code glued inside a huge number
  }
}

export function applyMutation(text: string, m: Mutation): string {
  const at = (n: number): number => (text.length === 0 ? 0 : n % (text.length + 1));
  switch (m.kind) {
    case 'truncate':
      return m.keep === 'head' ? text.slice(0, at(m.at)) : text.slice(at(m.at));
    case 'flip': {
      const i = at(m.at);
      return text.slice(0, i) + m.char + text.slice(i + 1);
    }
    case 'insert': {
      const i = at(m.at);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'hugeNumber': {
      const i = at(m.at);
      return text.slice(0, i) + hugeNumber(m.digits, m.form) + text.slice(i);
    }
    case 'lineEnds': {
      let n = m.salt;
      const ends = ['\n', '\r', '\r\n'] as const;
      return text.replace(/\r\n|\r|\n/g, () => {
        if (m.style !== 'mixed') return m.style;
        n = (n * 1103515245 + 12345) >>> 0;
        return ends[n % 3] as string;
      });
    }
    case 'duplicate': {
      const from = at(m.from);
      const piece = text.slice(from, from + m.length);
      const to = at(m.to);
      return text.slice(0, to) + piece + text.slice(to);
    }
    case 'delete': {
      const i = at(m.at);
      return text.slice(0, i) + text.slice(i + m.length);
    }
  }
}

export function applyMutations(text: string, mutations: readonly Mutation[]): string {
  return mutations.reduce(applyMutation, text);
}

/** `base` with zero to `max` mutations applied. */
export function mutated(base: fc.Arbitrary<string>, max = 4): fc.Arbitrary<string> {
  return fc.tuple(base, fc.array(mutation, { maxLength: max })).map(([text, mutations]) => applyMutations(text, mutations));
}

/** Every shape above, real files, and random text, each possibly mutated: input for "any document". */
export function anyDocument(seeds: readonly string[]): fc.Arbitrary<string> {
  const shapes: fc.Arbitrary<string>[] = [ccmLog, simpleLog, adminUiLog, plainLog, eventXml, regExport];
  if (seeds.length > 0) shapes.push(fc.constantFrom(...seeds));
  return fc.oneof(
    { weight: 8, arbitrary: mutated(fc.oneof(...shapes)) },
    // Two shapes glued together: a CCM log with an event pasted in, and so on.
    { weight: 2, arbitrary: mutated(fc.tuple(fc.oneof(...shapes), fc.oneof(...shapes)).map(([a, b]) => a + b), 2) },
    { weight: 1, arbitrary: fc.string({ maxLength: 300, unit: 'binary' }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 300, unit: fc.constantFrom(...MARKERS, 'a', ' ', '1', '0x', '"') }) },
  );
}
