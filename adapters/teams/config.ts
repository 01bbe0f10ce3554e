/**
 * The Teams adapter's settings, checked once at start-up: botbuilder's names
 * (MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType, MicrosoftAppTenantId).
 */
import { SocialCheckError } from '../../src/core/errors.ts';
import type { TeamsAdapterConfig } from '../../src/server/adapter-contract.ts';

export type TeamsAppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

export interface TeamsSettings {
  /** '' means anonymous: no authentication, for local testing only. */
  appId: string;
  appPassword: string;
  appType: TeamsAppType;
  tenantId: string;
}

const APP_TYPES: Record<string, TeamsAppType> = {
  multitenant: 'MultiTenant',
  singletenant: 'SingleTenant',
  userassignedmsi: 'UserAssignedMSI',
};

function clean(value: string | undefined): string {
  return (value ?? '').trim();
}

export function resolveTeamsSettings(config: TeamsAdapterConfig): TeamsSettings {
  const appId = clean(config.appId);
  const appPassword = clean(config.appPassword);
  const tenantId = clean(config.tenantId);
  const rawType = clean(config.appType);
  // botbuilder's default; a tenant id alone does not change how the bot signs in (it restricts who may talk to it).
  const appType = rawType === '' ? 'MultiTenant' : APP_TYPES[rawType.toLowerCase()];
  if (!appType) {
    throw new SocialCheckError('config_invalid', `MicrosoftAppType "${rawType}" is not one of MultiTenant, SingleTenant, UserAssignedMSI.`);
  }
  if (!appId) {
    if (appPassword) throw new SocialCheckError('config_invalid', 'MicrosoftAppPassword is set but MicrosoftAppId is not: set both, or neither for local testing.');
    return { appId, appPassword, appType, tenantId };
  }
  if (appType !== 'UserAssignedMSI' && !appPassword) {
    throw new SocialCheckError('config_invalid', `MicrosoftAppId is set but MicrosoftAppPassword is not: a ${appType} bot needs its client secret.`);
  }
  // SingleTenant and UserAssignedMSI both authenticate against one Entra tenant.
  if (appType !== 'MultiTenant' && !tenantId) {
    throw new SocialCheckError('config_invalid', `A ${appType} bot needs MicrosoftAppTenantId (the Entra tenant the app registration lives in).`);
  }
  return { appId, appPassword, appType, tenantId };
}
