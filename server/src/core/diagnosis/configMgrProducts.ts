/**
 * What in a DCOM event or a log line is Configuration Manager: its executables (the application of a
 * 10037/10038 event) and its version numbers (to tell whether the site is older than 2203, which the
 * DCOM hardening article asks for).
 *
 * Sources: Microsoft Learn "Issues in Configuration Manager after installing June 2022 security updates
 * for Windows" (the fix: ConfigMgr 2203 or later; events naming ConfigMgr applications); Microsoft Learn
 * "Configuration Manager version numbers" (site build numbers, 5.00.9078 = 2203); the console reports
 * its version as 5.YYMM.build.revision (SmsAdminUI.log, SMSProv.log `ApplicationVersion`).
 */
import { WBEM_LEVEL1_LOGIN, normalizeGuid } from '../knowledge/wellKnownIds';

/** Executables of ConfigMgr and its tools (lower case, file name only). */
const CONFIGMGR_EXECUTABLES = new Set([
  'microsoft.configurationmanagement.exe',
  'smsexec.exe',
  'sitecomp.exe',
  'smswriter.exe',
  'smssqlbkup.exe',
  'smsdpmon.exe',
  'smsdpprov.exe',
  'ccmexec.exe',
  'ccmsetup.exe',
  'ccmrepair.exe',
  'ccmeval.exe',
  'cmtrace.exe',
  'supportcenter.exe',
  'configmgrsupportcenter.exe',
  'supportcenterviewer.exe',
  'policyspy.exe',
  'configmgrsetup.exe',
  'smsawebsvcsetup.exe',
  'smsprov.exe',
  'smssiteserver.exe',
]);

/** Install folders that only hold ConfigMgr binaries. */
const CONFIGMGR_FOLDERS = /\\(?:Microsoft Configuration Manager|Microsoft Endpoint Manager\\AdminConsole|AdminConsole\\bin|SMS_CCM|SMS_[A-Z0-9]{3}\\bin|CCM)\\/i;

/** Is the 10037/10038 application (a path or a file name) part of ConfigMgr? */
export function isConfigMgrApplication(application: string): boolean {
  const path = application.trim().replace(/^"|"$/g, '');
  const file = path.replace(/^.*[\\/]/, '').toLowerCase();
  return CONFIGMGR_EXECUTABLES.has(file) || CONFIGMGR_FOLDERS.test(path);
}

/** The file name of an application path (`…\bin\x64\smsexec.exe` → `smsexec.exe`). */
export function applicationName(application: string): string {
  return application.trim().replace(/^"|"$/g, '').replace(/^.*[\\/]/, '') || application.trim();
}

/** Is the CLSID WMI's WbemLevel1Login, the class every ConfigMgr WMI connection activates? */
export function isWmiClsid(clsid: string): boolean {
  return normalizeGuid(clsid) === WBEM_LEVEL1_LOGIN;
}

/** Site build numbers (5.00.BBBB) of the current-branch releases, oldest first. */
const SITE_BUILDS: readonly (readonly [number, number])[] = [
  [8540, 1702], [8577, 1706], [8577, 1710], [8634, 1802], [8692, 1806], [8740, 1810], [8790, 1902],
  [8853, 1906], [8913, 1910], [8968, 2002], [9012, 2006], [9040, 2010], [9049, 2103], [9058, 2107],
  [9068, 2111], [9078, 2203], [9088, 2207], [9096, 2211], [9106, 2303], [9122, 2309], [9128, 2403],
  [9132, 2409], [9135, 2503],
];

export const FIRST_RELEASE_WITH_HARDENING_CHANGES = 2203;

export interface ConfigMgrVersion {
  /** As written: `5.2107.1059.1000`, `5.00.9058.1000`. */
  readonly text: string;
  /** The release as YYMM (2107), or null when the build is not in the table. */
  readonly release: number | null;
}

const CONSOLE_VERSION = /(?<![\d.])5\.(2\d{3}|1[7-9]\d{2})\.\d{3,5}\.\d{1,5}(?![\d.])/g;
const SITE_VERSION = /(?<![\d.])5\.00?\.(\d{4})\.\d{1,5}(?![\d.])/g;

/** ConfigMgr version numbers written in a line that speaks of a version. */
export function findConfigMgrVersions(text: string): ConfigMgrVersion[] {
  if (!/version/i.test(text) || !/5\.\d/.test(text)) return [];
  const found: ConfigMgrVersion[] = [];
  for (const m of text.matchAll(CONSOLE_VERSION)) {
    const release = Number(m[1]);
    found.push({ text: m[0], release: release % 100 >= 1 && release % 100 <= 12 ? release : null });
  }
  for (const m of text.matchAll(SITE_VERSION)) found.push({ text: m[0], release: releaseOfSiteBuild(Number(m[1])) });
  return found;
}

function releaseOfSiteBuild(build: number): number | null {
  let release: number | null = null;
  for (const [b, r] of SITE_BUILDS) {
    if (build === b) return r;
    if (build > b) release = r;
  }
  // Between two known builds, or newer than the table: the older release is a safe lower bound.
  return release;
}
