/**
 * Redaction for reports that leave the organisation (a support ticket, a forum post): user names,
 * account SIDs and IP addresses become stable placeholders (`<user-1>`, `<domain-1>`, `<sid-1>`,
 * `<ip-1>`; the same value always gets the same placeholder within one diagnosis). Machine names stay:
 * the admin needs them to act on the report.
 *
 * Kept on purpose: well-known accounts and SIDs (`NT AUTHORITY\SYSTEM`, `S-1-5-18`, `BUILTIN\…`),
 * computer accounts (`CORP\CM01$` keeps `CM01$`, a machine name; its domain is replaced), loopback and
 * unspecified addresses (`127.0.0.1`, `::1`, `0.0.0.0`).
 *
 * Two passes over every string: the first learns the user and domain names written in structured
 * places (10036 details, `DOMAIN\user`, `user@domain`, profile paths, `<Data Name="User Name">`), the
 * second replaces them wherever they appear, bare or qualified, together with SIDs and addresses.
 */
import type { Diagnosis } from '../diagnosis/model';

type Kind = 'user' | 'domain' | 'sid' | 'ip';

interface Hit {
  readonly start: number;
  readonly end: number;
  /** The replacement; placeholders are numbered when rendered, so in order of appearance. */
  readonly render: () => string;
}

/** How a string is scanned: file paths are not searched for `DOMAIN\user` (`CM01\System.xml` is a path). */
type Mode = 'text' | 'path';

const WELL_KNOWN_DOMAINS: ReadonlySet<string> = new Set([
  'nt authority', 'builtin', 'nt service', 'iis apppool', 'nt virtual machine', 'window manager', 'font driver host',
]);

/** First segments of `X\Y` that are namespaces, registry hives and folders, not account domains. */
const NOT_DOMAINS: ReadonlySet<string> = new Set([
  'root', 'hklm', 'hkcu', 'hkcr', 'hku', 'hkcc', 'hkey_local_machine', 'hkey_current_user', 'hkey_classes_root',
  'hkey_users', 'hkey_current_config', 'software', 'system', 'system32', 'syswow64', 'windows', 'files', 'microsoft',
  'sms', 'ccm', 'cimv2', 'registry', 'machine', 'policies', 'logs', 'temp',
]);

const FILE_LIKE = /\.(?:log|lo_|xml|evtx|reg|txt|exe|dll|cab|msi|mof|ps1|cmd|bat|ini|json|sql|cpp|h|cs|config)$/i;
const PROFILE_FOLDERS_KEPT: ReadonlySet<string> = new Set(['public', 'default', 'default user', 'all users', 'defaultuser0']);

const WELL_KNOWN_PREFIX =
  /\b(?:NT AUTHORITY|NT SERVICE|IIS APPPOOL|NT VIRTUAL MACHINE|WINDOW MANAGER|FONT DRIVER HOST)\\(?:LOCAL SERVICE|NETWORK SERVICE|ANONYMOUS LOGON|Authenticated Users|[\w$.-]+)/gi;
/** Account names that are the same on every machine: not personal, never learnt as user names. */
const WELL_KNOWN_USERS: ReadonlySet<string> = new Set([
  'system', 'localsystem', 'local service', 'network service', 'anonymous logon', 'everyone', 'authenticated users',
]);
const SID = /(?<![\w-])S-1-(?:5-21|12-1)(?:-\d+){3,5}(?![\w-])/gi;
const IPV4 = /(?<![\w.])(?<!version[=: ]\s?)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?!\w|\.\d)/gi;
const IPV6_CANDIDATE = /(?<![\w:.])[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?:%[\w.]+)?/g;
// The lookahead after the user makes the match end at a word's end (no backtracking into `CM01\\x`).
const DOMAIN_USER = /(?<![\w.\\/$%-])([A-Za-z0-9][\w-]*(?:\.[\w-]+)*|\.)\\([\w$](?:[\w$-]|\.(?=[\w$]))*)(?![\w$-]|\.[\w$]|[\\/])/g;
const UPN = /(?<![\w.%+-])([\w.%+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z][A-Za-z0-9-]*)(?![\w-])/g;
const PROFILE = /(?<=[\\/]Users[\\/])([^\\/\s"'<>]+)(?=[\\/])/gi;
const EVENT_DATA = /Name=(["'])(User ?Name|Domain ?Name)\1\s*>([^<]*)</gi;

function isWellKnownDomain(domain: string): boolean {
  return WELL_KNOWN_DOMAINS.has(domain.trim().toLowerCase());
}

function isComputerAccount(user: string): boolean {
  return user.trim().endsWith('$');
}

function ipv4Parts(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const numbers = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return numbers.every((n) => n <= 255) ? numbers : null;
}

/** The eight groups of an IPv6 address (an IPv4 tail counts as two), or null when it is not one. */
function ipv6Groups(text: string): number[] | null {
  let s = text;
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = ipv4Parts(tail);
    if (!v4) return null;
    s = `${s.slice(0, lastColon + 1)}${(((v4[0] ?? 0) << 8) | (v4[1] ?? 0)).toString(16)}:${(((v4[2] ?? 0) << 8) | (v4[3] ?? 0)).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (part: string | undefined): string[] | null => {
    if (!part) return [];
    const groups = part.split(':');
    return groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g)) ? groups : null;
  };
  const left = groupsOf(halves[0]);
  const right = groupsOf(halves[1]);
  if (!left || !right) return null;
  if (halves.length === 1 && left.length !== 8) return null;
  if (halves.length === 2 && left.length + right.length > 7) return null;
  const zeros = new Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16));
}

/** The canonical form used as the placeholder key (an IPv4-mapped address is the IPv4 address). */
function ipv6Key(groups: readonly number[]): string {
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const hi = groups[6] ?? 0;
    const lo = groups[7] ?? 0;
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
  }
  return groups.map((g) => g.toString(16)).join(':');
}

function isKeptIpv4(parts: readonly number[]): boolean {
  return parts[0] === 127 || parts.every((p) => p === 0);
}

function isKeptIpv6(groups: readonly number[]): boolean {
  return groups.slice(0, 7).every((g) => g === 0) && (groups[7] === 0 || groups[7] === 1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

class Redactor {
  private readonly numbers: Record<Kind, Map<string, number>> = {
    user: new Map(),
    domain: new Map(),
    sid: new Map(),
    ip: new Map(),
  };
  private readonly literals = new Map<string, 'user' | 'domain'>();
  private literalPattern: RegExp | null = null;

  constructor(private readonly machineNames: ReadonlySet<string>) {}

  placeholder(kind: Kind, key: string): string {
    const map = this.numbers[kind];
    let n = map.get(key);
    if (n === undefined) {
      n = map.size + 1;
      map.set(key, n);
    }
    return `<${kind}-${n}>`;
  }

  /** Pass 1: remember a user or domain name written somewhere structured. */
  learn(kind: 'user' | 'domain', value: string): void {
    const name = value.trim();
    const key = name.toLowerCase();
    if (name.length < 2 || name === '-' || /^n\/?a$/i.test(name)) return;
    if (kind === 'user' && (isComputerAccount(name) || WELL_KNOWN_USERS.has(key))) return;
    if (kind === 'domain' && (isWellKnownDomain(name) || NOT_DOMAINS.has(key))) return;
    if (this.machineNames.has(key) || this.literals.has(key)) return;
    this.literals.set(key, kind);
    this.literalPattern = null;
  }

  /** Pass 1 over free text: the names that patterns reveal. */
  learnFrom(written: string, mode: Mode): void {
    // `NT AUTHORITY\SYSTEM` must not teach `AUTHORITY` as a domain or `SYSTEM` as a user.
    const text = written.replace(WELL_KNOWN_PREFIX, (m) => ' '.repeat(m.length));
    if (mode === 'text') {
      for (const m of text.matchAll(DOMAIN_USER)) {
        const [, domain = '', user = ''] = m;
        if (!this.isAccount(domain, user)) continue;
        if (domain !== '.') this.learn('domain', domain);
        this.learn('user', user);
      }
      for (const m of text.matchAll(EVENT_DATA)) {
        const value = m[3] ?? '';
        if (/^domain/i.test(m[2] ?? '')) this.learn('domain', value);
        else this.learn('user', value);
      }
    }
    for (const m of text.matchAll(UPN)) this.learn('user', m[1] ?? '');
    for (const m of text.matchAll(PROFILE)) {
      const user = m[1] ?? '';
      if (!PROFILE_FOLDERS_KEPT.has(user.toLowerCase())) this.learn('user', user);
    }
  }

  learnDetails(details: Readonly<Record<string, string>> | null): void {
    if (!details) return;
    const domainKey = Object.keys(details).find((k) => /domain/i.test(k));
    const domain = domainKey === undefined ? '' : (details[domainKey] ?? '');
    const wellKnown = isWellKnownDomain(domain);
    for (const [key, value] of Object.entries(details)) {
      if (/domain/i.test(key)) this.learn('domain', value);
      else if (/user/i.test(key) && !wellKnown) this.learn('user', value);
    }
  }

  private isAccount(domain: string, user: string): boolean {
    if (isWellKnownDomain(domain) || NOT_DOMAINS.has(domain.toLowerCase())) return false;
    if (FILE_LIKE.test(user) || (/^\d+$/.test(domain) && /^\d+$/.test(user))) return false;
    return true;
  }

  /** Pass 2: the text with every sensitive value replaced. */
  text(text: string, mode: Mode = 'text'): string {
    if (text === '') return text;
    const hits = this.hits(text, mode);
    if (hits.length === 0) return text;
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    let out = '';
    let at = 0;
    for (const hit of hits) {
      if (hit.start < at) continue;
      out += text.slice(at, hit.start) + hit.render();
      at = hit.end;
    }
    return out + text.slice(at);
  }

  private hits(text: string, mode: Mode): Hit[] {
    const hits: Hit[] = [];
    const keep = (m: RegExpMatchArray): void => {
      const start = m.index ?? 0;
      hits.push({ start, end: start + m[0].length, render: () => m[0] });
    };
    for (const m of text.matchAll(WELL_KNOWN_PREFIX)) keep(m);
    for (const m of text.matchAll(SID)) {
      const start = m.index ?? 0;
      hits.push({ start, end: start + m[0].length, render: () => this.placeholder('sid', m[0].toUpperCase()) });
    }
    for (const m of text.matchAll(IPV4)) {
      const parts = ipv4Parts(m[0]);
      if (!parts || isKeptIpv4(parts)) continue;
      const start = m.index ?? 0;
      hits.push({ start, end: start + m[0].length, render: () => this.placeholder('ip', parts.join('.')) });
    }
    this.ipv6Hits(text, hits);
    if (mode === 'text') {
      for (const m of text.matchAll(DOMAIN_USER)) {
        const [all, domain = '', user = ''] = m;
        if (!this.isAccount(domain, user)) continue;
        const start = m.index ?? 0;
        hits.push({
          start,
          end: start + all.length,
          render: () => {
            const d = domain === '.' ? '.' : this.placeholder('domain', domain.toLowerCase());
            const u = isComputerAccount(user) ? user : this.placeholder('user', user.toLowerCase());
            return `${d}\\${u}`;
          },
        });
      }
    }
    for (const m of text.matchAll(UPN)) {
      const start = m.index ?? 0;
      const local = m[1] ?? '';
      hits.push({ start, end: start + local.length, render: () => this.placeholder('user', local.toLowerCase()) });
    }
    for (const m of text.matchAll(PROFILE)) {
      const user = m[1] ?? '';
      if (PROFILE_FOLDERS_KEPT.has(user.toLowerCase())) continue;
      const start = m.index ?? 0;
      hits.push({ start, end: start + user.length, render: () => this.placeholder('user', user.toLowerCase()) });
    }
    const literal = this.literalRegExp();
    if (literal) {
      for (const m of text.matchAll(literal)) {
        const key = m[0].toLowerCase();
        const kind = this.literals.get(key) ?? 'user';
        const start = m.index ?? 0;
        hits.push({ start, end: start + m[0].length, render: () => this.placeholder(kind, key) });
      }
    }
    return hits;
  }

  private ipv6Hits(text: string, hits: Hit[]): void {
    for (const m of text.matchAll(IPV6_CANDIDATE)) {
      const start = m.index ?? 0;
      let candidate = m[0].replace(/(?<!\.)\.+$/, '');
      if (!/\d/.test(candidate)) continue;
      const next = text.charAt(start + candidate.length);
      if (/\w/.test(next)) continue;
      const zoneAt = candidate.indexOf('%');
      const address = zoneAt < 0 ? candidate : candidate.slice(0, zoneAt);
      if (address.endsWith(':') && !address.endsWith('::')) candidate = candidate.slice(0, address.length - 1);
      const groups = ipv6Groups(zoneAt < 0 ? candidate : address);
      if (!groups || isKeptIpv6(groups)) continue;
      const end = start + candidate.length;
      hits.push({ start, end, render: () => this.placeholder('ip', ipv6Key(groups)) });
    }
  }

  private literalRegExp(): RegExp | null {
    if (this.literals.size === 0) return null;
    if (!this.literalPattern) {
      const alternatives = [...this.literals.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegExp);
      // Not inside a longer word, a dotted name or file name (`alice.log`), an address or a placeholder.
      this.literalPattern = new RegExp(`(?<![\\w.$@<-])(?:${alternatives.join('|')})(?![\\w$@>-]|\\.\\w)`, 'gi');
    }
    return this.literalPattern;
  }

  /** An address that must go even when it is not written like one (a machine's `addresses`). */
  address(value: string): string {
    const redacted = this.text(value);
    if (redacted !== value || value.trim() === '' || /^<(?:user|domain|sid|ip)-\d+>$/.test(value.trim())) return redacted;
    const v4 = ipv4Parts(value.trim());
    if (v4 && isKeptIpv4(v4)) return value;
    const v6 = ipv6Groups(value.trim().split('%')[0] ?? '');
    if (v6 && isKeptIpv6(v6)) return value;
    return this.placeholder('ip', value.trim().toLowerCase());
  }
}

function machineNameSet(d: Diagnosis): Set<string> {
  const names = new Set<string>();
  for (const m of d.machines) {
    for (const name of [m.id, ...m.names]) {
      names.add(name.toLowerCase());
      const short = name.split('.')[0];
      if (short) names.add(short.toLowerCase());
    }
  }
  return names;
}

type How = Mode | 'address' | 'keep';

/** Values that are enumerations of the model, never log text. */
const KEEP_KEYS: ReadonlySet<string> = new Set([
  'verdict', 'code', 'severity', 'timeSource', 'context', 'kind', 'format', 'roles', 'locale', 'utcOffsetSource',
]);
const PATH_KEYS: ReadonlySet<string> = new Set(['file', 'path', 'files']);

function howFor(key: string, inDetails: boolean): How {
  if (inDetails) return 'text';
  if (KEEP_KEYS.has(key)) return 'keep';
  if (PATH_KEYS.has(key)) return 'path';
  return key === 'addresses' ? 'address' : 'text';
}

/**
 * Every string of the diagnosis, by the key that holds it: walking the data rather than listing its
 * fields means a field the engine adds later is redacted too.
 */
function walk(value: unknown, key: string, inDetails: boolean, visit: (text: string, how: How) => string): unknown {
  if (typeof value === 'string') return visit(value, howFor(key, inDetails));
  if (Array.isArray(value)) return value.map((item: unknown) => walk(item, key, inDetails, visit));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v, k, inDetails || k === 'details', visit);
    return out;
  }
  return value;
}

/** Top-level fields in the order of the Markdown report, so placeholders are numbered as a reader meets them. */
const REPORT_ORDER: readonly string[] = ['reasons', 'recommendations', 'machines', 'correlations', 'registry', 'findings', 'files'];

/** The same diagnosis with user names, account SIDs and IP addresses replaced by stable placeholders. */
export function redactDiagnosis(d: Diagnosis): Diagnosis {
  const r = new Redactor(machineNameSet(d));
  for (const f of d.findings) r.learnDetails(f.details);
  const source: Readonly<Record<string, unknown>> = { ...d };
  const keys = [...REPORT_ORDER.filter((k) => k in source), ...Object.keys(source).filter((k) => !REPORT_ORDER.includes(k))];
  for (const k of keys) {
    walk(source[k], k, false, (text, how) => {
      if (how === 'text' || how === 'path') r.learnFrom(text, how);
      return text;
    });
  }
  const redacted: Record<string, unknown> = {};
  for (const k of keys) {
    redacted[k] = walk(source[k], k, false, (text, how) => (how === 'keep' ? text : how === 'address' ? r.address(text) : r.text(text, how)));
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(source)) out[k] = redacted[k];
  // The walk keeps every field and changes only strings, so the result has the shape it had.
  return out as unknown as Diagnosis;
}
