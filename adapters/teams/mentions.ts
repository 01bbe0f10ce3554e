/**
 * Teams' `<at …>Name</at>` mention tags, found in one pass. A regular
 * expression like /<at\b[^>]*>([\s\S]*?)<\/at>/ rescans the rest of the text
 * from every `<at` that has no closing tag, which is quadratic: a pasted draft
 * or a message of repeated `<at x` then blocks the server for seconds.
 */

interface Token {
  kind: 'text' | 'open' | 'close';
  text: string;
}

const WORD_CHAR = /[A-Za-z0-9_]/;

/** The text split into plain runs and `<at …>` / `</at …>` tags, in linear time. */
function mentionTokens(text: string): Token[] {
  const lower = text.toLowerCase();
  const tokens: Token[] = [];
  let from = 0;
  let at = 0;
  for (;;) {
    const lt = lower.indexOf('<', at);
    if (lt < 0) break;
    const closing = lower.startsWith('</at', lt);
    const opening = !closing && lower.startsWith('<at', lt);
    const nameEnd = lt + (closing ? 4 : 3);
    if ((!closing && !opening) || WORD_CHAR.test(text.charAt(nameEnd))) {
      at = lt + 1;
      continue;
    }
    const gt = text.indexOf('>', nameEnd);
    // No `>` left: no tag can end anywhere after this point.
    if (gt < 0) break;
    if (lt > from) tokens.push({ kind: 'text', text: text.slice(from, lt) });
    tokens.push({ kind: closing ? 'close' : 'open', text: text.slice(lt, gt + 1) });
    from = at = gt + 1;
  }
  if (from < text.length) tokens.push({ kind: 'text', text: text.slice(from) });
  return tokens;
}

/**
 * Each `<at …>Name</at>` becomes `render(Name)`; tags without a partner are
 * dropped. Linear in the length of the text.
 */
export function mapMentions(text: string, render: (name: string) => string): string {
  if (!/<\/?at/i.test(text)) return text;
  const tokens = mentionTokens(text);
  const nextClose = new Array<number>(tokens.length + 1).fill(-1);
  for (let index = tokens.length - 1; index >= 0; index--) nextClose[index] = tokens[index]!.kind === 'close' ? index : nextClose[index + 1]!;
  let out = '';
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind === 'text') {
      out += token.text;
      continue;
    }
    const close = token.kind === 'open' ? nextClose[index + 1]! : -1;
    if (close < 0) continue;
    let name = '';
    for (let inner = index + 1; inner < close; inner++) if (tokens[inner]!.kind === 'text') name += tokens[inner]!.text;
    out += render(name);
    index = close;
  }
  return out;
}
