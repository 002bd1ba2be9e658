/**
 * The ConfigMgr log files an admin collects, which machine role writes each, and whether it records
 * remote DCOM/WMI connections (where DCOM hardening failures show up).
 *
 * Source: Microsoft Learn "Log file reference" (memdocs `configmgr/core/plan-design/hierarchy/log-files.md`)
 * and "Issues in Configuration Manager after installing June 2022 security updates for Windows"
 * (which logs show the console, Support Center and distribution point symptoms).
 */

export type MachineRole =
  | 'console'
  | 'siteServer'
  | 'smsProvider'
  | 'distributionPoint'
  | 'managementPoint'
  | 'client'
  | 'taskSequence'
  | 'setup';

export interface LogFileInfo {
  /** Base name without extension, as ConfigMgr writes it. */
  readonly name: string;
  readonly role: MachineRole;
  /** The log records connections to another machine over DCOM/WMI (console → provider, site server → DP). */
  readonly remoteDcom: boolean;
  readonly summary: string;
}

export const LOG_FILES: readonly LogFileInfo[] = [
  { name: 'SmsAdminUI', role: 'console', remoteDcom: true, summary: 'Configuration Manager console activity, including its WMI connection to the SMS Provider.' },
  { name: 'AdminUI', role: 'console', remoteDcom: true, summary: 'Console activity (older versions), including its WMI connection to the SMS Provider.' },
  { name: 'distmgr', role: 'siteServer', remoteDcom: true, summary: 'Distribution Manager: package processing, distribution point installation and connections to distribution points.' },
  { name: 'PkgXferMgr', role: 'siteServer', remoteDcom: true, summary: 'Package Transfer Manager: sends content from the site server to remote distribution points.' },
  { name: 'SMSProv', role: 'smsProvider', remoteDcom: true, summary: 'SMS Provider: WMI provider access to the site database.' },
  { name: 'SMSDPProv', role: 'distributionPoint', remoteDcom: true, summary: 'Distribution point WMI provider (root\\SCCMDP): content library actions requested by the site server.' },
  { name: 'smsexec', role: 'siteServer', remoteDcom: false, summary: 'SMS_EXECUTIVE: the site server service that runs the site components.' },
  { name: 'sitecomp', role: 'siteServer', remoteDcom: true, summary: 'Site Component Manager: installs and maintains site system roles on remote servers.' },
  { name: 'hman', role: 'siteServer', remoteDcom: false, summary: 'Hierarchy Manager: site configuration changes and site publishing.' },
  { name: 'ccm', role: 'siteServer', remoteDcom: true, summary: 'Client Configuration Manager: client push installation to remote computers.' },
  { name: 'policypv', role: 'siteServer', remoteDcom: false, summary: 'Policy Provider: policy generation for clients.' },
  { name: 'srsrp', role: 'siteServer', remoteDcom: true, summary: 'Reporting services point.' },
  { name: 'smsdbmon', role: 'siteServer', remoteDcom: false, summary: 'Database monitor: database triggers for site components.' },
  { name: 'ConfigMgrSetup', role: 'setup', remoteDcom: true, summary: 'Site setup, including connections to SQL Server and remote site systems.' },
  { name: 'smsdpmon', role: 'distributionPoint', remoteDcom: false, summary: 'Distribution point monitoring.' },
  { name: 'DataTransferService', role: 'client', remoteDcom: false, summary: 'BITS transfers for policy and content (also used by pull distribution points).' },
  { name: 'PullDP', role: 'distributionPoint', remoteDcom: false, summary: 'Pull distribution point: content transfer from source distribution points.' },
  { name: 'MP_Location', role: 'managementPoint', remoteDcom: false, summary: 'Management point location requests.' },
  { name: 'MP_Policy', role: 'managementPoint', remoteDcom: false, summary: 'Management point policy requests.' },
  { name: 'CcmExec', role: 'client', remoteDcom: false, summary: 'Client service (SMS Agent Host) activity.' },
  { name: 'ccmsetup', role: 'client', remoteDcom: false, summary: 'Client setup: download and installation.' },
  { name: 'ccmsetup-ccmeval', role: 'client', remoteDcom: false, summary: 'Client health evaluation run by ccmsetup.' },
  { name: 'client.msi', role: 'client', remoteDcom: false, summary: 'Windows Installer log of the client installation.' },
  { name: 'smsts', role: 'taskSequence', remoteDcom: false, summary: 'Task sequence engine: every step of an OS deployment or task sequence.' },
  { name: 'PolicyAgent', role: 'client', remoteDcom: false, summary: 'Client policy requests from the management point.' },
  { name: 'PolicyEvaluator', role: 'client', remoteDcom: false, summary: 'Client policy evaluation into WMI.' },
  { name: 'LocationServices', role: 'client', remoteDcom: false, summary: 'Client location: management points, distribution points and boundaries.' },
  { name: 'ContentTransferManager', role: 'client', remoteDcom: false, summary: 'Client content download jobs (BITS, SMB, peer cache).' },
  { name: 'CAS', role: 'client', remoteDcom: false, summary: 'Client content access service: local package cache.' },
  { name: 'AppEnforce', role: 'client', remoteDcom: false, summary: 'Application deployment type enforcement (install commands and exit codes).' },
  { name: 'AppDiscovery', role: 'client', remoteDcom: false, summary: 'Application detection method results.' },
  { name: 'AppIntentEval', role: 'client', remoteDcom: false, summary: 'Application intent and requirement evaluation.' },
  { name: 'execmgr', role: 'client', remoteDcom: false, summary: 'Package and program execution.' },
  { name: 'UpdatesDeployment', role: 'client', remoteDcom: false, summary: 'Software update deployments and their enforcement on the client.' },
  { name: 'UpdatesHandler', role: 'client', remoteDcom: false, summary: 'Software update installation.' },
  { name: 'UpdatesStore', role: 'client', remoteDcom: false, summary: 'Software update compliance state store.' },
  { name: 'WUAHandler', role: 'client', remoteDcom: false, summary: 'Windows Update Agent scans requested by the client.' },
  { name: 'ScanAgent', role: 'client', remoteDcom: false, summary: 'Software update scan requests.' },
  { name: 'StateMessage', role: 'client', remoteDcom: false, summary: 'State messages sent to the management point.' },
  { name: 'InventoryAgent', role: 'client', remoteDcom: false, summary: 'Hardware and software inventory.' },
  { name: 'ClientIDManagerStartup', role: 'client', remoteDcom: false, summary: 'Client identity and registration.' },
  { name: 'ClientLocation', role: 'client', remoteDcom: false, summary: 'Client site assignment.' },
  { name: 'CertificateMaintenance', role: 'client', remoteDcom: false, summary: 'Client certificates.' },
  { name: 'CIAgent', role: 'client', remoteDcom: false, summary: 'Configuration item processing.' },
  { name: 'DcmWmiProvider', role: 'client', remoteDcom: false, summary: 'Compliance settings WMI provider.' },
  { name: 'FileBITS', role: 'client', remoteDcom: false, summary: 'SMB content downloads.' },
  { name: 'RebootCoordinator', role: 'client', remoteDcom: false, summary: 'Restart coordination after installations.' },
  { name: 'ServiceWindowManager', role: 'client', remoteDcom: false, summary: 'Maintenance windows.' },
  { name: 'SCClient', role: 'client', remoteDcom: false, summary: 'Software Center activity.' },
  { name: 'SCNotify', role: 'client', remoteDcom: false, summary: 'Software Center notifications.' },
  { name: 'CMBITSManager', role: 'client', remoteDcom: false, summary: 'BITS jobs.' },
  { name: 'CcmMessaging', role: 'client', remoteDcom: false, summary: 'Messages between the client and the management point.' },
  { name: 'CcmEval', role: 'client', remoteDcom: false, summary: 'Client health evaluation.' },
  { name: 'CcmRepair', role: 'client', remoteDcom: false, summary: 'Client repair.' },
  { name: 'CcmRestart', role: 'client', remoteDcom: false, summary: 'Client service restarts.' },
  { name: 'SrcUpdateMgr', role: 'client', remoteDcom: false, summary: 'Windows Installer source updates.' },
  { name: 'PatchDownloader', role: 'siteServer', remoteDcom: false, summary: 'Software update downloads to the package source.' },
  { name: 'wsyncmgr', role: 'siteServer', remoteDcom: false, summary: 'Software update synchronisation.' },
  { name: 'WCM', role: 'siteServer', remoteDcom: true, summary: 'WSUS configuration manager: connection to the software update point.' },
  { name: 'SMS_ISVUPDATES_SYNCAGENT', role: 'siteServer', remoteDcom: false, summary: 'Third-party update synchronisation.' },
  { name: 'SMSProvider', role: 'smsProvider', remoteDcom: true, summary: 'SMS Provider (administration service) activity.' },
];

// ConfigMgr renames a full log to `.lo_` and sometimes adds `-YYYYMMDD-HHMMSS` before the extension.
const ROLLOVER_SUFFIX = /-\d{8}-\d{6}$/;

const BY_NAME = new Map(LOG_FILES.map((f) => [f.name.toLowerCase(), f] as const));

/** The known log a file name refers to (`C:\…\SmsAdminUI.log`, `distmgr.lo_`, `smsts-20220101-101010.log`). */
export function lookUpLogFile(fileName: string | undefined): LogFileInfo | undefined {
  if (!fileName) return undefined;
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.(?:log|lo_|txt)$/i, '').replace(ROLLOVER_SUFFIX, '');
  return BY_NAME.get(base.toLowerCase());
}
