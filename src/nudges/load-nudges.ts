/**
 * Loads the nudge library: every `*.yaml` file in `<content>/nudges`, in file-name
 * order, each a list of tips. Problems are collected in `problems`, each naming
 * the file and the entry, so content authors can fix them without reading code.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TOPIC_IDS, type TopicId } from '../content/topics.ts';
import { checkKeys, isRecord, nonEmptyString, readContentYaml, type ContentProblems } from '../content/validate.ts';
import { MAX_NUDGE_TEXT, type Nudge } from './nudge-types.ts';

export type { Nudge } from './nudge-types.ts';

const KEYS = ['id', 'topic', 'title', 'text'] as const;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Words the command parser reserves, so a tip id never shadows them. */
const RESERVED_IDS = new Set(['next', 'list', 'cancel', 'schedule', 'help', 'here', 'weekly', 'cron', ...TOPIC_IDS]);

export function loadNudges(dir: string, problems: ContentProblems): Nudge[] {
  const folder = join(dir, 'nudges');
  let files: string[];
  try {
    files = readdirSync(folder).filter((name) => name.endsWith('.yaml') || name.endsWith('.yml')).sort();
  } catch {
    problems.add('nudges/', 'the nudge library folder is missing');
    return [];
  }
  const nudges: Nudge[] = [];
  const seen = new Map<string, string>();
  for (const name of files) {
    const file = `nudges/${name}`;
    const read = readContentYaml(join(folder, name), file, problems);
    if (!read) continue;
    const { data } = read;
    if (!Array.isArray(data)) {
      problems.add(file, 'must be a YAML list of tips (- id: ..., topic: ..., title: ..., text: ...)');
      continue;
    }
    data.forEach((entry: unknown, index) => {
      const where = `tip ${index + 1}: `;
      if (!isRecord(entry)) {
        problems.add(file, `${where}must be a mapping with ${KEYS.join(', ')}`);
        return;
      }
      checkKeys(problems, file, where, entry, KEYS);
      const { id, topic, title, text } = entry;
      let ok = true;
      if (!nonEmptyString(id) || !ID.test(id)) {
        problems.add(file, `${where}id must be kebab-case (lower-case letters, digits and dashes), got ${JSON.stringify(id)}`);
        ok = false;
      } else if (RESERVED_IDS.has(id)) {
        problems.add(file, `${where}id "${id}" is a command word or a topic id; pick another`);
        ok = false;
      } else if (seen.has(id)) {
        problems.add(file, `${where}duplicate id "${id}" (first in ${seen.get(id)})`);
        ok = false;
      }
      if (!nonEmptyString(topic) || !(TOPIC_IDS as readonly string[]).includes(topic)) {
        problems.add(file, `${where}topic ${JSON.stringify(topic)} is not a known topic id (see src/content/topics.ts)`);
        ok = false;
      }
      if (!nonEmptyString(title)) {
        problems.add(file, `${where}title is missing`);
        ok = false;
      }
      if (!nonEmptyString(text)) {
        problems.add(file, `${where}text is missing`);
        ok = false;
      } else if (text.trim().length > MAX_NUDGE_TEXT) {
        problems.add(file, `${where}text is ${text.trim().length} characters; keep tips under ${MAX_NUDGE_TEXT}`);
        ok = false;
      }
      if (!ok) return;
      seen.set(id as string, file);
      nudges.push({ id: id as string, topic: topic as TopicId, title: (title as string).trim(), text: (text as string).trim(), file });
    });
  }
  if (files.length > 0 && nudges.length === 0 && problems.problems.length === 0) problems.add('nudges/', 'the nudge library is empty');
  return nudges;
}
