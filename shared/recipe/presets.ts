// Every preset the credential editor offers, vendor dialects first. Pure (no Node APIs).
import type { Preset } from './preset-types';
import { httpBasic, oauth2ClientCredentialsBasic, oauth2ClientCredentialsPost, oauth2Password, oauth2RefreshToken, staticApiKey } from './presets-standard';
import { oauth2AuthorizationCode, oauth2ClientSecretJwt, oauth2DeviceCode, oauth2PrivateKeyJwt } from './presets-flows';
import { oauth2MutualTls } from './presets-mtls';
import { landax, lemonway, lengow, liveDataServiceAccount, liveDataUser } from './presets-vendor';

export type { Preset, PresetVariable } from './preset-types';
export { presetAllowedHosts, presetDefault } from './preset-types';

export const PRESETS: readonly Preset[] = [
  lengow,
  landax,
  liveDataServiceAccount,
  liveDataUser,
  oauth2ClientCredentialsBasic,
  lemonway,
  oauth2ClientCredentialsPost,
  oauth2Password,
  oauth2RefreshToken,
  oauth2AuthorizationCode,
  oauth2DeviceCode,
  oauth2PrivateKeyJwt,
  oauth2ClientSecretJwt,
  oauth2MutualTls,
  staticApiKey,
  httpBasic,
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}
