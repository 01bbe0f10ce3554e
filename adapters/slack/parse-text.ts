/**
 * Slack message text → the person's words. Slack sends text with `&`, `<`, `>`
 * escaped and with markup in angle brackets (mentions, channels, links); the core
 * wants plain words, so a draft is reviewed as the person wrote it and offsets
 * point at their words. https://docs.slack.dev/messaging/formatting-message-text
 */
import { unescapeSlack } from './escape.ts';

export interface SlackTextOptions {
  /** Keep `<#C123|name>` as is: manager commands name channels that way (the command has should_escape). */
  keepChannelRefs?: boolean;
  /** A user id whose mention is removed (the bot itself, in an app_mention). */
  dropMentionOf?: string;
}

const SPECIAL: Record<string, string> = { channel: '@channel', here: '@here', everyone: '@everyone', group: '@group' };

function linkText(target: string, label: string | undefined): string {
  if (target.startsWith('mailto:')) return label ?? target.slice('mailto:'.length);
  if (target.startsWith('tel:')) return label ?? target.slice('tel:'.length);
  if (!label) return target;
  const bare = target.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return label === target || label === bare ? label : `${label} (${target})`;
}

function convert(inner: string, options: SlackTextOptions): string {
  const pipe = inner.indexOf('|');
  const target = pipe === -1 ? inner : inner.slice(0, pipe);
  const label = pipe === -1 ? undefined : inner.slice(pipe + 1);
  switch (target[0]) {
    case '@':
      if (options.dropMentionOf && target.slice(1) === options.dropMentionOf) return '';
      return `@${label ?? target.slice(1)}`;
    case '#':
      return options.keepChannelRefs ? `<${inner}>` : `#${label ?? target.slice(1)}`;
    case '!': {
      const name = target.slice(1);
      if (name.startsWith('subteam^')) return label ? (label.startsWith('@') ? label : `@${label}`) : '@team';
      if (name.startsWith('date^')) return label ?? '';
      return SPECIAL[name] ?? label ?? `@${name}`;
    }
    default:
      return linkText(target, label);
  }
}

/** Converts Slack's markup to what the person sees and unescapes `&amp;`, `&lt;`, `&gt;`. */
export function fromSlackText(text: string, options: SlackTextOptions = {}): string {
  const converted = text.replace(/<([^<>]*)>/g, (_match, inner: string) => {
    const out = convert(inner, options);
    // A kept channel reference must survive the unescape below untouched.
    return out.startsWith('<#') ? out.replace(/&/g, '&amp;') : escapeForUnescape(out);
  });
  return unescapeSlack(converted).replace(/^[ \t]+/, '');
}

/** Converted markup is plain text already: protect it from the final unescape. */
function escapeForUnescape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Whether text is a manager command: the core routes a first word `nudge` or `stats` to the manager desk. */
export function isManagerCommand(text: string): boolean {
  return /^\s*\/?(nudge|stats)(\s|$)/i.test(text);
}
