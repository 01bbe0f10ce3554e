/**
 * `ManagerDesk` (src/core/ports.ts): the manager commands both adapters share.
 * Send a tip or the manager's own (reviewed) words to a channel now, schedule
 * nudges, list and cancel schedules, and read anonymous review statistics.
 */
import type { Content } from '../content/load-content.ts';
import { TOPIC_IDS } from '../content/topics.ts';
import { isSocialCheckError, SocialCheckError } from '../core/errors.ts';
import type { ChannelRef, ConversationRefStore, Logger, ManagerDesk, OrgProfile } from '../core/ports.ts';
import { errorReply, makeReply } from '../core/replies.ts';
import type { InboundMessage, Part, Reply } from '../core/types.ts';
import { reviewDraft } from '../review/review-draft.ts';
import type { DeliveryLog } from '../storage/delivery-log.ts';
import type { FalsePositivesRepository } from '../storage/false-positives.ts';
import type { ReviewStatsRepository } from '../storage/review-stats.ts';
import type { NudgeContentKind, NudgeSchedule, ScheduleStore } from '../storage/schedule-store.ts';
import { isManager, type ManagerIds } from './managers.ts';
import { NudgeDispatcher, type RetryPolicy } from './nudge-dispatcher.ts';
import { ownTextReply, tipReply } from './nudge-reply.ts';
import type { Nudge } from './nudge-types.ts';
import { parseManagerCommand, type ManagerCommand, type NudgeContentSpec } from './parse-command.ts';
import type { PosterRegistry } from './poster-registry.ts';
import { resolveChannel, type ResolvedChannel } from './resolve-channel.ts';
import { nextTip, tipById } from './rotation.ts';
import { cronRule, formatInZone, nextOccurrence, weeklyRule, type ScheduleRule } from './schedule-rule.ts';
import { statsReply } from './stats-reply.ts';

/** A manager's own nudge: a short message, not an essay. */
export const MAX_OWN_TEXT = 1_500;
export const STATS_WEEKS = 4;

export interface ManagerDeskDeps {
  content: () => Content;
  policy?: OrgProfile;
  managers: ManagerIds;
  schedules: ScheduleStore;
  deliveries: DeliveryLog;
  stats: ReviewStatsRepository;
  falsePositives: FalsePositivesRepository;
  refs?: ConversationRefStore;
  posters: PosterRegistry;
  logger: Logger;
  clock?: () => Date;
  instanceId?: string;
  retry?: RetryPolicy;
}

/** What a nudge will carry, resolved against the library. */
interface ResolvedContent {
  kind: NudgeContentKind;
  value: string;
  /** For people: 'the tip "…"', 'the next tip in rotation'. */
  label: string;
  /** Flags of the manager's own words that did not stop it (caution). */
  cautions: string[];
}

const COMMANDS_HELP = [
  'nudge #channel next: send the next tip of the library (in Teams, #channel is the channel name; "here" is the channel you are in)',
  'nudge #channel TIP-ID or TOPIC: send a given tip, or a tip about a topic',
  'nudge #channel Your own words: sent after I check them like any draft',
  'nudge schedule #channel weekly mon,wed 09:00 Europe/Paris next: a weekly nudge (also: daily, weekdays)',
  'nudge schedule #channel cron "0 9 * * 1" Europe/Paris next: a cron schedule',
  'nudge list: schedules and their state; nudge cancel 3: stop schedule #3; nudge resume 3: restart a paused one',
  'stats: anonymous counts of drafts checked in the last four weeks',
];

export function createManagerDesk(deps: ManagerDeskDeps): ManagerDesk {
  const clock = deps.clock ?? (() => new Date());
  const logger = deps.logger.child({ component: 'manager-desk' });
  const dispatcher = new NudgeDispatcher(deps.deliveries, deps.posters, logger, deps.instanceId ?? `desk-${process.pid}`, deps.retry);

  function refusal(message: InboundMessage): Reply {
    const how =
      message.platform === 'slack'
        ? `Workspace admins and owners can, and so can people listed in the bot's MANAGER_IDS setting (yours would be slack:${message.user.id}).`
        : `People listed in the bot's MANAGER_IDS setting can (yours would be ${message.platform}:${message.user.id}).`;
    return errorReply(`Sorry, only managers can send nudges or see team statistics. ${how} Ask whoever runs social-check if you need it. Everything else, like checking your own drafts, works for everyone.`);
  }

  function helpReply(): Reply {
    const library = deps.content().nudges;
    return makeReply('manager', [
      { type: 'heading', text: 'Nudges: short tips for your team, now or on a schedule' },
      { type: 'bullets', items: COMMANDS_HELP },
      { type: 'paragraph', text: `Tips in the library (${library.length}): ${library.map((nudge) => nudge.id).join(', ')}.` },
      { type: 'note', text: 'Time zones are IANA names (Europe/Paris, America/New_York, UTC). Missed occurrences (server down) are skipped after an hour rather than sent late.' },
    ]);
  }

  async function resolveContent(spec: NudgeContentSpec, channel: ChannelRef | undefined): Promise<{ content: ResolvedContent; tip?: Nudge }> {
    const library = deps.content().nudges;
    if (spec.kind === 'next') {
      const tip = channel ? nextTip(library, await deps.deliveries.lastTipFor(channel)) : undefined;
      return { content: { kind: 'next', value: '', label: 'the next tip in rotation', cautions: [] }, ...(tip ? { tip } : {}) };
    }
    if (spec.kind === 'word') {
      const byId = tipById(library, spec.word);
      if (byId) return { content: { kind: 'tip', value: byId.id, label: `the tip "${byId.title}"`, cautions: [] }, tip: byId };
      if ((TOPIC_IDS as readonly string[]).includes(spec.word)) {
        const tip = nextTip(library, channel ? await deps.deliveries.lastTipFor(channel) : undefined, spec.word);
        if (!tip) throw new SocialCheckError('not_found', `The library has no tip about ${spec.word} yet. Send "nudge help" for the tips there are.`);
        return { content: { kind: 'topic', value: spec.word, label: `a tip about ${spec.word}`, cautions: [] }, tip };
      }
      throw new SocialCheckError(
        'not_found',
        `I do not know a tip or topic called "${spec.word}". "nudge help" lists the tips. To send your own words, write a sentence or put them in quotes.`,
      );
    }
    const text = spec.text.trim();
    if (text === '') throw new SocialCheckError('input_empty', 'The nudge has no text.');
    if (text.length > MAX_OWN_TEXT) {
      throw new SocialCheckError('input_too_long', `That nudge is ${text.length} characters; keep it under ${MAX_OWN_TEXT}, a tip people read at a glance.`);
    }
    const review = reviewDraft(text, { rules: deps.content().rules, ...(deps.policy ? { policy: deps.policy } : {}) });
    const reasons = review.flags.map((flag) => `"${flag.words}": ${flag.message}`);
    if (review.verdict === 'risky') {
      throw new RiskyTextError(reasons);
    }
    return { content: { kind: 'text', value: text, label: 'your message', cautions: reasons } };
  }

  function reportTo(message: InboundMessage): ChannelRef | undefined {
    if (message.conversation.kind === 'direct') {
      const ref: ChannelRef = { platform: message.platform, channelId: message.conversation.id };
      if (message.conversation.teamId) ref.teamId = message.conversation.teamId;
      return ref;
    }
    // Slack opens a DM when a message is posted to a user id.
    if (message.platform === 'slack') return { platform: 'slack', channelId: message.user.id };
    return undefined;
  }

  function cautionParts(cautions: string[]): Part[] {
    return cautions.length === 0 ? [] : [{ type: 'note', text: `Heads-up: I flagged some words, but nothing that stops it: ${cautions.join('; ')}.` }];
  }

  async function send(message: InboundMessage, command: Extract<ManagerCommand, { type: 'send' }>): Promise<Reply> {
    const channel = await resolveChannel(command.channel, message, deps.refs);
    const { content, tip } = await resolveContent(command.content, channel.ref);
    const reply = content.kind === 'text' ? ownTextReply(content.value) : tip ? tipReply(tip) : undefined;
    if (!reply) throw new SocialCheckError('not_found', 'The nudge library is empty.');
    const outcome = await dispatcher.sendNow({ channel: channel.ref, reply, nudgeId: tip?.id ?? 'custom', requestedBy: message.user.id, now: clock() });
    if (outcome.status === 'sent') {
      return makeReply('manager', [{ type: 'paragraph', text: `Sent ${tip ? `the tip "${tip.title}"` : 'your message'} to ${channel.label}.` }, ...cautionParts(content.cautions)]);
    }
    if (outcome.status === 'channel_unavailable') {
      return errorReply(
        `I cannot post in ${channel.label}: I am probably not a member. ${message.platform === 'slack' ? 'Invite me with /invite @social-check in that channel' : 'Add me to the team'}, then try again.`,
      );
    }
    return errorReply(`I could not send it to ${channel.label} just now (${outcome.status === 'failed' ? outcome.error : 'error'}). Nothing was posted; please try again in a minute.`);
  }

  async function schedule(message: InboundMessage, command: Extract<ManagerCommand, { type: 'schedule-weekly' | 'schedule-cron' }>): Promise<Reply> {
    const now = clock();
    const rule: ScheduleRule =
      command.type === 'schedule-weekly' ? weeklyRule(command.days, command.time, command.timeZone) : cronRule(command.cron, command.timeZone, now);
    const channel: ResolvedChannel = await resolveChannel(command.channel, message, deps.refs);
    const { content } = await resolveContent(command.content, undefined);
    const report = reportTo(message);
    const created = await deps.schedules.create({
      channel: channel.ref,
      ...(channel.name ? { channelName: channel.name } : {}),
      createdBy: message.user.id,
      ruleLabel: rule.label,
      cron: rule.cron,
      timeZone: rule.timeZone,
      content: { kind: content.kind, value: content.value },
      ...(report ? { reportTo: report } : {}),
      createdAt: now,
    });
    logger.info({ scheduleId: created.id, platform: created.channel.platform, channelId: created.channel.channelId, cron: created.cron, timeZone: created.timeZone, contentKind: created.content.kind }, 'nudge scheduled');
    const next = nextOccurrence(rule.cron, rule.timeZone, now);
    return makeReply('manager', [
      { type: 'paragraph', text: `Scheduled #${created.id}: ${content.label} to ${channel.label}, ${rule.label}.${next ? ` First one: ${formatInZone(next, rule.timeZone)}.` : ''}` },
      ...cautionParts(content.cautions),
      { type: 'note', text: `"nudge list" shows your schedules; "nudge cancel ${created.id}" stops this one.` },
    ]);
  }

  function describeContent(entry: NudgeSchedule): string {
    const { kind, value } = entry.content;
    if (kind === 'next') return 'next tip in rotation';
    if (kind === 'topic') return `a tip about ${value}`;
    if (kind === 'tip') return `tip ${value}`;
    return `your message "${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  }

  async function list(message: InboundMessage): Promise<Reply> {
    const now = clock();
    const entries = await deps.schedules.listVisible(message.platform);
    if (entries.length === 0) {
      return makeReply('manager', [{ type: 'paragraph', text: 'No nudges are scheduled. Try: nudge schedule #general weekly mon 09:00 Europe/Paris next' }]);
    }
    const items: string[] = [];
    for (const entry of entries) {
      const where = entry.channelName ? `#${entry.channelName}` : entry.channel.channelId;
      const [last] = await deps.deliveries.recent({ scheduleId: entry.id }, 1);
      let state: string;
      if (entry.status === 'channel_unavailable') state = `PAUSED: I can no longer post in that channel (was I removed?). Add me back, then "nudge resume ${entry.id}".`;
      else {
        const next = nextOccurrence(entry.cron, entry.timeZone, now);
        state = next ? `next: ${formatInZone(next, entry.timeZone)}` : 'no further occurrence';
      }
      const lastText = last ? `; last: ${last.status === 'sent' ? 'sent' : last.status.replace('_', ' ')} ${formatInZone(last.sentAt ?? last.occurrenceAt, entry.timeZone)}` : '';
      items.push(`#${entry.id} ${where}, ${entry.ruleLabel}: ${describeContent(entry)}. ${state}${lastText}`);
    }
    return makeReply('manager', [{ type: 'heading', text: 'Scheduled nudges' }, { type: 'bullets', items }]);
  }

  async function cancel(message: InboundMessage, id: number): Promise<Reply> {
    const entry = await deps.schedules.get(id);
    if (!entry || entry.channel.platform !== message.platform || entry.status === 'cancelled') {
      return errorReply(`There is no schedule #${id} to cancel. "nudge list" shows the current ones.`);
    }
    await deps.schedules.cancel(id, message.user.id, clock());
    logger.info({ scheduleId: id }, 'nudge schedule cancelled');
    return makeReply('manager', [{ type: 'paragraph', text: `Cancelled #${id} (${entry.ruleLabel}). Nothing more will go out for it.` }]);
  }

  async function resume(message: InboundMessage, id: number): Promise<Reply> {
    const entry = await deps.schedules.get(id);
    if (!entry || entry.channel.platform !== message.platform || entry.status === 'cancelled') {
      return errorReply(`There is no schedule #${id}. "nudge list" shows the current ones.`);
    }
    if (entry.status === 'active') return makeReply('manager', [{ type: 'paragraph', text: `#${id} is running already.` }]);
    const now = clock();
    await deps.schedules.resume(id, now);
    logger.info({ scheduleId: id }, 'nudge schedule resumed');
    const next = nextOccurrence(entry.cron, entry.timeZone, now);
    return makeReply('manager', [
      { type: 'paragraph', text: `Resumed #${id} (${entry.ruleLabel}).${next ? ` Next one: ${formatInZone(next, entry.timeZone)}.` : ''} If I still cannot post there, it pauses again and I will tell you.` },
    ]);
  }

  async function stats(): Promise<Reply> {
    const since = new Date(clock().getTime() - (STATS_WEEKS - 1) * 7 * 86_400_000);
    const [weeks, falsePositives] = await Promise.all([deps.stats.weeks(since), deps.falsePositives.countsSince(since)]);
    return statsReply(weeks, falsePositives, STATS_WEEKS);
  }

  return {
    async handle(message: InboundMessage, text: string): Promise<Reply> {
      const command = parseManagerCommand(text);
      if (!isManager(message, deps.managers)) return refusal(message);
      try {
        switch (command.type) {
          case 'help':
            return helpReply();
          case 'invalid':
            return errorReply(`${command.problem} Send "nudge help" for examples.`);
          case 'stats':
            return await stats();
          case 'list':
            return await list(message);
          case 'cancel':
            return await cancel(message, command.id);
          case 'resume':
            return await resume(message, command.id);
          case 'send':
            return await send(message, command);
          case 'schedule-weekly':
          case 'schedule-cron':
            return await schedule(message, command);
        }
      } catch (error) {
        if (error instanceof RiskyTextError) {
          return makeReply('error', [
            { type: 'paragraph', text: 'I did not send it: I would advise anyone against posting this, so I will not post it to a channel either.' },
            { type: 'bullets', items: error.reasons.length > 0 ? error.reasons : ['It reads as risky.'] },
            { type: 'paragraph', text: 'Rephrase it and try again, or send a library tip (nudge help lists them).' },
          ]);
        }
        if (isSocialCheckError(error) && ['input_invalid', 'input_empty', 'input_too_long', 'not_found', 'delivery_failed'].includes(error.code)) {
          return errorReply(error.message);
        }
        throw error;
      }
    },
  };
}

class RiskyTextError extends Error {
  constructor(readonly reasons: string[]) {
    super('risky nudge text');
  }
}
