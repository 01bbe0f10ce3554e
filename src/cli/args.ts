import { SocialCheckError } from '../core/errors.ts';

/** Parsed command line: positional words and `--flag value` / `--flag` options. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/**
 * A small strict parser: every flag must be declared, a flag that needs a value
 * must get one, and `--` ends the options (so a draft may start with a dash).
 */
export function parseArgs(argv: readonly string[], spec: Record<string, 'boolean' | 'string'>): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      flags.set('help', true);
      continue;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const kind = spec[name];
    if (!kind) throw new SocialCheckError('input_invalid', `Unknown option --${name}.`);
    if (kind === 'boolean') {
      if (inline !== undefined) throw new SocialCheckError('input_invalid', `Option --${name} takes no value.`);
      flags.set(name, true);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new SocialCheckError('input_invalid', `Option --${name} needs a value.`);
    }
    flags.set(name, value);
  }
  return { positionals, flags };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}
