/**
 * The Teams bot: botbuilder's TeamsActivityHandler wired to the core. Each
 * handler parses, calls `core.handle`, and renders; no logic of its own beyond
 * Teams' plumbing (mentions, threads, task modules, conversation references).
 */
import {
  CardFactory,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  type Activity,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type TaskModuleRequest,
  type TaskModuleResponse,
} from 'botbuilder';
import type { Core } from '../../src/core/create-core.ts';
import type { ConversationRefStore, Logger } from '../../src/core/ports.ts';
import { errorReply } from '../../src/core/replies.ts';
import type { InboundMessage, Reply } from '../../src/core/types.ts';
import type { AdaptiveCard } from './card-types.ts';
import { forgetConversation, includesBot, saveConversationRef, saveTeamChannels } from './conversation-refs.ts';
import { htmlToText } from './html-to-text.ts';
import { baseConversationId, conversationKind, submittedAction, toInboundMessage } from './parse-activity.ts';
import { renderReply } from './render.ts';
import { DIALOG_TITLE, DRAFT_FORM_SUBMIT, dialogCard, draftFormCard, draftFormInput } from './task-cards.ts';
import { withDeadline } from './with-deadline.ts';
import { errorSummary } from './error-summary.ts';

/** Teams waits 5 seconds for an invoke's answer; answer well before. */
export const INVOKE_DEADLINE_MS = 4_000;

export interface BotDeps {
  core: Core;
  refs: ConversationRefStore;
  logger: Logger;
  clock: () => Date;
  invokeDeadlineMs?: number;
}

/** One card per message activity, in order. */
export function cardActivities(cards: AdaptiveCard[]): Array<Partial<Activity>> {
  return cards.map((card) => ({ type: 'message', attachments: [CardFactory.adaptiveCard(card)] }));
}

export function dialogResponse(card: AdaptiveCard): TaskModuleResponse & MessagingExtensionActionResponse {
  return { task: { type: 'continue', value: { title: DIALOG_TITLE, height: 'large', width: 'large', card: CardFactory.adaptiveCard(card) } } };
}

const TOO_SLOW = errorReply('Sorry, that took me too long to check. Please try again in a moment.');

export class SocialCheckBot extends TeamsActivityHandler {
  private readonly deps: BotDeps;

  constructor(deps: BotDeps) {
    super();
    this.deps = deps;

    this.onMessage(async (context, next) => {
      await this.remember(context.activity);
      const activity = context.activity;
      const text = activity.text ? TurnContext.removeRecipientMention(activity) ?? '' : '';
      const message = toInboundMessage(activity, text);
      const reply = await this.deps.core.handle(message);
      const cards = renderReply(reply);
      if (!(await this.replaceQuizCard(context, message, reply, cards))) await context.sendActivities(cardActivities(cards));
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      if (includesBot(context.activity.membersAdded, context.activity)) {
        await this.remember(context.activity);
        await this.rememberTeamChannels(context);
        if (conversationKind(context.activity) === 'direct') {
          const welcome = await this.deps.core.handle(this.blankMessage(context.activity, 'help'));
          await context.sendActivities(cardActivities(renderReply(welcome)));
        }
      }
      await next();
    });

    this.onMembersRemoved(async (context, next) => {
      if (includesBot(context.activity.membersRemoved, context.activity)) await this.forget(context.activity);
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.remember(context.activity);
      await this.rememberTeamChannels(context);
      await next();
    });

    this.onTeamsChannelCreatedEvent(async (_channel, _team, context, next) => {
      await this.remember(context.activity);
      await next();
    });

    this.onTeamsChannelRestoredEvent(async (_channel, _team, context, next) => {
      await this.remember(context.activity);
      await next();
    });

    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forget(context.activity);
      await next();
    });

    this.onTeamsChannelRenamedEvent(async (channel, _team, context, next) => {
      const existing = channel?.id ? await this.deps.refs.getConversationRef('teams', channel.id) : undefined;
      if (existing && channel.name) await this.deps.refs.saveConversationRef({ ...existing, name: channel.name, updatedAt: this.deps.clock() });
      await next();
    });

    this.onTeamsChannelDeletedEvent(async (channel, _team, _context, next) => {
      if (channel?.id) await this.deps.refs.deleteConversationRef('teams', channel.id);
      await next();
    });
  }

  /** The message extension: "Check a draft" opens the form; "Check before posting" reviews the message at once. */
  protected override async handleTeamsMessagingExtensionFetchTask(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    const payload = action.messagePayload;
    if (!payload) return dialogResponse(draftFormCard());
    const body = payload.body;
    const text = body?.contentType === 'text' ? (body.content ?? '') : htmlToText(body?.content ?? '');
    const reply = await this.answerInTime({ ...this.blankMessage(context.activity, text), mode: 'review', private: true });
    return dialogResponse(dialogCard(reply));
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return this.dialogSubmit(context, action.data);
  }

  /** A chat card's "Open the draft form" button. */
  protected override async handleTeamsTaskModuleFetch(_context: TurnContext, _request: TaskModuleRequest): Promise<TaskModuleResponse> {
    return dialogResponse(draftFormCard());
  }

  protected override async handleTeamsTaskModuleSubmit(context: TurnContext, request: TaskModuleRequest): Promise<TaskModuleResponse> {
    return this.dialogSubmit(context, request.data);
  }

  /** A button or the form's submit inside a dialog: the answer replaces the dialog's card. */
  private async dialogSubmit(context: TurnContext, data: unknown): Promise<TaskModuleResponse & MessagingExtensionActionResponse> {
    const record = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
    if (record.sc === DRAFT_FORM_SUBMIT) {
      const { draft, socialPlatform } = draftFormInput(record);
      if (draft.trim() === '') return dialogResponse(draftFormCard({ socialPlatform, problem: 'I did not get any text. Paste the draft you want checked.' }));
      const message: InboundMessage = { ...this.blankMessage(context.activity, draft), mode: 'review', private: true };
      if (socialPlatform) message.socialPlatform = socialPlatform;
      return dialogResponse(dialogCard(await this.answerInTime(message)));
    }
    const action = submittedAction(record);
    if (!action || action.id === 'open-review') return dialogResponse(draftFormCard());
    const reply = await this.answerInTime({ ...this.blankMessage(context.activity, ''), action, private: true });
    return dialogResponse(reply.meta?.openReviewForm ? draftFormCard() : dialogCard(reply));
  }

  /**
   * A quiz answer replaces the card it was given on (the next question, or the
   * result), so old questions cannot be answered twice. Falls back to a new
   * message when Teams does not allow the update.
   */
  private async replaceQuizCard(context: TurnContext, message: InboundMessage, reply: Reply, cards: AdaptiveCard[]): Promise<boolean> {
    const cardId = context.activity.replyToId;
    if (message.action?.id !== 'quiz' || !cardId || cards.length !== 1) return false;
    if (reply.kind !== 'quiz-step' && reply.kind !== 'quiz-result') return false;
    try {
      await context.updateActivity({ ...cardActivities(cards)[0], id: cardId });
      return true;
    } catch (error) {
      this.deps.logger.warn({ err: errorSummary(error) }, 'teams quiz card not updated in place; sending a new one');
      return false;
    }
  }

  private blankMessage(activity: Partial<Activity>, text: string): InboundMessage {
    return toInboundMessage({ ...activity, value: undefined }, text);
  }

  private async answerInTime(message: InboundMessage): Promise<Reply> {
    return withDeadline(this.deps.core.handle(message), this.deps.invokeDeadlineMs ?? INVOKE_DEADLINE_MS, () => {
      this.deps.logger.warn({ deadlineMs: this.deps.invokeDeadlineMs ?? INVOKE_DEADLINE_MS }, 'teams invoke answer took too long');
      return TOO_SLOW;
    });
  }

  /** Storing a reference must never cost the person their answer. */
  private async remember(activity: Partial<Activity>): Promise<void> {
    try {
      const record = await saveConversationRef(this.deps.refs, activity, this.deps.clock());
      if (record && activity.type !== 'message') this.deps.logger.info({ conversationKind: record.kind, teamId: record.teamId }, 'teams conversation reference saved');
    } catch (error) {
      this.deps.logger.error({ err: errorSummary(error), conversationId: baseConversationId(activity) }, 'teams conversation reference not saved');
    }
  }

  /** On install in a team: every channel Teams lists (a failure only costs the names). */
  private async rememberTeamChannels(context: TurnContext): Promise<void> {
    if (conversationKind(context.activity) !== 'channel') return;
    try {
      const channels = await TeamsInfo.getTeamChannels(context);
      const saved = await saveTeamChannels(this.deps.refs, context.activity, channels, this.deps.clock());
      this.deps.logger.info({ channels: saved }, 'teams channel references saved');
    } catch (error) {
      this.deps.logger.warn({ err: errorSummary(error) }, 'teams channel list not available; channels are learned when the bot is mentioned there');
    }
  }

  private async forget(activity: Partial<Activity>): Promise<void> {
    try {
      const removed = await forgetConversation(this.deps.refs, activity);
      this.deps.logger.info({ removed }, 'teams bot removed: conversation references deleted');
    } catch (error) {
      this.deps.logger.error({ err: errorSummary(error) }, 'teams conversation references not deleted');
    }
  }
}
