/**
 * `social-check`: the core in a terminal (see shared/contract.md).
 * I/O is passed in so tests can run commands in-process.
 */
import type { Readable, Writable } from 'node:stream';
import { bootCore, MAX_TEXT_LENGTH, type Core } from '../core/create-core.ts';
import { isSocialCheckError } from '../core/errors.ts';
import type { OrgProfile } from '../core/ports.ts';
import { SOCIAL_PLATFORMS, STRATEGIES, type SocialPlatform, type StrategyId } from '../core/types.ts';
import { loadPolicyFile } from '../review/load-policy.ts';
import { parseArgs, stringFlag, type ParsedArgs } from './args.ts';
import { runBatch } from './jsonl.ts';
import { runQuiz } from './quiz-command.ts';
import { reviewForCli } from './review-command.ts';

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Is stdin a terminal (then `review` with no text does not wait for a pipe). */
  stdinIsTty?: boolean;
}

const MAIN_HELP = `social-check: keep the personal and the professional apart on social media.

Usage:
  social-check ask "QUESTION"          answer a question from the knowledge base
  social-check review "DRAFT"          review a draft before you post it
  social-check quiz                    take the strategy quiz (interactive)
  social-check utterances              print the knowledge base's example questions (JSON lines)

Options for every command: --help
Run "social-check COMMAND --help" for a command's options.`;

const HELP: Record<string, string> = {
  ask: `Usage: social-check ask [--policy FILE] "QUESTION"
       social-check ask --jsonl [--policy FILE] < questions.jsonl

Answers a question the way the bot would in Slack or Teams.
  --policy FILE   organization profile (YAML): company name, policy link, contacts
  --jsonl         read {"id","text"} JSON lines on stdin; write {"id","topic","confidence","answer"} per line
  --json          print one JSON object instead of text`,
  review: `Usage: social-check review [--policy FILE] [--strategy S] [--platform P] "DRAFT"
       social-check review [options] -              (read the draft from stdin)
       social-check review --jsonl [options] < drafts.jsonl

Reviews a draft: flagged words and why, a safer alternative, and the audience it fits.
  --policy FILE   organization profile (YAML): name, aliases, codenames, clients
  --strategy S    your strategy: ${STRATEGIES.join(', ')}
  --platform P    where you will post: ${SOCIAL_PLATFORMS.join(', ')}
  --jsonl         read {"id","text"} JSON lines on stdin; write {"id","verdict","audience","flags"} per line
  --json          print one JSON object instead of text
The draft is reviewed in memory and never stored or sent anywhere.`,
  quiz: `Usage: social-check quiz

Six questions about how you post and where you work, then the strategy that fits
you best (Open, Audience, Content or Custom), why, first steps and its main risk.
Type the number of your answer; q quits. Answers can also be piped, one per line.`,
  utterances: `Usage: social-check utterances

Prints each example question of the knowledge base as a JSON line {"topic","text"}.`,
};

const SPECS: Record<string, Record<string, 'boolean' | 'string'>> = {
  ask: { help: 'boolean', jsonl: 'boolean', json: 'boolean', policy: 'string' },
  review: { help: 'boolean', jsonl: 'boolean', json: 'boolean', policy: 'string', strategy: 'string', platform: 'string' },
  quiz: { help: 'boolean' },
  utterances: { help: 'boolean' },
};

class UsageError extends Error {}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (lower === 'twitter') return 'x' as T;
  if (!(allowed as readonly string[]).includes(lower)) throw new UsageError(`--${flag} must be one of: ${allowed.join(', ')} (got "${value}").`);
  return lower as T;
}

function bootFor(args: ParsedArgs): Core {
  const policyFile = stringFlag(args, 'policy');
  const policy: OrgProfile | undefined = policyFile ? loadPolicyFile(policyFile) : undefined;
  return bootCore(policy ? { policy } : {});
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function textArgument(args: ParsedArgs, io: CliIo, what: string, command: string): Promise<string> {
  if (args.positionals.length === 1 && args.positionals[0] === '-') return readAll(io.stdin);
  if (args.positionals.length === 0) throw new UsageError(`Missing the ${what}. Try: social-check ${command} "…" (or --help).`);
  const text = args.positionals.join(' ');
  if (text.trim() === '') throw new UsageError(`The ${what} is empty.`);
  return text;
}

async function ask(args: ParsedArgs, io: CliIo): Promise<number> {
  const core = bootFor(args);
  const message = (text: string) => ({
    platform: 'cli' as const,
    user: { id: 'cli' },
    conversation: { id: 'cli', kind: 'direct' as const },
    text,
    mode: 'ask' as const,
    private: true,
  });
  if (args.flags.has('jsonl')) {
    if (args.positionals.length > 0) throw new UsageError('--jsonl reads questions from stdin; do not pass a question as well.');
    await runBatch(io.stdin, io.stdout, async (_id, text) => {
      const reply = await core.handle(message(text));
      return { topic: reply.meta?.topic ?? 'out-of-scope', confidence: reply.meta?.confidence ?? 0, answer: reply.text };
    });
    return 0;
  }
  const text = await textArgument(args, io, 'question', 'ask');
  const reply = await core.handle(message(text));
  if (reply.kind === 'error') {
    io.stderr.write(`${reply.text}\n`);
    return 1;
  }
  if (args.flags.has('json')) {
    io.stdout.write(`${JSON.stringify({ topic: reply.meta?.topic, confidence: reply.meta?.confidence, answer: reply.text })}\n`);
  } else {
    io.stdout.write(`${reply.text}\n`);
  }
  return 0;
}

async function review(args: ParsedArgs, io: CliIo): Promise<number> {
  const strategy = oneOf<StrategyId>(stringFlag(args, 'strategy'), STRATEGIES, 'strategy');
  const platform = oneOf<SocialPlatform>(stringFlag(args, 'platform'), SOCIAL_PLATFORMS, 'platform');
  const core = bootFor(args);
  const options = { ...(strategy ? { strategy } : {}), ...(platform ? { platform } : {}) };
  if (args.flags.has('jsonl')) {
    if (args.positionals.length > 0) throw new UsageError('--jsonl reads drafts from stdin; do not pass a draft as well.');
    await runBatch(io.stdin, io.stdout, async (_id, text) => ({ ...(await reviewForCli(core, text, options)).json }));
    return 0;
  }
  const text = await textArgument(args, io, 'draft', 'review');
  if (text.length > MAX_TEXT_LENGTH) {
    throw new UsageError(`The draft is ${text.length} characters; no network takes more than ${MAX_TEXT_LENGTH}.`);
  }
  const result = await reviewForCli(core, text, options);
  io.stdout.write(args.flags.has('json') ? `${JSON.stringify(result.json)}\n` : `${result.human}\n`);
  return 0;
}

async function utterances(_args: ParsedArgs, io: CliIo): Promise<number> {
  const core = bootCore();
  for (const topic of core.content.topics) {
    for (const text of topic.examples) io.stdout.write(`${JSON.stringify({ topic: topic.id, text })}\n`);
  }
  return 0;
}

const COMMANDS: Record<string, (args: ParsedArgs, io: CliIo) => Promise<number>> = {
  ask,
  review,
  quiz: async (args, io) => {
    if (args.positionals.length > 0) throw new UsageError('quiz takes no arguments.');
    return runQuiz(bootCore(), io.stdin, io.stdout);
  },
  utterances: async (args, io) => {
    if (args.positionals.length > 0) throw new UsageError('utterances takes no arguments.');
    return utterances(args, io);
  },
};

/** Runs one command line; returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(`${MAIN_HELP}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write('social-check 0.1.0\n');
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr.write(`Unknown command "${command}". Commands: ${Object.keys(COMMANDS).join(', ')}. See social-check --help.\n`);
    return 2;
  }
  try {
    const args = parseArgs(rest, SPECS[command]!);
    if (args.flags.has('help')) {
      io.stdout.write(`${HELP[command]}\n`);
      return 0;
    }
    return await run(args, io);
  } catch (error) {
    if (error instanceof UsageError || isSocialCheckError(error, 'input_invalid')) {
      io.stderr.write(`social-check ${command}: ${(error as Error).message}\n`);
      return 2;
    }
    if (isSocialCheckError(error)) {
      io.stderr.write(`social-check ${command}: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`social-check ${command}: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 70;
  }
}
