import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Core } from '../core/create-core.ts';
import { partsToPlainText } from '../core/plain-text.ts';
import type { Choice, InboundMessage, Reply } from '../core/types.ts';

const CLI_MESSAGE: Omit<InboundMessage, 'text'> = {
  platform: 'cli',
  user: { id: 'cli' },
  conversation: { id: 'cli', kind: 'direct' },
  private: true,
};

function choicesOf(reply: Reply): Choice[] {
  return reply.parts.flatMap((part) => (part.type === 'choices' ? part.choices : []));
}

/** Picks a choice from what the person typed: its number, or the start of its label. */
export function pickChoice(choices: readonly Choice[], typed: string): Choice | undefined {
  const answer = typed.trim().toLowerCase();
  if (answer === '') return undefined;
  const number = Number(answer);
  if (Number.isInteger(number) && number >= 1 && number <= choices.length) return choices[number - 1];
  const matches = choices.filter((choice) => choice.label.toLowerCase().startsWith(answer));
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * The quiz in a terminal: the same core replies and buttons as in Slack or Teams,
 * with numbered options. Works with a TTY or piped answers (one per line).
 */
export async function runQuiz(core: Core, input: Readable, output: Writable): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  const nextLine = lines[Symbol.asyncIterator]();
  let reply = await core.handle({ ...CLI_MESSAGE, text: 'quiz' });
  try {
    while (reply.kind === 'quiz-step') {
      const choices = choicesOf(reply);
      const withoutChoices = reply.parts.filter((part) => part.type !== 'choices');
      output.write(`\n${partsToPlainText(withoutChoices)}\n`);
      choices.forEach((choice, index) => output.write(`  ${index + 1}. ${choice.label}\n`));
      let picked: Choice | undefined;
      while (!picked) {
        output.write(`Your answer (1-${choices.length}, q to quit): `);
        const line = await nextLine.next();
        if (line.done) {
          output.write('\nQuiz stopped before the end: no answers were saved.\n');
          return 1;
        }
        const typed = line.value;
        if (typed.trim().toLowerCase() === 'q') {
          output.write('Quiz stopped: no answers were saved.\n');
          return 0;
        }
        picked = pickChoice(choices, typed);
        if (!picked) output.write(`Please type a number from 1 to ${choices.length}.\n`);
      }
      reply = await core.handle({ ...CLI_MESSAGE, text: '', action: picked.action });
    }
    const result = reply.parts.filter((part) => part.type !== 'choices');
    output.write(`\n${partsToPlainText(result)}\n\nTip: pass --strategy ${strategyOf(reply)} to \`social-check review\` for advice that fits it.\n`);
    return 0;
  } finally {
    lines.close();
  }
}

function strategyOf(reply: Reply): string {
  for (const choice of choicesOf(reply)) if (choice.action.id === 'set-strategy') return choice.action.value;
  return 'custom';
}
