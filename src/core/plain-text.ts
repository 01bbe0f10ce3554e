import type { Part } from './types.ts';

const AUDIENCE_LABEL = {
  everyone: 'everyone (professional and personal networks)',
  personal: 'a personal circle only (close friends, a private list)',
  nobody: 'nobody (do not post it anywhere)',
} as const;

/** Renders reply parts as plain text: the fallback text of every reply and the CLI's output. */
export function partsToPlainText(parts: Part[]): string {
  const blocks: string[] = [];
  for (const part of parts) {
    switch (part.type) {
      case 'heading':
        blocks.push(part.text.toUpperCase() === part.text ? part.text : `== ${part.text} ==`);
        break;
      case 'paragraph':
      case 'note':
        blocks.push(part.text);
        break;
      case 'quote':
        blocks.push(part.text.split('\n').map((line) => `> ${line}`).join('\n'));
        break;
      case 'bullets':
        blocks.push(part.items.map((item) => `- ${item}`).join('\n'));
        break;
      case 'verdict':
        blocks.push(`Verdict: ${part.verdict} · audience: ${AUDIENCE_LABEL[part.audience]}${part.summary ? `\n${part.summary}` : ''}`);
        break;
      case 'flag': {
        const { flag } = part;
        blocks.push(
          [
            `[${flag.category}] "${flag.words.replace(/\s+/g, ' ')}" (characters ${flag.start}-${flag.end}, ${flag.severity} risk)`,
            `  ${flag.message}`,
            `  Why: ${flag.why}`,
            `  Instead: ${flag.suggestion}`,
            `  Fits: ${AUDIENCE_LABEL[flag.audience]}`,
          ].join('\n'),
        );
        break;
      }
      case 'choices':
        blocks.push(`${part.label ? `${part.label} ` : ''}[${part.choices.map((choice) => choice.label).join(' | ')}]`);
        break;
      case 'links':
        blocks.push(part.links.map((link) => `${link.text}: ${link.url}`).join('\n'));
        break;
    }
  }
  return blocks.join('\n\n');
}
