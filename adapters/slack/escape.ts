/**
 * Text going into Slack. Every string in a core `Reply` is plain text and may
 * carry the person's own words, so everything is escaped: `&`, `<` and `>` are
 * the only characters Slack treats as control characters, and escaping them
 * means no `<!channel>`, `<!here>`, `<@U…>` or `<url|label>` ever comes out of
 * the bot as markup (https://docs.slack.dev/messaging/formatting-message-text#escaping).
 */
const CONTROL = /[&<>]/;

export function escapeSlack(text: string): string {
  if (!CONTROL.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const UNESCAPE: Record<string, string> = { amp: '&', lt: '<', gt: '>' };

/** The inverse of `escapeSlack`: Slack sends message text and our own button values escaped. */
export function unescapeSlack(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_match, name: string) => UNESCAPE[name]!);
}

/** Length of `text` once escaped. */
export function escapedLength(text: string): number {
  let length = text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 38) length += 4; // &amp;
    else if (code === 60 || code === 62) length += 3; // &lt; &gt;
  }
  return length;
}

/** Whether `text` escaped fits in `max` (an escaped character is at most 5 long: `&amp;`). */
function fitsEscaped(text: string, max: number): boolean {
  return text.length * 5 <= max || escapedLength(text) <= max;
}

/**
 * The longest prefix of `text` whose escaped form fits in `max` characters,
 * never cutting a surrogate pair or an entity.
 */
function fittingPrefixLength(text: string, max: number): number {
  let used = 0;
  let index = 0;
  for (const char of text) {
    const cost = char === '&' ? 5 : char === '<' || char === '>' ? 4 : char.length;
    if (used + cost > max) break;
    used += cost;
    index += char.length;
  }
  return index;
}

/** Escapes `text` and trims it with an ellipsis so that it fits in `max` characters. */
export function fitEscaped(text: string, max: number): string {
  if (fitsEscaped(text, max)) return escapeSlack(text);
  const cut = fittingPrefixLength(text, max - 1);
  return `${escapeSlack(text.slice(0, cut).trimEnd())}…`;
}

const BREAKS = ['\n\n', '\n', '. ', '; ', ', ', ' '];

/**
 * Splits `text` into pieces whose escaped forms each fit in `max` characters,
 * cutting at the last paragraph, line, sentence or word break that fits.
 * Returns escaped pieces; nothing is lost.
 */
export function splitEscaped(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (!fitsEscaped(rest, max)) {
    const limit = fittingPrefixLength(rest, max);
    let cut = limit;
    for (const separator of BREAKS) {
      const at = rest.lastIndexOf(separator, limit - separator.length);
      if (at > limit / 2) {
        cut = at + separator.length;
        break;
      }
    }
    const piece = rest.slice(0, cut).trimEnd();
    if (piece) pieces.push(escapeSlack(piece));
    rest = rest.slice(cut).trimStart();
  }
  if (rest.trim()) pieces.push(escapeSlack(rest));
  return pieces;
}
