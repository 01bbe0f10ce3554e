import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { splitFrontMatter } from './front-matter.ts';
import { TOPIC_IDS, type Topic, type TopicId } from './topics.ts';
import { ContentProblems, checkKeys, isRecord, isStringArray, nonEmptyString, readContentYaml } from './validate.ts';

export const MIN_EXAMPLES = 15;
export const ANSWER_WORDS = { min: 50, max: 190 } as const;

const TOPIC_KEYS = ['id', 'title', 'examples', 'related'] as const;

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function isTopicId(value: string): value is TopicId {
  return (TOPIC_IDS as readonly string[]).includes(value);
}

/** Reads every `content/topics/*.md`, validates it, and checks the set as a whole. */
export function loadTopics(dir: string, problems: ContentProblems): Topic[] {
  const topicsDir = join(dir, 'topics');
  if (!existsSync(topicsDir)) {
    problems.add(topicsDir, 'folder is missing');
    return [];
  }
  const topics: Topic[] = [];
  for (const name of readdirSync(topicsDir).filter((file) => file.endsWith('.md')).sort()) {
    const file = join('topics', name);
    const parsed = parseTopic(readFileSync(join(topicsDir, name), 'utf8'), file, problems);
    if (parsed) topics.push(parsed);
  }
  const seen = new Set<string>();
  for (const topic of topics) {
    if (seen.has(topic.id)) problems.add(topic.file, `duplicate topic id "${topic.id}"`);
    seen.add(topic.id);
  }
  for (const id of TOPIC_IDS) {
    if (!seen.has(id)) problems.add(join('topics', `${id}.md`), `topic "${id}" is missing (every contract topic needs a file)`);
  }
  for (const topic of topics) {
    for (const related of topic.related) {
      if (!seen.has(related)) problems.add(topic.file, `related topic "${related}" does not exist`);
    }
  }
  const exampleOwner = new Map<string, string>();
  for (const topic of topics) {
    for (const example of topic.examples) {
      const key = example.trim().toLowerCase();
      const owner = exampleOwner.get(key);
      if (owner && owner !== topic.id) problems.add(topic.file, `example "${example}" is also an example of "${owner}"`);
      exampleOwner.set(key, topic.id);
    }
  }
  return topics;
}

function parseTopic(source: string, file: string, problems: ContentProblems): Topic | undefined {
  let split;
  try {
    split = splitFrontMatter(source);
  } catch (error) {
    problems.add(file, `front matter is not valid YAML (${(error as Error).message.split('\n')[0]})`);
    return undefined;
  }
  if (!split || !isRecord(split.data)) {
    problems.add(file, 'must start with YAML front matter between --- lines');
    return undefined;
  }
  const data = split.data;
  const before = problems.problems.length;
  checkKeys(problems, file, '', data, TOPIC_KEYS);
  const id = data.id;
  if (!nonEmptyString(id) || !isTopicId(id)) problems.add(file, `id "${String(id)}" is not one of the contract's topic ids`);
  else if (basename(file, '.md') !== id) problems.add(file, `id "${id}" must match the file name`);
  if (!nonEmptyString(data.title) || data.title.length > 60) problems.add(file, 'title must be a string of at most 60 characters');
  if (!isStringArray(data.examples)) problems.add(file, 'examples must be a list of strings');
  else if (data.examples.length < MIN_EXAMPLES) problems.add(file, `needs at least ${MIN_EXAMPLES} examples (has ${data.examples.length})`);
  if (!isStringArray(data.related) || data.related.length === 0) problems.add(file, 'related must be a non-empty list of topic ids');
  else if (data.related.includes(String(id))) problems.add(file, 'related must not list the topic itself');
  const words = countWords(split.body);
  if (words < ANSWER_WORDS.min || words > ANSWER_WORDS.max) {
    problems.add(file, `answer has ${words} words; keep it between ${ANSWER_WORDS.min} and ${ANSWER_WORDS.max} for a chat message`);
  }
  if (!/(^|\n)Next step:/.test(split.body)) problems.add(file, 'answer needs a "Next step:" paragraph');
  if (problems.problems.length > before) return undefined;
  return {
    id: id as TopicId,
    title: data.title as string,
    examples: data.examples as string[],
    related: data.related as TopicId[],
    body: split.body,
    file,
  };
}

/** `content/out-of-scope.yaml`: questions the base does not cover, the negatives of question answering. */
export function loadOutOfScope(dir: string, problems: ContentProblems): string[] {
  const file = 'out-of-scope.yaml';
  const read = readContentYaml(join(dir, file), file, problems, 'file is missing');
  if (!read) return [];
  const { data } = read;
  if (!isRecord(data) || !isStringArray(data.examples)) {
    problems.add(file, 'must have `examples:`, a list of strings');
    return [];
  }
  return data.examples;
}
