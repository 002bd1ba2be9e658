/**
 * HRESULT decoding: the forms logs write a code in, and what the bits of the value say.
 *
 * Sources: mingw-w64 `winerror.h` (FACILITY_* numbers, HRESULT_FACILITY, HRESULT_FROM_WIN32,
 * HRESULT_FROM_NT, FACILITY_NT_BIT); Microsoft Learn "Structure of COM Error Codes" (MicrosoftDocs/win32
 * `desktop-src/com/structure-of-com-error-codes.md`) and [MS-ERREF] 2.1 "HRESULT" (S, R, C, N, X bits);
 * KB317872 (ConfigMgr logs print HRESULTs as signed decimals, `-2147024891 [0x80070005]`).
 *
 * Layout of the 32 bits: S (31) severity, R (30) reserved, C (29) customer, N (28) NTSTATUS mapped
 * with HRESULT_FROM_NT, X (27) reserved, facility (16-26, up to 27 in practice: winerror.h defines
 * facilities above 2047 and HRESULT_FACILITY masks with 0x1fff), code (0-15).
 */

const FACILITY_WIN32 = 7;
const SEVERITY_BIT = 0x80000000;
const RESERVED_BIT = 0x40000000;
const CUSTOMER_BIT = 0x20000000;
const NT_BIT = 0x10000000;
/** Facility bits 16-27; the N bit (28) is reported separately, so it is masked out here. */
const FACILITY_MASK = 0x0fff;

/**
 * Every FACILITY_* of winerror.h, in the header's order. Some numbers have two or three names
 * (9 SSPI/SECURITY, 33 CONFIGURATION/WIA, …); the first is the one shown.
 */
const FACILITIES: readonly (readonly [number, string])[] = [
  [0, 'FACILITY_NULL'], [1, 'FACILITY_RPC'], [2, 'FACILITY_DISPATCH'], [3, 'FACILITY_STORAGE'],
  [4, 'FACILITY_ITF'], [7, 'FACILITY_WIN32'], [8, 'FACILITY_WINDOWS'], [9, 'FACILITY_SSPI'],
  [9, 'FACILITY_SECURITY'], [10, 'FACILITY_CONTROL'], [11, 'FACILITY_CERT'], [12, 'FACILITY_INTERNET'],
  [13, 'FACILITY_MEDIASERVER'], [14, 'FACILITY_MSMQ'], [15, 'FACILITY_SETUPAPI'], [16, 'FACILITY_SCARD'],
  [17, 'FACILITY_COMPLUS'], [18, 'FACILITY_AAF'], [19, 'FACILITY_URT'], [20, 'FACILITY_ACS'],
  [21, 'FACILITY_DPLAY'], [22, 'FACILITY_UMI'], [23, 'FACILITY_SXS'], [24, 'FACILITY_WINDOWS_CE'],
  [25, 'FACILITY_HTTP'], [26, 'FACILITY_USERMODE_COMMONLOG'], [27, 'FACILITY_WER'],
  [31, 'FACILITY_USERMODE_FILTER_MANAGER'], [32, 'FACILITY_BACKGROUNDCOPY'], [33, 'FACILITY_CONFIGURATION'],
  [33, 'FACILITY_WIA'], [34, 'FACILITY_STATE_MANAGEMENT'], [35, 'FACILITY_METADIRECTORY'],
  [36, 'FACILITY_WINDOWSUPDATE'], [37, 'FACILITY_DIRECTORYSERVICE'], [38, 'FACILITY_GRAPHICS'],
  [39, 'FACILITY_SHELL'], [39, 'FACILITY_NAP'], [40, 'FACILITY_TPM_SERVICES'], [41, 'FACILITY_TPM_SOFTWARE'],
  [42, 'FACILITY_UI'], [43, 'FACILITY_XAML'], [44, 'FACILITY_ACTION_QUEUE'], [48, 'FACILITY_PLA'],
  [48, 'FACILITY_WINDOWS_SETUP'], [49, 'FACILITY_FVE'], [50, 'FACILITY_FWP'], [51, 'FACILITY_WINRM'],
  [52, 'FACILITY_NDIS'], [53, 'FACILITY_USERMODE_HYPERVISOR'], [54, 'FACILITY_CMI'],
  [55, 'FACILITY_USERMODE_VIRTUALIZATION'], [56, 'FACILITY_USERMODE_VOLMGR'], [57, 'FACILITY_BCD'],
  [58, 'FACILITY_USERMODE_VHD'], [59, 'FACILITY_USERMODE_HNS'], [60, 'FACILITY_SDIAG'],
  [61, 'FACILITY_WEBSERVICES'], [61, 'FACILITY_WINPE'], [62, 'FACILITY_WPN'], [63, 'FACILITY_WINDOWS_STORE'],
  [64, 'FACILITY_INPUT'], [65, 'FACILITY_QUIC'], [66, 'FACILITY_EAP'], [70, 'FACILITY_IORING'],
  [80, 'FACILITY_WINDOWS_DEFENDER'], [81, 'FACILITY_OPC'], [82, 'FACILITY_XPS'], [84, 'FACILITY_MBN'],
  [84, 'FACILITY_POWERSHELL'], [83, 'FACILITY_RAS'], [98, 'FACILITY_P2P_INT'], [99, 'FACILITY_P2P'],
  [100, 'FACILITY_DAF'], [101, 'FACILITY_BLUETOOTH_ATT'], [102, 'FACILITY_AUDIO'],
  [103, 'FACILITY_STATEREPOSITORY'], [109, 'FACILITY_VISUALCPP'], [112, 'FACILITY_SCRIPT'],
  [113, 'FACILITY_PARSE'], [120, 'FACILITY_BLB'], [121, 'FACILITY_BLB_CLI'], [122, 'FACILITY_WSBAPP'],
  [128, 'FACILITY_BLBUI'], [129, 'FACILITY_USN'], [130, 'FACILITY_USERMODE_VOLSNAP'], [131, 'FACILITY_TIERING'],
  [133, 'FACILITY_WSB_ONLINE'], [134, 'FACILITY_ONLINE_ID'], [135, 'FACILITY_DEVICE_UPDATE_AGENT'],
  [136, 'FACILITY_DRVSERVICING'], [153, 'FACILITY_DLS'], [208, 'FACILITY_DELIVERY_OPTIMIZATION'],
  [231, 'FACILITY_USERMODE_SPACES'], [232, 'FACILITY_USER_MODE_SECURITY_CORE'],
  [234, 'FACILITY_USERMODE_LICENSING'], [160, 'FACILITY_SOS'], [173, 'FACILITY_OCP_UPDATE_AGENT'],
  [176, 'FACILITY_DEBUGGERS'], [256, 'FACILITY_SPP'], [256, 'FACILITY_RESTORE'], [256, 'FACILITY_DMSERVER'],
  [257, 'FACILITY_DEPLOYMENT_SERVICES_SERVER'], [258, 'FACILITY_DEPLOYMENT_SERVICES_IMAGING'],
  [259, 'FACILITY_DEPLOYMENT_SERVICES_MANAGEMENT'], [260, 'FACILITY_DEPLOYMENT_SERVICES_UTIL'],
  [261, 'FACILITY_DEPLOYMENT_SERVICES_BINLSVC'], [263, 'FACILITY_DEPLOYMENT_SERVICES_PXE'],
  [264, 'FACILITY_DEPLOYMENT_SERVICES_TFTP'], [272, 'FACILITY_DEPLOYMENT_SERVICES_TRANSPORT_MANAGEMENT'],
  [278, 'FACILITY_DEPLOYMENT_SERVICES_DRIVER_PROVISIONING'], [289, 'FACILITY_DEPLOYMENT_SERVICES_MULTICAST_SERVER'],
  [290, 'FACILITY_DEPLOYMENT_SERVICES_MULTICAST_CLIENT'], [293, 'FACILITY_DEPLOYMENT_SERVICES_CONTENT_PROVIDER'],
  [296, 'FACILITY_HSP_SERVICES'], [297, 'FACILITY_HSP_SOFTWARE'], [305, 'FACILITY_LINGUISTIC_SERVICES'],
  [1094, 'FACILITY_AUDIOSTREAMING'], [1490, 'FACILITY_TTD'], [1536, 'FACILITY_ACCELERATOR'],
  [1996, 'FACILITY_WMAAECMA'], [2168, 'FACILITY_DIRECTMUSIC'], [2169, 'FACILITY_DIRECT3D10'],
  [2170, 'FACILITY_DXGI'], [2171, 'FACILITY_DXGI_DDI'], [2172, 'FACILITY_DIRECT3D11'],
  [2173, 'FACILITY_DIRECT3D11_DEBUG'], [2174, 'FACILITY_DIRECT3D12'], [2175, 'FACILITY_DIRECT3D12_DEBUG'],
  [2176, 'FACILITY_DXCORE'], [2177, 'FACILITY_PRESENTATION'], [2184, 'FACILITY_LEAP'], [2185, 'FACILITY_AUDCLNT'],
  [2200, 'FACILITY_WINCODEC_DWRITE_DWM'], [2192, 'FACILITY_WINML'], [2201, 'FACILITY_DIRECT2D'],
  [2304, 'FACILITY_DEFRAG'], [2305, 'FACILITY_USERMODE_SDBUS'], [2306, 'FACILITY_JSCRIPT'],
  [2561, 'FACILITY_PIDGENX'], [85, 'FACILITY_EAS'], [885, 'FACILITY_WEB'], [886, 'FACILITY_WEB_SOCKET'],
  [1793, 'FACILITY_MOBILE'], [1967, 'FACILITY_SQLITE'], [1968, 'FACILITY_SERVICE_FABRIC'], [1989, 'FACILITY_UTC'],
  [2049, 'FACILITY_WEP'], [2050, 'FACILITY_SYNCENGINE'], [2339, 'FACILITY_XBOX'], [2340, 'FACILITY_GAME'],
  [2341, 'FACILITY_USERMODE_UNIONFS'], [2342, 'FACILITY_USERMODE_PRM'], [2343, 'FACILITY_USERMODE_WIN_ACCEL'],
  [2748, 'FACILITY_PIX'],
];

const FACILITY_NAMES: ReadonlyMap<number, readonly string[]> = (() => {
  const byNumber = new Map<number, string[]>();
  for (const [n, name] of FACILITIES) {
    const names = byNumber.get(n);
    if (names) names.push(name);
    else byNumber.set(n, [name]);
  }
  return byNumber;
})();

/** All winerror.h names of a facility number (empty when winerror.h defines none). */
export function facilityNames(facility: number): readonly string[] {
  return FACILITY_NAMES.get(facility) ?? [];
}

interface DecodedCommon {
  /** The unsigned 32-bit value. */
  readonly value: number;
  /** `0x80070005`: eight upper-case hex digits. */
  readonly hex: string;
  /** As a signed 32-bit integer (how .NET and KB317872-era logs print it): `-2147024891`. */
  readonly signed: number;
  /** As an unsigned 32-bit integer: `2147942405`. */
  readonly unsigned: number;
  readonly severity: 'success' | 'failure';
  /** The Win32 error code this value is or wraps; null when it is not a Win32 code. */
  readonly win32: number | null;
}

/** A value of 0x10000 or more, read as an HRESULT. */
export interface DecodedHresultValue extends DecodedCommon {
  readonly kind: 'hresult';
  /** C bit: a customer-defined code, not Microsoft's. */
  readonly customer: boolean;
  /** N bit: an NTSTATUS mapped with HRESULT_FROM_NT; the facility is then NTSTATUS's, not winerror.h's. */
  readonly ntstatus: boolean;
  /** The NTSTATUS value with the N bit cleared (HRESULT_FROM_NT reversed), when `ntstatus`. */
  readonly ntstatusValue: number | null;
  /** Bits 16-27. */
  readonly facility: number;
  /**
   * R bit set without the N bit: HRESULTs leave bit 30 clear, NTSTATUS values set it (0xC0000005 is
   * STATUS_ACCESS_VIOLATION, an exit code, not an HRESULT of FACILITY_NULL).
   */
  readonly looksLikeNtstatus: boolean;
  /** `FACILITY_WIN32`; null when winerror.h has no name for it, or the C or N bit is set. */
  readonly facilityName: string | null;
  /** Low 16 bits (HRESULT_CODE). */
  readonly code: number;
}

/** A value below 0x10000: a bare Win32 error code (`5`, `1722`), as exit codes and `GetLastError` print. */
export interface DecodedWin32Value extends DecodedCommon {
  readonly kind: 'win32';
  readonly win32: number;
  /** HRESULT_FROM_WIN32 of it: 5 → 0x80070005 (0 stays 0). */
  readonly hresult: number;
  readonly customer: false;
  readonly ntstatus: false;
  readonly ntstatusValue: null;
  readonly looksLikeNtstatus: false;
  readonly facility: null;
  readonly facilityName: null;
  /** The value itself. */
  readonly code: number;
}

export type DecodedHresult = DecodedHresultValue | DecodedWin32Value;

/** `0x80070005` style: eight upper-case hex digits. */
export function hexOf(value: number): string {
  return '0x' + (value >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

/** HRESULT_FROM_WIN32 as winerror.h defines it: values ≤ 0 pass through, others become 0x8007xxxx. */
export function hresultFromWin32(win32: number): number {
  const x = win32 | 0;
  return x <= 0 ? x >>> 0 : ((x & 0xffff) | (FACILITY_WIN32 << 16) | SEVERITY_BIT) >>> 0;
}

/**
 * Decodes a code. The value is taken modulo 2^32, so a signed decimal (`-2147024891`) and its unsigned
 * twin decode alike. Values below 0x10000 are bare Win32 error codes (kind `win32`): a log that writes
 * `error 5` or `1722` means the Win32 code, and as HRESULTs they would only be the rare success codes
 * of FACILITY_NULL (S_FALSE = 1).
 */
export function decodeHresult(input: number): DecodedHresult {
  const value = input >>> 0;
  const common = { value, hex: hexOf(value), signed: value | 0, unsigned: value };
  if (value < 0x10000) {
    return {
      ...common,
      kind: 'win32',
      severity: value === 0 ? 'success' : 'failure',
      win32: value,
      hresult: hresultFromWin32(value),
      customer: false,
      ntstatus: false,
      ntstatusValue: null,
      looksLikeNtstatus: false,
      facility: null,
      facilityName: null,
      code: value,
    };
  }
  const failure = (value & SEVERITY_BIT) !== 0;
  const ntstatus = (value & NT_BIT) !== 0;
  const customer = (value & CUSTOMER_BIT) !== 0;
  const facility = (value >>> 16) & FACILITY_MASK;
  const code = value & 0xffff;
  const systemFacility = !ntstatus && !customer;
  return {
    ...common,
    kind: 'hresult',
    severity: failure ? 'failure' : 'success',
    customer,
    ntstatus,
    ntstatusValue: ntstatus ? (value & ~NT_BIT) >>> 0 : null,
    looksLikeNtstatus: !ntstatus && (value & RESERVED_BIT) !== 0,
    facility,
    facilityName: systemFacility ? (FACILITY_NAMES.get(facility)?.[0] ?? null) : null,
    code,
    win32: failure && systemFacility && facility === FACILITY_WIN32 ? code : null,
  };
}

const PREFIXED_HEX = /^0x0*([0-9a-f]{1,8})$/i;
const BARE_HEX = /^[0-9a-f]{8}$/i;
const DECIMAL = /^(-?)(\d{1,10})$/;

/**
 * The code a token stands for, as an unsigned 32-bit value, or null when it is not one. Accepted,
 * after trimming and removing one pair of enclosing `()` or `[]`:
 * - `0x80070005`, `0X800706ba`, `0x5`: hex with a prefix, up to 8 significant digits;
 * - `80070005`, `800706BA`: exactly 8 hex digits without a prefix are always hex (logs print
 *   `%08X`; nobody pads a decimal to 8 digits), even when all 8 are decimal digits;
 * - `-2147024891`: a signed decimal down to -2^31 (so `-1` is 0xFFFFFFFF);
 * - `2147942405`, `1722`, `5`: an unsigned decimal up to 2^32-1, returned as is — so small values
 *   stay bare Win32 codes, which `decodeHresult` reports as kind `win32`.
 * Symbols (`E_ACCESSDENIED`) and message texts are not codes here: the scanner in `analysis/errorCodes`
 * handles them.
 */
export function parseCodeText(text: string): number | null {
  let t = text.trim();
  const enclosed = /^\((.*)\)$/s.exec(t) ?? /^\[(.*)\]$/s.exec(t);
  if (enclosed) t = (enclosed[1] ?? '').trim();
  const prefixed = PREFIXED_HEX.exec(t);
  if (prefixed) return parseInt(prefixed[1] ?? '', 16) >>> 0;
  if (BARE_HEX.test(t)) return parseInt(t, 16) >>> 0;
  const decimal = DECIMAL.exec(t);
  if (!decimal) return null;
  const n = Number(decimal[2]);
  if (decimal[1] === '-') return n <= 0x80000000 ? (-n) >>> 0 : null;
  return n <= 0xffffffff ? n : null;
}
