/**
 * SARIF 2.1.0 (OASIS), for code-scanning viewers and CI: one rule per finding code, one result per
 * finding with its file and line, and the verdict in the run's property bag.
 *
 * Artifact URIs are relative with forward slashes. Absolute evidence paths are made relative to their
 * common folder, named by `uriBaseId` (`EVIDENCE`, `EVIDENCE2`… per drive or share) whose absolute
 * `file:` URI is in `originalUriBaseIds`, as §3.14.14 of the standard describes.
 */
import type { FindingCode, FindingSeverity } from '../analysis/findings';
import type { Diagnosis, DiagnosisFinding } from '../diagnosis/model';
import { HARDENING_ARTICLE } from '../i18n/diagnosticMessages';
import { wellFormed } from './escape';
import { CODE_ORDER } from './format';
import { reportLabels } from './labels';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Readonly<Record<FindingSeverity, SarifLevel>> = { error: 'error', warning: 'warning', information: 'note' };

const DEFAULT_LEVEL: Readonly<Record<FindingCode, SarifLevel>> = {
  'access-denied': 'error',
  'rpc-unavailable': 'error',
  'wmi-access-denied': 'warning',
  'dcom-10036': 'error',
  'dcom-10037': 'error',
  'dcom-10038': 'error',
};

const RULE_NAME: Readonly<Record<FindingCode, string>> = {
  'access-denied': 'AccessDenied',
  'rpc-unavailable': 'RpcServerUnavailable',
  'wmi-access-denied': 'WmiAccessDenied',
  'dcom-10036': 'DcomServerRejectedActivation',
  'dcom-10037': 'DcomClientActivationLevelExplicit',
  'dcom-10038': 'DcomClientActivationLevelDefault',
};

export interface SarifArtifactLocation {
  readonly uri: string;
  readonly uriBaseId?: string;
}

interface SplitPath {
  /** `C:`, `//server/share`, `` for a POSIX root, null for a relative path. */
  readonly root: string | null;
  readonly segments: readonly string[];
}

function splitPath(path: string): SplitPath {
  const s = path.replace(/\\/g, '/');
  const drive = /^([A-Za-z]):\/*(.*)$/.exec(s);
  if (drive) return { root: `${(drive[1] ?? '').toUpperCase()}:`, segments: (drive[2] ?? '').split('/').filter(Boolean) };
  const unc = /^\/\/([^/]+)\/([^/]+)\/*(.*)$/.exec(s);
  if (unc) return { root: `//${unc[1] ?? ''}/${unc[2] ?? ''}`, segments: (unc[3] ?? '').split('/').filter(Boolean) };
  if (s.startsWith('/')) return { root: '', segments: s.split('/').filter(Boolean) };
  return { root: null, segments: s.split('/').filter((x) => x !== '' && x !== '.') };
}

const encodeSegments = (segments: readonly string[]): string => segments.map((x) => encodeURIComponent(wellFormed(x))).join('/');

/** Artifact locations for every path, and the base URIs they are relative to. */
export function artifactLocations(paths: readonly string[]): {
  readonly locationOf: (path: string) => SarifArtifactLocation;
  readonly originalUriBaseIds: Readonly<Record<string, { readonly uri: string }>>;
} {
  const split = new Map<string, SplitPath>();
  const common = new Map<string, string[]>();
  for (const path of paths) {
    if (split.has(path)) continue;
    const parts = splitPath(path);
    split.set(path, parts);
    if (parts.root === null) continue;
    const folder = parts.segments.slice(0, -1);
    const prefix = common.get(parts.root);
    if (!prefix) common.set(parts.root, [...folder]);
    else {
      let i = 0;
      while (i < prefix.length && i < folder.length && prefix[i] === folder[i]) i++;
      prefix.length = i;
    }
  }
  const baseIds = new Map<string, string>();
  const originalUriBaseIds: Record<string, { uri: string }> = {};
  // Base ids in order of first appearance: the first evidence folder is `EVIDENCE`.
  for (const [root, prefix] of common) {
    const id = baseIds.size === 0 ? 'EVIDENCE' : `EVIDENCE${baseIds.size + 1}`;
    baseIds.set(root, id);
    const head = root.startsWith('//') ? `file://${encodeSegments(root.slice(2).split('/'))}/` : `file:///${root === '' ? '' : root + '/'}`;
    const folder = prefix.length > 0 ? `${encodeSegments(prefix)}/` : '';
    originalUriBaseIds[id] = { uri: `${head}${folder}` };
  }
  const locationOf = (path: string): SarifArtifactLocation => {
    const parts = split.get(path) ?? splitPath(path);
    if (parts.root === null) return { uri: encodeSegments(parts.segments) };
    const skip = common.get(parts.root)?.length ?? 0;
    return { uri: encodeSegments(parts.segments.slice(skip)), uriBaseId: baseIds.get(parts.root) ?? 'EVIDENCE' };
  };
  return { locationOf, originalUriBaseIds };
}

const positive = (n: number): number => (Number.isFinite(n) ? Math.max(1, Math.trunc(n)) : 1);

export function toSarif(d: Diagnosis, toolVersion: string): object {
  const labels = reportLabels(d.locale);
  const helpUri = HARDENING_ARTICLE[d.locale];
  const rules = CODE_ORDER.map((code) => ({
    id: code,
    name: RULE_NAME[code],
    shortDescription: { text: labels.codeNames[code] },
    fullDescription: { text: labels.ruleDescriptions[code] },
    helpUri,
    help: { text: `${labels.ruleDescriptions[code]} ${helpUri}` },
    defaultConfiguration: { level: DEFAULT_LEVEL[code] },
    properties: { tags: code.startsWith('dcom-') ? ['dcom', 'event'] : ['log'] },
  }));
  const { locationOf, originalUriBaseIds } = artifactLocations(d.findings.map((f) => f.file));
  const result = (f: DiagnosisFinding): object => ({
    ruleId: f.code,
    ruleIndex: CODE_ORDER.indexOf(f.code),
    level: LEVEL[f.severity] ?? 'warning',
    kind: 'fail',
    message: { text: f.message.trim() === '' ? labels.codeNames[f.code] : f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: locationOf(f.file),
          region: {
            startLine: positive(f.line),
            startColumn: positive(f.column),
            ...(f.excerpt === '' ? {} : { snippet: { text: f.excerpt } }),
          },
        },
      },
    ],
    properties: {
      time: f.time,
      timeSource: f.timeSource,
      machine: f.machine,
      peer: f.peer,
      context: f.context,
      ...(f.details === null ? {} : { details: f.details }),
    },
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ConfigMgr Log Doctor',
            version: toolVersion,
            ...(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$/.test(toolVersion) ? { semanticVersion: toolVersion } : {}),
            rules,
          },
        },
        language: d.locale === 'ja' ? 'ja-JP' : 'en-US',
        columnKind: 'utf16CodeUnits',
        ...(Object.keys(originalUriBaseIds).length > 0 ? { originalUriBaseIds } : {}),
        results: d.findings.map(result),
        properties: {
          verdict: d.verdict,
          reasons: [...d.reasons],
          windowSeconds: d.windowSeconds,
          correlations: d.correlations.length,
          recommendations: d.recommendations.map((r) => ({ id: r.id, title: r.title })),
        },
      },
    ],
  };
}
