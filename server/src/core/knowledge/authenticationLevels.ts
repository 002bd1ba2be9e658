/**
 * RPC_C_AUTHN_LEVEL_* (rpcdce.h): the authentication levels DCOM negotiates, and the floor DCOM
 * hardening enforces for activation (5, RPC_C_AUTHN_LEVEL_PKT_INTEGRITY).
 *
 * Sources: Microsoft Learn "Authentication-Level Constants" (MicrosoftDocs/win32
 * `desktop-src/com/com-authentication-level-constants.md`; the `constant` texts below are Microsoft's);
 * KB5004442 (hardening raises non-anonymous activation to RPC_C_AUTHN_LEVEL_PKT_INTEGRITY); the
 * DistributedCOM message table of events 10037/10038 ("The lowest activation authentication level
 * required by DCOM is 5(RPC_C_AUTHN_LEVEL_PKT_INTEGRITY)"); Microsoft Learn "LegacyAuthenticationLevel"
 * (absent ⇒ CONNECT). The `ui` names are the Component Services (dcomcnfg) labels.
 */

export type AuthenticationLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface AuthenticationLevelText {
  /** Component Services (dcomcnfg) label. */
  readonly ui: string;
  readonly description: string;
}

export interface AuthenticationLevelInfo {
  readonly level: AuthenticationLevel;
  readonly name: string;
  /** Microsoft's description of the constant, verbatim. */
  readonly constant: string;
  readonly en: AuthenticationLevelText;
  readonly ja: AuthenticationLevelText;
}

/** The level DCOM hardening requires for activation requests. */
export const HARDENING_FLOOR: AuthenticationLevel = 5;

export const AUTHENTICATION_LEVELS: readonly AuthenticationLevelInfo[] = [
  {
    level: 0,
    name: 'RPC_C_AUTHN_LEVEL_DEFAULT',
    constant: 'Tells DCOM to choose the authentication level using its normal security blanket negotiation algorithm.',
    en: { ui: 'Default', description: 'No level chosen by the application: DCOM negotiates one. Without CoInitializeSecurity the process default comes from LegacyAuthenticationLevel, which is CONNECT (2) when absent. Event 10038 reports activations made at such a default level.' },
    ja: { ui: '既定', description: 'アプリケーションがレベルを指定せず、DCOM がネゴシエーションで決めます。CoInitializeSecurity を呼ばないプロセスの既定値は LegacyAuthenticationLevel で決まり、未設定なら CONNECT (2) です。イベント 10038 は、このような既定の認証レベルで行われたアクティブ化を記録します。' },
  },
  {
    level: 1,
    name: 'RPC_C_AUTHN_LEVEL_NONE',
    constant: 'Performs no authentication.',
    en: { ui: 'None', description: 'No authentication: the caller is anonymous. KB5004442 raises only non-anonymous activation requests, so an anonymous request is not raised by the client update.' },
    ja: { ui: 'なし', description: '認証を行いません (匿名の呼び出し)。KB5004442 による引き上げの対象は匿名以外のアクティブ化要求なので、匿名の要求はクライアント側の更新プログラムでは引き上げられません。' },
  },
  {
    level: 2,
    name: 'RPC_C_AUTHN_LEVEL_CONNECT',
    constant: 'Authenticates the credentials of the client only when the client establishes a relationship with the server. Datagram transports always use RPC_AUTHN_LEVEL_PKT instead.',
    en: { ui: 'Connect', description: 'The client is authenticated once, when it connects; later packets are not checked. The usual default before hardening, and the level an unpatched caller typically uses: three steps below the floor.' },
    ja: { ui: '接続', description: '接続を確立するときに一度だけクライアントを認証し、以降のパケットは検証しません。強化前の一般的な既定値で、更新プログラムを適用していない接続元が使う典型的なレベルです (必要なレベルより 3 段階低い)。' },
  },
  {
    level: 3,
    name: 'RPC_C_AUTHN_LEVEL_CALL',
    constant: 'Authenticates only at the beginning of each remote procedure call when the server receives the request. Datagram transports use RPC_C_AUTHN_LEVEL_PKT instead.',
    en: { ui: 'Call', description: 'The client is authenticated at the start of each call; the data is not protected. Below the floor.' },
    ja: { ui: '呼び出し', description: '各呼び出しの開始時にクライアントを認証しますが、データは保護しません。必要なレベルに届いていません。' },
  },
  {
    level: 4,
    name: 'RPC_C_AUTHN_LEVEL_PKT',
    constant: 'Authenticates that all data received is from the expected client.',
    en: { ui: 'Packet', description: 'Every packet is checked to come from the expected client, but its content may still be modified in transit. One step below the floor.' },
    ja: { ui: 'パケット', description: 'すべてのパケットが想定したクライアントから来たことを検証しますが、内容の改ざんは検出しません。必要なレベルより 1 段階低いレベルです。' },
  },
  {
    level: 5,
    name: 'RPC_C_AUTHN_LEVEL_PKT_INTEGRITY',
    constant: 'Authenticates and verifies that none of the data transferred between client and server has been modified.',
    en: { ui: 'Packet Integrity', description: 'Authentication plus an integrity check of all data. The minimum DCOM hardening (KB5004442) accepts for activation; updated Windows clients raise their requests to it.' },
    ja: { ui: 'パケットの整合性', description: '認証に加えて、すべてのデータが改ざんされていないことを検証します。DCOM の強化 (KB5004442) がアクティブ化に要求する最低レベルで、更新済みの Windows クライアントは要求をこのレベルまで引き上げます。' },
  },
  {
    level: 6,
    name: 'RPC_C_AUTHN_LEVEL_PKT_PRIVACY',
    constant: 'Authenticates all previous levels and encrypts the argument value of each remote procedure call.',
    en: { ui: 'Packet Privacy', description: 'Everything Packet Integrity does, and the call arguments are encrypted. Above the floor.' },
    ja: { ui: 'パケットのプライバシー', description: 'パケットの整合性のすべてに加えて、呼び出しの引数を暗号化します。必要なレベルを満たしています。' },
  },
];

/** The level's entry, or undefined outside 0-6. */
export function authenticationLevel(level: number): AuthenticationLevelInfo | undefined {
  return Number.isInteger(level) ? AUTHENTICATION_LEVELS[level] : undefined;
}

/** True for a known level (0-6) below RPC_C_AUTHN_LEVEL_PKT_INTEGRITY; false for 5, 6 and unknown values. */
export function belowHardeningFloor(level: number): boolean {
  return authenticationLevel(level) !== undefined && level < HARDENING_FLOOR;
}

/** How many levels below the floor: 2 (CONNECT) → 3, 5 and 6 → 0; undefined for unknown values. */
export function levelsBelowFloor(level: number): number | undefined {
  return authenticationLevel(level) === undefined ? undefined : Math.max(0, HARDENING_FLOOR - level);
}

/**
 * The level an event field or log writes: `2`, `RPC_C_AUTHN_LEVEL_CONNECT`, `5(RPC_C_AUTHN_LEVEL_PKT_INTEGRITY)`
 * (the form the 10037/10038 message uses, no space). Undefined when the text is not a level.
 */
export function parseAuthenticationLevel(text: string): AuthenticationLevel | undefined {
  const m = /^\s*(?:(\d+)\s*(?:\(\s*(RPC_C_AUTHN_LEVEL_[A-Z_]+)\s*\))?|(RPC_C_AUTHN_LEVEL_[A-Z_]+))\s*$/i.exec(text);
  if (!m) return undefined;
  const byName = m[2] ?? m[3];
  const fromName = byName === undefined ? undefined : AUTHENTICATION_LEVELS.find((l) => l.name === byName.toUpperCase());
  if (m[1] === undefined) return fromName?.level;
  const info = authenticationLevel(Number(m[1]));
  if (!info || (byName !== undefined && fromName?.level !== info.level)) return undefined;
  return info.level;
}
