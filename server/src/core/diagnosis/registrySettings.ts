/**
 * The DCOM hardening settings found in `.reg` exports, placed on their machine and explained in the
 * diagnosis locale. `RequireIntegrityActivationAuthenticationLevel` is reported as ignored (Windows has
 * not read it since 2023-03-14), never as a fix.
 */
import { registrySettingMessage } from '../i18n/diagnosisMessages';
import type { Locale } from '../i18n/locale';
import type { FileEvidence } from './evidence';
import type { RegistrySetting } from './model';

export function collectRegistrySettings(
  files: readonly FileEvidence[],
  fileMachine: readonly (string | null)[],
  locale: Locale,
): RegistrySetting[] {
  const settings: RegistrySetting[] = [];
  for (const f of files) {
    for (const setting of f.settings) {
      settings.push({
        file: f.path,
        line: setting.line,
        machine: fileMachine[f.index] ?? null,
        key: setting.key,
        name: setting.name,
        value: setting.value,
        verdict: setting.verdict,
        message: registrySettingMessage(setting.name, setting.meaning, setting.value, locale),
      });
    }
  }
  return settings;
}

export function isIgnoredHardeningOptOut(s: RegistrySetting): boolean {
  return s.name === 'RequireIntegrityActivationAuthenticationLevel' && s.verdict === 'ignored';
}

export function suppressesHardeningEvents(s: RegistrySetting): boolean {
  return s.name === 'DisableAuthenticationLevelHardeningLog' && s.verdict === 'suppressesEvidence';
}
