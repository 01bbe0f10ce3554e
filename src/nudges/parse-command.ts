/**
 * Parses manager commands into data. Pure: no I/O, no time. The manager's own
 * text is taken from the original string, so its spacing and case survive.
 *
 *   nudge <channel> [tip id | topic id | next | own text]
 *   nudge schedule <channel> weekly <days> <HH:MM> <time zone> [tip | topic | next | own text]
 *   nudge schedule <channel> cron "<expr>" <time zone> [tip | topic | next | own text]
 *   nudge list | nudge cancel <id> | nudge resume <id> | nudge help | stats
 */

export type NudgeContentSpec = { kind: 'next' } | { kind: 'word'; word: string } | { kind: 'text'; text: string };

export type ManagerCommand =
  | { type: 'help' }
  | { type: 'list' }
  | { type: 'stats' }
  | { type: 'cancel'; id: number }
  | { type: 'resume'; id: number }
  | { type: 'send'; channel: string; content: NudgeContentSpec }
  | { type: 'schedule-weekly'; channel: string; days: string; time: string; timeZone: string; content: NudgeContentSpec }
  | { type: 'schedule-cron'; channel: string; cron: string; timeZone: string; content: NudgeContentSpec }
  | { type: 'invalid'; problem: string };

interface Token {
  value: string;
  end: number;
  quoted: boolean;
}

const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '”': '”', '‘': '’', '`': '`' };

/** Splits on spaces; a quoted run ("0 9 * * 1", with straight or curly quotes) is one token. */
function tokenize(text: string, from: number): Token[] {
  const tokens: Token[] = [];
  let index = from;
  while (index < text.length) {
    while (index < text.length && /\s/.test(text[index]!)) index++;
    if (index >= text.length) break;
    const close = QUOTES[text[index]!];
    if (close) {
      const end = text.indexOf(close, index + 1);
      if (end !== -1) {
        tokens.push({ value: text.slice(index + 1, end), end: end + 1, quoted: true });
        index = end + 1;
        continue;
      }
    }
    let end = index;
    while (end < text.length && !/\s/.test(text[end]!)) end++;
    tokens.push({ value: text.slice(index, end), end, quoted: false });
    index = end;
  }
  return tokens;
}

function contentFrom(text: string, tokens: Token[], start: number): NudgeContentSpec {
  const rest = tokens.slice(start);
  if (rest.length === 0) return { kind: 'next' };
  const ownText = text.slice(tokens[start - 1]?.end ?? 0).trim();
  if (rest.length === 1 && !rest[0]!.quoted) {
    const word = rest[0]!.value.toLowerCase();
    if (word === 'next') return { kind: 'next' };
    if (/^[a-z0-9-]+$/.test(word)) return { kind: 'word', word };
  }
  const unquoted = rest.length === 1 && rest[0]!.quoted ? rest[0]!.value.trim() : ownText;
  return { kind: 'text', text: unquoted };
}

const CRON_FIELD = /^[\d*/,\-a-z?LW#]+$/i;

export function parseManagerCommand(input: string): ManagerCommand {
  const text = input.trim().replace(/^\//, '');
  const tokens = tokenize(text, 0);
  const head = tokens[0]?.value.toLowerCase();
  if (head === 'stats') return { type: 'stats' };
  if (head !== 'nudge' && head !== 'nudges') return { type: 'invalid', problem: 'Manager commands start with nudge or stats.' };
  const verb = tokens[1]?.value.toLowerCase();
  if (verb === undefined || verb === 'help' || verb === '?') return { type: 'help' };
  if (verb === 'list' || verb === 'ls' || verb === 'schedules') {
    return tokens.length === 2 ? { type: 'list' } : { type: 'invalid', problem: '"nudge list" takes nothing after it.' };
  }
  if (verb === 'cancel' || verb === 'delete' || verb === 'stop' || verb === 'resume') {
    const action = verb === 'resume' ? 'resume' : 'cancel';
    const raw = tokens[2]?.value.replace(/^#/, '');
    if (raw === undefined || !/^\d{1,9}$/.test(raw) || tokens.length > 3) {
      return { type: 'invalid', problem: `Say which schedule to ${action} by its number, e.g. "nudge ${action} 3". "nudge list" shows the numbers.` };
    }
    return { type: action, id: Number(raw) };
  }
  if (verb === 'schedule') {
    const channel = tokens[2]?.value;
    const kind = tokens[3]?.value.toLowerCase();
    if (channel === undefined || kind === undefined) {
      return { type: 'invalid', problem: 'Say where and when, e.g. "nudge schedule #general weekly mon,wed 09:00 Europe/Paris next".' };
    }
    if (kind === 'weekly' || kind === 'daily' || kind === 'weekdays') {
      // "weekly mon,wed 09:00 TZ", "daily 09:00 TZ", "weekdays 09:00 TZ"
      const hasDays = kind === 'weekly';
      const days = hasDays ? tokens[4]?.value : kind;
      const time = tokens[hasDays ? 5 : 4]?.value;
      const timeZone = tokens[hasDays ? 6 : 5]?.value;
      if (!days || !time || !timeZone) {
        return { type: 'invalid', problem: 'A weekly schedule needs days, a time and a time zone, e.g. "weekly mon,wed 09:00 Europe/Paris".' };
      }
      return { type: 'schedule-weekly', channel, days, time, timeZone, content: contentFrom(text, tokens, hasDays ? 7 : 6) };
    }
    if (kind === 'cron') {
      let cron: string;
      let next: number;
      if (tokens[4]?.quoted) {
        cron = tokens[4].value;
        next = 5;
      } else {
        // Unquoted: take five cron-looking fields.
        const fields = tokens.slice(4, 9);
        if (fields.length < 5 || !fields.every((field) => CRON_FIELD.test(field.value))) {
          return { type: 'invalid', problem: 'Put the cron expression in quotes, e.g. nudge schedule #general cron "0 9 * * 1" Europe/Paris next.' };
        }
        cron = fields.map((field) => field.value).join(' ');
        next = 9;
      }
      const timeZone = tokens[next]?.value;
      if (!timeZone) return { type: 'invalid', problem: 'Add a time zone after the cron expression, e.g. Europe/Paris or UTC.' };
      return { type: 'schedule-cron', channel, cron, timeZone, content: contentFrom(text, tokens, next + 1) };
    }
    return { type: 'invalid', problem: `"${tokens[3]!.value}" is not a kind of schedule: use weekly (or daily, weekdays) or cron.` };
  }
  return { type: 'send', channel: tokens[1]!.value, content: contentFrom(text, tokens, 2) };
}
