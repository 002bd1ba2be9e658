/**
 * The DCOM hardening timeline (KB5004442, CVE-2021-26414) and the Windows builds that carry each step.
 *
 * Sources: KB5004442 "Manage changes for Windows DCOM Server Security Feature Bypass (CVE-2021-26414)"
 * (phases, registry behaviour, RaiseActivationAuthenticationLevel defaults before and after
 * 2022-11-08); Microsoft Learn "Issues in Configuration Manager after installing June 2022 security
 * updates for Windows" (the fix; events need at least the October 2021 cumulative update); message center
 * MC447990 "DCOM authentication hardening: what you need to know" (November 2022 auto-raise); Windows
 * Server release information on Microsoft Learn (build of each monthly update: the PHASE_BUILDS table);
 * CVE record CVE-2021-26414 (cvelistV5: the `lessThan` fixed build of each product).
 * Windows 10 22H2 (19045.2728, KB5023696) and Windows 11 22H2 (22621.1413, KB5023706) are not in the CVE
 * record; their rows are the March 14, 2023 cumulative updates of those releases.
 */

export type PhaseId = 'beforeHardening' | 'phase1' | 'phase2' | 'autoRaise' | 'phase3';

export interface PhaseText {
  readonly name: string;
  readonly behaviour: string;
}

export interface HardeningPhase {
  readonly id: PhaseId;
  /** Release day of the monthly security update that started it (`2022-06-14`); empty for the first. */
  readonly start: string;
  /** 00:00 UTC of that day; -Infinity for `beforeHardening`. */
  readonly startUtc: number;
  /** The server side rejects activations below PKT_INTEGRITY without any registry change. */
  readonly enforcedByDefault: boolean;
  /** An administrator could still turn the server-side check off (phase 2) or on (phase 1). */
  readonly registryHonoured: boolean;
  readonly en: PhaseText;
  readonly ja: PhaseText;
}

export const HARDENING_PHASES: readonly HardeningPhase[] = [
  {
    id: 'beforeHardening', start: '', startUtc: -Infinity, enforcedByDefault: false, registryHonoured: false,
    en: { name: 'Before DCOM hardening', behaviour: 'No Windows update had the DCOM activation hardening yet: servers accepted activation requests at any authentication level.' },
    ja: { name: 'DCOM の強化以前', behaviour: 'DCOM アクティブ化の強化を含む更新プログラムはまだ公開されておらず、サーバーは任意の認証レベルのアクティブ化要求を受け付けていました。' },
  },
  {
    id: 'phase1', start: '2021-06-08', startUtc: Date.UTC(2021, 5, 8), enforcedByDefault: false, registryHonoured: true,
    en: { name: 'Phase 1 (June 8, 2021)', behaviour: 'The hardening shipped disabled by default; an administrator could enable it with a registry value to test. Events 10036, 10037 and 10038 need at least the October 2021 cumulative update.' },
    ja: { name: 'フェーズ 1 (2021 年 6 月 8 日)', behaviour: '強化は既定で無効の状態で提供され、管理者はレジストリ値で有効にしてテストできました。イベント 10036、10037、10038 の記録には 2021 年 10 月以降の累積更新プログラムが必要です。' },
  },
  {
    id: 'phase2', start: '2022-06-14', startUtc: Date.UTC(2022, 5, 14), enforcedByDefault: true, registryHonoured: true,
    en: { name: 'Phase 2 (June 14, 2022)', behaviour: 'The hardening is enabled by default: an updated server rejects non-anonymous activation below RPC_C_AUTHN_LEVEL_PKT_INTEGRITY and logs event 10036. A registry value could still disable it temporarily. This is when ConfigMgr consoles, Support Center and content distribution to remote distribution points started failing between updated and non-updated machines.' },
    ja: { name: 'フェーズ 2 (2022 年 6 月 14 日)', behaviour: '強化が既定で有効になりました。更新済みのサーバーは RPC_C_AUTHN_LEVEL_PKT_INTEGRITY 未満の (匿名以外の) アクティブ化を拒否し、イベント 10036 を記録します。この段階ではまだレジストリ値で一時的に無効にできました。更新済みのコンピューターと未更新のコンピューターの間で、ConfigMgr コンソール、Support Center、リモート配布ポイントへのコンテンツ配布が失敗し始めたのはこの時期です。' },
  },
  {
    id: 'autoRaise', start: '2022-11-08', startUtc: Date.UTC(2022, 10, 8), enforcedByDefault: true, registryHonoured: true,
    en: { name: 'Client auto-raise (November 8, 2022)', behaviour: 'Updated Windows clients raise every non-anonymous activation request below Packet Integrity to RPC_C_AUTHN_LEVEL_PKT_INTEGRITY, including levels set explicitly by the application (RaiseActivationAuthenticationLevel defaults to 2). A caller with this update normally passes an updated server; events 10037/10038 point at callers whose level is still too low.' },
    ja: { name: 'クライアント側の自動引き上げ (2022 年 11 月 8 日)', behaviour: '更新済みの Windows クライアントは、アプリケーションが明示的に指定したレベルも含め、パケットの整合性未満の匿名以外のアクティブ化要求をすべて RPC_C_AUTHN_LEVEL_PKT_INTEGRITY に引き上げます (RaiseActivationAuthenticationLevel の既定値が 2 になります)。この更新プログラムを適用した接続元は、通常、更新済みのサーバーに接続できます。イベント 10037/10038 は、まだ認証レベルが低い接続元を示します。' },
  },
  {
    id: 'phase3', start: '2023-03-14', startUtc: Date.UTC(2023, 2, 14), enforcedByDefault: true, registryHonoured: false,
    en: { name: 'Phase 3 (March 14, 2023)', behaviour: 'The hardening is always on and cannot be disabled: the registry opt-out of phase 2 is ignored. The only fix is the latest Windows cumulative update on both the machine that connects and the machine that receives, plus Configuration Manager 2203 or later.' },
    ja: { name: 'フェーズ 3 (2023 年 3 月 14 日)', behaviour: '強化は常に有効で、無効にできません。フェーズ 2 のレジストリによる回避策は無視されます。対処は、接続する側と接続を受ける側の両方のコンピューターに最新の Windows 累積更新プログラムを適用し、Configuration Manager をバージョン 2203 以降にすることだけです。' },
  },
];

/**
 * The phase whose update had been released at that instant. Boundaries are 00:00 UTC of the release
 * day. A given machine is only in a phase once that month's (or a later) update is installed on it:
 * use `phaseOfBuild` for a machine whose build is known.
 */
export function phaseAt(utcMillis: number): HardeningPhase {
  let current = HARDENING_PHASES[0] as HardeningPhase;
  for (const phase of HARDENING_PHASES) if (utcMillis >= phase.startUtc) current = phase;
  return current;
}

export function phaseById(id: PhaseId): HardeningPhase {
  return HARDENING_PHASES.find((p) => p.id === id) as HardeningPhase;
}

export interface FixedBuild {
  readonly product: string;
  /** `10.0.17763`. */
  readonly version: string;
  /** First revision with the fix; null when no fixed build was ever released for that release. */
  readonly fixedRevision: number | null;
  /**
   * The fixed build is the March 2023 (phase 3) update. False for releases whose support ended before
   * 2023-03-14 (their last fix is a phase 2 build, where the registry opt-out still worked).
   */
  readonly enforcesPhase3: boolean;
}

export const FIXED_BUILDS: readonly FixedBuild[] = [
  { product: 'Windows Server 2008 SP2', version: '6.0.6003', fixedRevision: 21966, enforcesPhase3: true },
  { product: 'Windows 7 SP1', version: '6.1.7601', fixedRevision: 25984, enforcesPhase3: false },
  { product: 'Windows Server 2008 R2 SP1', version: '6.1.7601', fixedRevision: 26415, enforcesPhase3: true },
  { product: 'Windows Server 2012', version: '6.2.9200', fixedRevision: 24168, enforcesPhase3: true },
  { product: 'Windows 8.1', version: '6.3.9600', fixedRevision: 20402, enforcesPhase3: false },
  { product: 'Windows Server 2012 R2', version: '6.3.9600', fixedRevision: 20865, enforcesPhase3: true },
  { product: 'Windows 10 1507 (LTSB 2015)', version: '10.0.10240', fixedRevision: 19802, enforcesPhase3: true },
  { product: 'Windows 10 1511', version: '10.0.10586', fixedRevision: null, enforcesPhase3: false },
  { product: 'Windows 10 1607 / Windows Server 2016', version: '10.0.14393', fixedRevision: 5786, enforcesPhase3: true },
  { product: 'Windows 10 1703', version: '10.0.15063', fixedRevision: null, enforcesPhase3: false },
  { product: 'Windows 10 1709', version: '10.0.16299', fixedRevision: null, enforcesPhase3: false },
  { product: 'Windows 10 1803', version: '10.0.17134', fixedRevision: null, enforcesPhase3: false },
  { product: 'Windows 10 1809 / Windows Server 2019', version: '10.0.17763', fixedRevision: 4131, enforcesPhase3: true },
  { product: 'Windows 10 1903', version: '10.0.18362', fixedRevision: null, enforcesPhase3: false },
  { product: 'Windows 10 1909', version: '10.0.18363', fixedRevision: 2344, enforcesPhase3: false },
  { product: 'Windows 10 2004', version: '10.0.19041', fixedRevision: null, enforcesPhase3: false },
  { product: 'Windows 10 20H2', version: '10.0.19042', fixedRevision: 2728, enforcesPhase3: true },
  { product: 'Windows 10 21H1', version: '10.0.19043', fixedRevision: 1766, enforcesPhase3: false },
  { product: 'Windows 10 21H2', version: '10.0.19044', fixedRevision: 2728, enforcesPhase3: true },
  { product: 'Windows 10 22H2', version: '10.0.19045', fixedRevision: 2728, enforcesPhase3: true },
  { product: 'Windows Server 2022', version: '10.0.20348', fixedRevision: 1607, enforcesPhase3: true },
  { product: 'Windows 11 21H2', version: '10.0.22000', fixedRevision: 1696, enforcesPhase3: true },
  { product: 'Windows 11 22H2', version: '10.0.22621', fixedRevision: 1413, enforcesPhase3: true },
];

/**
 * Builds above this number (Windows 11 23H2 22631, Windows Server 23H2 25398, Windows 11 24H2 and
 * Windows Server 2025 26100, …) were first released after 2023-03-14 and include phase 3 at any revision.
 */
const NEWEST_LISTED_BUILD = 22621;

/** Builds of the three server releases ConfigMgr site systems run on, at each phase's update. */
export const PHASE_BUILDS: readonly { readonly product: string; readonly build: number; readonly revisions: Readonly<Partial<Record<PhaseId, number>>> }[] = [
  { product: 'Windows Server 2016', build: 14393, revisions: { phase1: 4467, phase2: 5192, autoRaise: 5501, phase3: 5786 } },
  { product: 'Windows Server 2019', build: 17763, revisions: { phase1: 1999, phase2: 3046, autoRaise: 3650, phase3: 4131 } },
  // Released 2021-08-18, after phase 1: every build has it.
  { product: 'Windows Server 2022', build: 20348, revisions: { phase1: 0, phase2: 768, autoRaise: 1249, phase3: 1607 } },
];

export interface WindowsBuild {
  readonly major: number | null;
  readonly minor: number | null;
  readonly build: number;
  /** The update revision (UBR); null when the text has none (`10.0.17763`). */
  readonly revision: number | null;
}

/** Reads `10.0.17763.4131`, `Microsoft Windows [Version 10.0.17763.4131]`, `17763.4131`, `10.0.17763`. */
export function parseWindowsBuild(text: string): WindowsBuild | undefined {
  const four = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4,5})(?:\.(\d{1,6}))?(?![\d.])/.exec(text);
  if (four) {
    return { major: Number(four[1]), minor: Number(four[2]), build: Number(four[3]), revision: four[4] === undefined ? null : Number(four[4]) };
  }
  const two = /^\s*(\d{4,5})\.(\d{1,6})\s*$/.exec(text);
  return two ? { major: null, minor: null, build: Number(two[1]), revision: Number(two[2]) } : undefined;
}

/** The FIXED_BUILDS rows for that build number (two for 7601 and 9600, client and server). */
export function fixedBuildsFor(build: string): readonly FixedBuild[] {
  const parsed = parseWindowsBuild(build);
  if (!parsed) return [];
  return FIXED_BUILDS.filter((f) => {
    const [major, minor, number] = f.version.split('.').map(Number);
    return number === parsed.build && (parsed.major === null || (parsed.major === major && parsed.minor === minor));
  });
}

/**
 * Whether the build has the CVE-2021-26414 fix: true at or above the fixed build, false below it or
 * when that release never got one, undefined when the build is unknown, has no revision where one
 * decides, or falls between the client and server fixed revisions of the same build (7601, 9600).
 */
export function isBuildFixed(build: string): boolean | undefined {
  const parsed = parseWindowsBuild(build);
  if (!parsed) return undefined;
  const rows = fixedBuildsFor(build);
  if (rows.length === 0) return (parsed.major === null || parsed.major === 10) && parsed.build > NEWEST_LISTED_BUILD ? true : undefined;
  if (rows.every((r) => r.fixedRevision === null)) return false;
  if (parsed.revision === null) return undefined;
  const revision = parsed.revision;
  const answers = new Set(rows.map((r) => r.fixedRevision !== null && revision >= r.fixedRevision));
  return answers.size === 1 ? answers.has(true) : undefined;
}

/**
 * The latest phase whose update the build contains: exact for the server releases of PHASE_BUILDS,
 * `phase3` for any build fixed at a phase 3 update or newer than the listed ones; undefined otherwise.
 */
export function phaseOfBuild(build: string): PhaseId | undefined {
  const parsed = parseWindowsBuild(build);
  if (!parsed) return undefined;
  const server = PHASE_BUILDS.find((p) => p.build === parsed.build);
  if (server && parsed.revision !== null) {
    const revision = parsed.revision;
    let reached: PhaseId = 'beforeHardening';
    for (const phase of HARDENING_PHASES) {
      const needed = server.revisions[phase.id];
      if (needed !== undefined && revision >= needed) reached = phase.id;
    }
    return reached;
  }
  if (isBuildFixed(build) !== true) return undefined;
  const rows = fixedBuildsFor(build);
  return rows.length === 0 || rows.every((r) => r.enforcesPhase3) ? 'phase3' : undefined;
}
