/**
 * Host names and addresses as they appear in evidence: folder names an admin gives the files of each
 * machine, `\\HOST\share` and `\\HOST.domain\root\sms` paths, FQDNs, computer accounts (`CORP\CM01$`),
 * IPv4 addresses, and the pairs "host (address)" that tell which address is whose.
 *
 * Everything here is syntax only; deciding which machine a name belongs to is `machines.ts`.
 */

/** The id of a machine named `name`: the first label of an FQDN, without a `$`, in upper case; an IP as written. */
export function machineIdOf(name: string): string {
  const trimmed = name.trim().replace(/\$$/, '');
  const address = normaliseAddress(trimmed);
  if (address !== null) return address;
  const dot = trimmed.indexOf('.');
  return (dot > 0 ? trimmed.slice(0, dot) : trimmed).toUpperCase();
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** `10.0.10.25` and `::ffff:10.0.10.25` → `10.0.10.25`; other IPv6 in lower case; null when not an address. */
export function normaliseAddress(text: string): string | null {
  const t = text.trim().replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(t);
  const v4 = IPV4.exec(mapped ? (mapped[1] ?? '') : t);
  if (v4) {
    const octets = v4.slice(1, 5).map(Number);
    return octets.every((o) => o <= 255) ? octets.join('.') : null;
  }
  if (/^[0-9A-Fa-f:]+(?:%\w+)?$/.test(t) && t.includes(':') && t.split(':').length >= 3) return t.toLowerCase();
  return null;
}

export function isAddress(text: string): boolean {
  return normaliseAddress(text) !== null;
}

/** Loopback and unspecified addresses say nothing about which machine connected. */
export function isUsefulAddress(address: string): boolean {
  return !/^(?:127\.|0\.0\.0\.0$|::1?$)/.test(address);
}

/**
 * Last labels that make `a.b.c` a DNS name rather than a .NET type (`System.Management.ManagementScope`)
 * or a file (`Program.cs`): common generic and internal suffixes, and two-letter country codes except the
 * ones that are also source-file extensions.
 */
const DNS_SUFFIXES = new Set([
  'com', 'net', 'org', 'local', 'lan', 'corp', 'internal', 'intranet', 'intra', 'home', 'edu', 'gov', 'mil',
  'int', 'biz', 'info', 'io', 'cloud', 'test', 'example', 'localdomain', 'priv', 'private', 'domain', 'ad',
  'arpa', 'online', 'site', 'group', 'global', 'office', 'contoso', 'fabrikam',
]);
const NOT_COUNTRY_CODES = new Set(['cs', 'js', 'ps', 'db', 'py', 'rb', 'sh', 'md', 'vb', 'ts', 'mo', 'so', 'gz', 'h', 'c']);

function isDnsSuffix(label: string): boolean {
  const lower = label.toLowerCase();
  if (DNS_SUFFIXES.has(lower)) return true;
  return /^[a-z]{2}$/.test(lower) && !NOT_COUNTRY_CODES.has(lower);
}

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** `CM01.corp.contoso.com`: at least two labels, a letter in the first, a DNS-like last label. */
export function isFqdn(text: string): boolean {
  const labels = text.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return false;
  return /[A-Za-z]/.test(labels[0] ?? '') && isDnsSuffix(labels[labels.length - 1] ?? '');
}

/** A NetBIOS-style computer name: up to 15 letters, digits and hyphens, with a letter. */
export function isShortHostName(text: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9-]{0,14}$/.test(text) && /[A-Za-z]/.test(text) && !text.endsWith('-');
}

/**
 * Folder names that are never a machine: the layout of collected evidence and of the Windows and
 * ConfigMgr folders the logs come from. Compared in lower case.
 */
const GENERIC_FOLDERS = new Set([
  'logs', 'log', 'evidence', 'samples', 'sample', 'adminuilog', 'adminconsole', 'bin', 'system32', 'syswow64',
  'windows', 'winevt', 'ccm', 'sms_ccm', 'config', 'x64', 'x86', 'amd64', 'i386', 'arm64', 'temp', 'tmp',
  'data', 'files', 'export', 'exports', 'collected', 'collection', 'incident', 'case', 'cases', 'out', 'dist',
  'test', 'tests', 'fixtures', 'corpus', 'work', 'main', 'home', 'users', 'user', 'desktop', 'documents',
  'downloads', 'src', 'server', 'client', 'clients', 'servers', 'events', 'eventlog', 'eventlogs', 'registry', 'reg',
  'site', 'sites', 'sccm', 'mecm', 'configmgr', 'inboxes', 'tools', 'diag', 'diagnostics', 'support', 'capture',
  'captures', 'before', 'after', 'new', 'old', 'backup', 'archive', 'system', 'program files', 'smssetup',
  'console', 'dp', 'dps', 'mp', 'ps1', 'cas', 'pri', 'sec', 'unit', 'lsp', 'vscode', 'node_modules', 'repo',
  'tmp1', 'tmp2', 'win', 'win10', 'win11', 'utf8', 'utf16', 'v1', 'v2', 'v3', 'ja', 'en', 'en-us', 'ja-jp',
]);

export function isGenericFolderName(segment: string): boolean {
  return GENERIC_FOLDERS.has(segment.toLowerCase());
}

/** A suffix or prefix that says "the logs of": `CM01-logs`, `logs_CM01`, `CM01 evidence`. */
const LABELLED = /^(?:(.+?)[-_ ](?:logs?|evidence|events?|files|export|collected|data)|(?:logs?|evidence|events?|files|export|collected|data)[-_ ](.+))$/i;

/**
 * The host a folder name stands for, when it clearly looks like one on its own: a short name with a
 * digit (`CM01`, `dp-02`) or in capitals (`SITESERVER`), or an FQDN. Generic names never count, nor do
 * names with long digit runs (temporary folders, dates).
 */
export function hostOfFolderName(segment: string): string | null {
  const labelled = LABELLED.exec(segment.trim());
  const name = labelled ? (labelled[1] ?? labelled[2] ?? '').trim() : segment.trim();
  if (!name || isGenericFolderName(name) || /\d{5,}/.test(name) || /^tmp|^temp/i.test(name)) return null;
  if (isFqdn(name)) return name;
  if (!isShortHostName(name)) return null;
  if (/\d/.test(name) || /^[A-Z][A-Z0-9-]+$/.test(name)) return name;
  return null;
}

/** The folder names of a path, nearest first (`a/CM01/Logs/distmgr.log` → `Logs`, `CM01`, `a`). */
export function folderSegments(path: string, max = 8): string[] {
  const parts = path.split(/[\\/]+/).filter((p) => p.length > 0 && p !== '.' && p !== '..' && !/^[A-Za-z]:$/.test(p));
  parts.pop();
  return parts.reverse().slice(0, max);
}

/** The folder part of a path, normalised for comparing (`a\b/c.log` → `a/b`). */
export function directoryOf(path: string): string {
  const normal = path.replace(/\\/g, '/');
  const cut = normal.lastIndexOf('/');
  return cut < 0 ? '' : normal.slice(0, cut).toLowerCase();
}

/** The file name of a path. */
export function baseName(path: string): string {
  return path.replace(/^.*[\\/]/, '');
}

// `\\HOST\…` or `\\HOST.domain\…`; `\\.\` and `\\?\` are the local machine.
const UNC_HOST = /\\\\([A-Za-z0-9][A-Za-z0-9.-]{0,253})(?=\\|$|["'\s\]])/g;
// `a.b.c` not glued to other name characters and not followed by `(` (a .NET method).
const DOTTED = /(?<![A-Za-z0-9_.$\\-])([A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9][A-Za-z0-9-]*)+)(?!\.?[A-Za-z0-9_(-])/g;
// `DOMAIN\NAME$`: a computer account; the domain must not be part of a path (`\\FS01\Sources$`).
const ACCOUNT = /(?<![\\A-Za-z0-9_.-])[A-Za-z][A-Za-z0-9-]{0,14}\\([A-Za-z0-9][A-Za-z0-9-]{0,14})\$(?![A-Za-z0-9_$])/g;

export interface HostMention {
  readonly name: string;
  readonly index: number;
}

/** Host names written in a text (UNC hosts, FQDNs, computer accounts), in text order, duplicates kept. */
export function findHostMentions(text: string): HostMention[] {
  const found: HostMention[] = [];
  // Each pattern only runs when its marker is in the text: most log records have none.
  if (text.includes('\\\\')) {
    for (const m of text.matchAll(UNC_HOST)) {
      const name = (m[1] ?? '').replace(/\.$/, '');
      if (/^localhost$/i.test(name)) continue;
      if (isFqdn(name) || isShortHostName(name) || isAddress(name)) found.push({ name, index: m.index ?? 0 });
    }
  }
  if (text.includes('.')) {
    for (const m of text.matchAll(DOTTED)) {
      const name = m[1] ?? '';
      const index = m.index ?? 0;
      if (isFqdn(name) && !/^localhost\./i.test(name)) found.push({ name, index });
    }
  }
  if (text.includes('$')) {
    for (const m of text.matchAll(ACCOUNT)) found.push({ name: m[1] ?? '', index: m.index ?? 0 });
  }
  return found.sort((a, b) => a.index - b.index);
}

const WORD = /(?<![A-Za-z0-9_.\\-])([A-Za-z][A-Za-z0-9-]{1,14})(?![A-Za-z0-9_-])/g;

/**
 * Words that could be a short computer name (`DP01` in "Failed to get the DP status from DP01"), upper
 * case, deduplicated, at most `max`. They only count if a machine of that name is known from other evidence.
 */
export function candidateHostWords(text: string, max = 24): string[] {
  const words = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    const word = m[1] ?? '';
    if (!/\d/.test(word) && !/^[A-Z][A-Z-]+$/.test(word)) continue;
    words.add(word.toUpperCase());
    if (words.size >= max) break;
  }
  return [...words];
}

const IPV4_IN_TEXT = /(?<![\d.])(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})(?![\d.])/g;

export interface AddressOfHost {
  readonly address: string;
  readonly host: string;
}

const HOST_TEXT = '([A-Za-z0-9][A-Za-z0-9.-]{0,253}?)';
const ADDRESS_TEXT = '(\\d{1,3}(?:\\.\\d{1,3}){3})';
/** "CM01$ from 10.0.20.10" (a computer account connecting from an address). */
const ACCOUNT_FROM = new RegExp(`(?<![A-Za-z0-9.-])([A-Za-z0-9][A-Za-z0-9-]{0,14})\\$\\s+(?:from|at|@)\\s+${ADDRESS_TEXT}(?![\\d.])`, 'g');
/** "CM01.corp.contoso.com [10.0.20.10]", "CM01 (10.0.20.10)". */
const HOST_THEN_ADDRESS = new RegExp(`(?<![A-Za-z0-9.-])${HOST_TEXT}\\s*[([]\\s*${ADDRESS_TEXT}\\s*[)\\]]`, 'g');
/** "10.0.20.10 (CM01.corp.contoso.com)". */
const ADDRESS_THEN_HOST = new RegExp(`(?<![\\d.])${ADDRESS_TEXT}\\s*[([]\\s*${HOST_TEXT}\\s*[)\\]]`, 'g');

function acceptHost(host: string): boolean {
  return isFqdn(host) || (isShortHostName(host) && /\d/.test(host));
}

/** The "host (address)" pairs a text states outright. */
export function findAddressesOfHosts(text: string): AddressOfHost[] {
  if (!/\d\.\d/.test(text)) return [];
  const pairs: AddressOfHost[] = [];
  const add = (host: string | undefined, address: string | undefined): void => {
    const normal = normaliseAddress(address ?? '');
    if (host && normal && isUsefulAddress(normal) && acceptHost(host)) pairs.push({ address: normal, host });
  };
  for (const m of text.matchAll(ACCOUNT_FROM)) add(m[1], m[2]);
  for (const m of text.matchAll(HOST_THEN_ADDRESS)) add(m[1], m[2]);
  for (const m of text.matchAll(ADDRESS_THEN_HOST)) add(m[2], m[1]);
  return pairs;
}

const OWN_ADDRESS_LABEL = /\bIPv4\b|\bIP address(?:es)?\b|IP アドレス|IPアドレス|\blocal (?:IP )?address\b|\bthis computer\b|\bLocal IP\b/i;

/** Addresses a machine's own log states as its own ("IPv4 Address . . . : 10.0.10.25"), when the line names no host. */
export function findOwnAddresses(text: string): string[] {
  if (!OWN_ADDRESS_LABEL.test(text) || findHostMentions(text).length > 0) return [];
  const found: string[] = [];
  for (const m of text.matchAll(IPV4_IN_TEXT)) {
    const address = normaliseAddress(m[1] ?? '');
    if (address && isUsefulAddress(address)) found.push(address);
  }
  return found;
}

/** `STATMSG: … SYS=CM01.corp.contoso.com …`: the site system that wrote the status message, i.e. this machine. */
export function statusMessageSystem(text: string): string | null {
  // The scan from one `STATMSG:` stops at the next, so a line of them is linear, not quadratic.
  const m = /\bSTATMSG:(?:(?!\bSTATMSG:).)*?\bSYS=([A-Za-z0-9][A-Za-z0-9.-]*)/.exec(text);
  return m && m[1] && (isFqdn(m[1]) || isShortHostName(m[1])) ? m[1] : null;
}
