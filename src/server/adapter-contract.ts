/**
 * The contract between the server (src/server) and the platform adapters
 * (adapters/slack, adapters/teams). Types only: no SDK imports here, so the
 * server and the core never load @slack/* or botbuilder.
 *
 * An adapter factory receives the booted core, its own configuration and the
 * storage it needs, and returns a `PlatformAdapter`: HTTP routes to mount on the
 * one `node:http` server, a `ChannelPoster` for scheduled nudges, and optional
 * start/stop hooks (Socket Mode, background connections).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../core/create-core.ts';
import type { ChannelPoster, ConversationRefStore, EventLedger, Logger, PrefsStore } from '../core/ports.ts';

/** A route mounted on the shared HTTP server. The handler gets the raw, unread request. */
export interface AdapterRoute {
  method: 'POST';
  /** Exact path, e.g. `/slack/events` or `/api/messages`. */
  path: string;
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
}

export interface PlatformAdapter {
  platform: 'slack' | 'teams';
  routes: AdapterRoute[];
  /** Posts nudges to channels of this platform (the scheduler and `nudge <channel>` use it). */
  poster: ChannelPoster;
  /** Called after the HTTP server listens (e.g. opens the Socket Mode connection). */
  start?(): Promise<void>;
  /** Called on shutdown, after the HTTP server stopped accepting requests. */
  stop?(): Promise<void>;
  /** One line for the start-up log, e.g. "Slack over HTTP at POST /slack/events". */
  describe(): string;
}

export interface SlackAdapterConfig {
  signingSecret: string;
  botToken: string;
  /** Socket Mode when set (xapp-…). */
  appToken?: string;
  /** Override of https://slack.com/api/ (tests point it at a local fake). */
  apiUrl?: string;
}

export interface SlackAdapterOptions {
  core: Core;
  config: SlackAdapterConfig;
  store: PrefsStore;
  logger: Logger;
  /** Shared by replicas: a retried event reaching another replica is not answered twice. Absent: per process only. */
  events?: EventLedger;
}

/** Botbuilder's names: MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType, MicrosoftAppTenantId. */
export interface TeamsAdapterConfig {
  /** Unset: anonymous mode (local testing with the Bot Framework Emulator). */
  appId?: string;
  appPassword?: string;
  /** 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI'. */
  appType?: string;
  tenantId?: string;
}

export interface TeamsAdapterOptions {
  core: Core;
  config: TeamsAdapterConfig;
  refs: ConversationRefStore;
  logger: Logger;
}

/** `adapters/slack/index.ts` exports a function of this type named `createSlackAdapter`. */
export type CreateSlackAdapter = (options: SlackAdapterOptions) => Promise<PlatformAdapter>;

/** `adapters/teams/index.ts` exports a function of this type named `createTeamsAdapter`. */
export type CreateTeamsAdapter = (options: TeamsAdapterOptions) => Promise<PlatformAdapter>;
