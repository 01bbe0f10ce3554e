/**
 * A static check that a regular expression cannot backtrack catastrophically.
 * It refuses the shapes that cause exponential backtracking: a repeated group
 * that itself holds an unbounded quantifier ("(a+)+", "(?:x*y)*"), a group
 * repeated without bound that holds an alternation ("(a|ab)*"), and
 * backreferences. The timing test (test/review/regex-safety.test.ts) covers the
 * rest by running every rule's expression on adversarial input.
 */

export function unsafeRegexReason(source: string): string | undefined {
  interface Group {
    unbounded: boolean;
    quantified: boolean;
    alternation: boolean;
  }
  const stack: Group[] = [{ unbounded: false, quantified: false, alternation: false }];
  let i = 0;
  let lastAtomGroup: Group | undefined;
  const readQuantifier = (at: number): { length: number; unbounded: boolean; repeats: boolean } | undefined => {
    const ch = source[at];
    if (ch === '*' || ch === '+') return { length: source[at + 1] === '?' ? 2 : 1, unbounded: true, repeats: true };
    if (ch === '?') return { length: source[at + 1] === '?' ? 2 : 1, unbounded: false, repeats: false };
    if (ch === '{') {
      const match = /^\{(\d+)(,(\d*))?\}\??/.exec(source.slice(at, at + 16));
      if (!match) return undefined;
      const max = match[2] === undefined ? Number(match[1]) : match[3] === '' ? Infinity : Number(match[3]);
      return { length: match[0].length, unbounded: max === Infinity, repeats: max > 1 };
    }
    return undefined;
  };
  while (i < source.length) {
    const ch = source[i]!;
    let atomGroup: Group | undefined;
    if (ch === '\\') {
      if (/[1-9k]/.test(source[i + 1] ?? '')) return 'uses a backreference';
      i += 2;
    } else if (ch === '[') {
      i += 1;
      if (source[i] === '^') i += 1;
      if (source[i] === ']') i += 1;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i += 1;
    } else if (ch === '(') {
      stack.push({ unbounded: false, quantified: false, alternation: false });
      i += 1;
      if (source[i] === '?') {
        if (source[i + 1] === '<' && source[i + 2] !== '=' && source[i + 2] !== '!') {
          const close = source.indexOf('>', i);
          i = close < 0 ? i + 2 : close + 1;
        } else i += 2;
      }
      lastAtomGroup = undefined;
      continue;
    } else if (ch === ')') {
      if (stack.length < 2) return 'has an unbalanced ")"';
      atomGroup = stack.pop()!;
      i += 1;
    } else if (ch === '|') {
      stack[stack.length - 1]!.alternation = true;
      i += 1;
      lastAtomGroup = undefined;
      continue;
    } else {
      i += 1;
    }
    const quantifier = readQuantifier(i);
    const parent = stack[stack.length - 1]!;
    if (quantifier) {
      i += quantifier.length;
      if (atomGroup && quantifier.repeats) {
        if (atomGroup.unbounded) return 'repeats a group that holds an unbounded quantifier (nested quantifiers)';
        if (quantifier.unbounded && atomGroup.alternation) return 'repeats an alternation without bound';
      }
      if (quantifier.unbounded) parent.unbounded = true;
      if (atomGroup?.unbounded) parent.unbounded = true;
    } else if (atomGroup?.unbounded) {
      parent.unbounded = true;
    }
    lastAtomGroup = atomGroup;
  }
  void lastAtomGroup;
  if (stack.length !== 1) return 'has an unbalanced "("';
  return undefined;
}
