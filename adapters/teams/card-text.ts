/**
 * Text going into Adaptive Cards. Every string in a core `Reply` is plain text,
 * but a TextBlock renders a Markdown subset (bold, italic, lists, links), and
 * Teams turns `<at>…</at>` into mentions when a card declares them. These helpers
 * make plain text display as written, with no markup and no mentions.
 */
import { mapMentions } from './mentions.ts';

/** `<at>Name</at>` becomes `@Name`; stray `<at …>` / `</at>` tags are dropped. */
export function neutralizeMentions(text: string): string {
  return mapMentions(text, (name) => `@${name}`);
}

/**
 * Characters that start the Markdown Teams renders in TextBlocks: emphasis,
 * code, strike-through, and `[text](url)` links (the one that could hide an
 * address behind harmless words). `<` and `>` are left alone: Adaptive Cards
 * render no HTML, and an autolink shows its own address.
 */
const INLINE_MARKUP = /[\\`*_~[\]]/g;
/** Line starts that make lists, headings or quotes: `- `, `+ `, `1. `, `1) `, `#`, `>` (`*` is escaped everywhere). */
const LINE_START_MARKUP = /^(\s*)([-+#>]|\d+(?=[.)]))/gm;

/** Plain text → TextBlock text that shows exactly these characters. */
export function escapeMarkdown(text: string): string {
  return neutralizeMentions(text)
    .replace(INLINE_MARKUP, (char) => `\\${char}`)
    .replace(LINE_START_MARKUP, (_match, space: string, marker: string) => (/^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`));
}

/** Button titles are not Markdown, but they must not carry mentions or run long. */
export function buttonTitle(text: string, max = 80): string {
  const clean = neutralizeMentions(text).replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
