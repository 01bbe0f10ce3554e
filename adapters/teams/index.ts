/**
 * The Teams adapter: wires botbuilder's CloudAdapter and the SocialCheckBot to
 * the shared server. Everything botbuilder stays inside adapters/teams.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { PlatformAdapter, TeamsAdapterOptions } from '../../src/server/adapter-contract.ts';
import { errorReply } from '../../src/core/replies.ts';
import { cardActivities, dialogResponse, SocialCheckBot } from './bot.ts';
import { resolveTeamsSettings } from './config.ts';
import { errorSummary } from './error-summary.ts';
import { createMessagesHandler } from './http-handler.ts';
import { createTeamsPoster } from './poster.ts';
import { renderReply } from './render.ts';
import { dialogCard } from './task-cards.ts';

export const MESSAGES_PATH = '/api/messages';

const SORRY = errorReply('Sorry, something went wrong on my side and I could not answer that. Please try again; nothing you sent was kept.');

export interface TeamsAdapterExtras {
  /** For tests: the time stamped on stored conversation references. */
  clock?: () => Date;
  /** For tests: how long an invoke may take before the "too slow" answer (default 4 s). */
  invokeDeadlineMs?: number;
}

export async function createTeamsAdapter(options: TeamsAdapterOptions & TeamsAdapterExtras): Promise<PlatformAdapter> {
  const settings = resolveTeamsSettings(options.config);
  const logger = options.logger.child({ adapter: 'teams' });
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: settings.appId,
    MicrosoftAppPassword: settings.appPassword,
    MicrosoftAppType: settings.appType,
    MicrosoftAppTenantId: settings.tenantId,
  });
  const adapter = new CloudAdapter(auth);
  const bot = new SocialCheckBot({
    core: options.core,
    refs: options.refs,
    logger,
    clock: options.clock ?? (() => new Date()),
    invokeDeadlineMs: options.invokeDeadlineMs,
  });

  // The one catch-all: log what failed (never the text), answer the person kindly.
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const activity = context.activity;
    // Names only, cut short: they come from the request.
    logger.error(
      { err: errorSummary(error), activityType: String(activity.type).slice(0, 40), ...(typeof activity.name === 'string' ? { invokeName: activity.name.slice(0, 60) } : {}) },
      'teams turn failed',
    );
    try {
      if (activity.type === 'invoke') {
        await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: dialogResponse(dialogCard(SORRY)) } });
      } else if (activity.type === 'message') {
        await context.sendActivities(cardActivities(renderReply(SORRY)));
      }
    } catch (sendError) {
      logger.error({ err: errorSummary(sendError) }, 'teams apology not delivered');
    }
  };

  if (!settings.appId) {
    logger.warn({}, 'Teams adapter running WITHOUT authentication (no MicrosoftAppId): anyone can post activities. For local testing only.');
  }

  return {
    platform: 'teams',
    routes: [
      {
        method: 'POST',
        path: MESSAGES_PATH,
        handler: createMessagesHandler({
          adapter,
          logic: (context) => bot.run(context),
          logger,
          requireAuthHeader: settings.appId !== '',
          ...(settings.tenantId ? { tenantId: settings.tenantId } : {}),
        }),
      },
    ],
    poster: createTeamsPoster({ adapter, appId: settings.appId, refs: options.refs, logger }),
    describe: () =>
      settings.appId
        ? `Teams over HTTP at POST ${MESSAGES_PATH} (app ${settings.appId}, ${settings.appType})`
        : `Teams over HTTP at POST ${MESSAGES_PATH} (anonymous: no MicrosoftAppId, local testing only)`,
  };
}
