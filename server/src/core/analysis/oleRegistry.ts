/**
 * Finds the DCOM hardening settings in a registry export and says what each one does today.
 *
 * Under `HKLM\SOFTWARE\Microsoft\Ole\AppCompat` (KB5004442; Microsoft Learn, "Issues in Configuration
 * Manager after installing June 2022 security updates for Windows"):
 * - `RequireIntegrityActivationAuthenticationLevel` = 0 was the temporary opt-out; it is ignored since
 *   2023-03-14 on any patched build, so it is flagged, never offered as a fix. 1 (or absent) = enabled.
 * - `RaiseActivationAuthenticationLevel`: 1 raises the default activation authentication level to
 *   RPC_C_AUTHN_LEVEL_PKT_INTEGRITY; 2 also raises activations that set a lower level explicitly
 *   (CoCreateInstanceEx). The client-side mitigation; 2 is the default after 2022-11-08.
 * - `DisableAuthenticationLevelHardeningLog` (not in the KB; Microsoft CSS's WMI-RPC-DCOM-Diag script):
 *   turns off events 10036/10037/10038, so their absence proves nothing on that machine.
 * Under `HKLM\SOFTWARE\Microsoft\Ole` (Win32 COM docs): `LegacyAuthenticationLevel` (the default
 * authentication level for apps that never call CoInitializeSecurity, 1–6 = RPC_C_AUTHN_LEVEL_*) and
 * `LegacyImpersonationLevel`.
 *
 * Each value is read only in its own key: COM reads nothing from elsewhere, and the WOW6432Node view
 * is not where these live. Values under a deleted `[-key]` are skipped, as regedit skips them.
 */
import type { Field, Span } from '../model';
import type { RegExportModel, RegValue } from '../formats/reg';

export type OleSettingName =
  | 'RequireIntegrityActivationAuthenticationLevel'
  | 'RaiseActivationAuthenticationLevel'
  | 'DisableAuthenticationLevelHardeningLog'
  | 'LegacyAuthenticationLevel'
  | 'LegacyImpersonationLevel';

/**
 * - `ignored`: Windows does not act on it (the 2023-03-14 enforcement, or data of the wrong type).
 * - `suppressesEvidence`: the DCOM hardening events are not written where this is set.
 * - `raisesLevel`: makes this machine's outgoing activations meet packet integrity.
 * - `informational`: worth showing, changes nothing about the diagnosis.
 */
export type OleSettingVerdict = 'ignored' | 'suppressesEvidence' | 'raisesLevel' | 'informational';

/** Why a setting got its verdict, for the message catalogue to explain. */
export type OleSettingMeaning =
  | 'hardeningOptOutIgnored'
  | 'hardeningEnabled'
  | 'raiseDefaultLevel'
  | 'raiseAllActivations'
  | 'raiseUndocumentedValue'
  | 'hardeningLogOff'
  | 'hardeningLogOn'
  | 'legacyAuthenticationAtIntegrity'
  | 'legacyAuthenticationBelowIntegrity'
  | 'legacyImpersonationLevel'
  | 'valueDeleted'
  | 'notDword';

export interface OleSetting {
  /** The setting, spelled as Microsoft documents it (the export may spell it in any case). */
  readonly name: OleSettingName;
  /** The DWORD data, or null when the value is deleted (`=-`) or not a DWORD. */
  readonly value: number | null;
  /** The value line, continuation lines included. */
  readonly span: Span;
  readonly verdict: OleSettingVerdict;
  readonly meaning: OleSettingMeaning;
  /** The key the value is under, as the export's model holds it (normalised path, span in the text). */
  readonly key: Field;
}

export const OLE_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole';
export const OLE_APPCOMPAT_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole\\AppCompat';

/** RPC_C_AUTHN_LEVEL_PKT_INTEGRITY, the level the hardened DCOM server requires. */
const PKT_INTEGRITY = 5;

type Classify = (value: RegValue) => Pick<OleSetting, 'verdict' | 'meaning'>;

const APPCOMPAT_SETTINGS: ReadonlyMap<string, readonly [OleSettingName, Classify]> = settingsByLowerName([
  [
    'RequireIntegrityActivationAuthenticationLevel',
    (v) => {
      if (v.type === 'delete') return { verdict: 'informational', meaning: 'valueDeleted' };
      // Only a non-zero DWORD is harmless; 0, or anything an admin typed by hand, is an opt-out attempt
      // that has done nothing since 2023-03-14 and must not be mistaken for a fix.
      if (v.dword === undefined) return { verdict: 'ignored', meaning: 'notDword' };
      return v.dword === 0 ? { verdict: 'ignored', meaning: 'hardeningOptOutIgnored' } : { verdict: 'informational', meaning: 'hardeningEnabled' };
    },
  ],
  [
    'RaiseActivationAuthenticationLevel',
    (v) => {
      if (v.type === 'delete') return { verdict: 'informational', meaning: 'valueDeleted' };
      if (v.dword === undefined) return { verdict: 'ignored', meaning: 'notDword' };
      if (v.dword === 1) return { verdict: 'raisesLevel', meaning: 'raiseDefaultLevel' };
      if (v.dword === 2) return { verdict: 'raisesLevel', meaning: 'raiseAllActivations' };
      return { verdict: 'informational', meaning: 'raiseUndocumentedValue' };
    },
  ],
  [
    'DisableAuthenticationLevelHardeningLog',
    (v) => {
      if (v.type === 'delete') return { verdict: 'informational', meaning: 'valueDeleted' };
      if (v.dword === 0) return { verdict: 'informational', meaning: 'hardeningLogOn' };
      // The CSS script treats the entry's presence as the switch, so data of any other type is read as
      // "logging may be off": better to doubt missing events than to call a machine clean.
      return { verdict: 'suppressesEvidence', meaning: 'hardeningLogOff' };
    },
  ],
]);

const OLE_SETTINGS: ReadonlyMap<string, readonly [OleSettingName, Classify]> = settingsByLowerName([
  [
    'LegacyAuthenticationLevel',
    (v) => {
      if (v.type === 'delete') return { verdict: 'informational', meaning: 'valueDeleted' };
      if (v.dword === undefined) return { verdict: 'ignored', meaning: 'notDword' };
      return v.dword >= PKT_INTEGRITY
        ? { verdict: 'raisesLevel', meaning: 'legacyAuthenticationAtIntegrity' }
        : { verdict: 'informational', meaning: 'legacyAuthenticationBelowIntegrity' };
    },
  ],
  [
    'LegacyImpersonationLevel',
    (v) => {
      if (v.type === 'delete') return { verdict: 'informational', meaning: 'valueDeleted' };
      if (v.dword === undefined) return { verdict: 'ignored', meaning: 'notDword' };
      return { verdict: 'informational', meaning: 'legacyImpersonationLevel' };
    },
  ],
]);

/** The DCOM hardening settings in an export, in text order, each with what it does today. */
export function findOleHardeningSettings(model: RegExportModel): OleSetting[] {
  const settings: OleSetting[] = [];
  for (const key of model.keys) {
    if (key.deleted) continue;
    const path = key.path.value.replace(/(?<!\\)\\+$/, '').toLowerCase();
    const known = path === OLE_APPCOMPAT_KEY.toLowerCase() ? APPCOMPAT_SETTINGS : path === OLE_KEY.toLowerCase() ? OLE_SETTINGS : null;
    if (!known) continue;
    for (const value of key.values) {
      // Registry value names are case-insensitive.
      const entry = known.get(value.name.value.toLowerCase());
      if (!entry) continue;
      const [name, classify] = entry;
      settings.push({
        name,
        value: value.type === 'dword' && value.dword !== undefined ? value.dword : null,
        span: value.span,
        ...classify(value),
        key: key.path,
      });
    }
  }
  return settings;
}

function settingsByLowerName(
  entries: readonly (readonly [OleSettingName, Classify])[],
): ReadonlyMap<string, readonly [OleSettingName, Classify]> {
  return new Map(entries.map(([name, classify]) => [name.toLowerCase(), [name, classify] as const]));
}
