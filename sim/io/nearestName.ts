/**
 * Levenshtein edit distance: the least number of single-character insertions,
 * deletions and substitutions that turn `a` into `b`. O(|a|·|b|) time, O(|b|) memory.
 *
 * @param a first string
 * @param b second string
 * @returns the distance, a non-negative integer
 * @example
 * levenshtein('kitten', 'sitting'); // => 3
 */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/**
 * The known name closest to `name` by Levenshtein distance, ignoring case and
 * the separators `_`, `-` and space, or undefined when none is close enough
 * (distance above max(2, a third of the longer name)). Ties go to the earlier name.
 *
 * @param name the unknown name found in a file
 * @param known the names the file may use
 * @returns the nearest known name, or undefined
 * @example
 * nearestName('wait_second', ['waitSeconds', 'outcome']); // => 'waitSeconds'
 * nearestName('colour', ['agents']); // => undefined
 */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[_\-\s]/g, '');
  const target = norm(name);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = levenshtein(target, norm(candidate));
    const limit = Math.max(2, Math.floor(Math.max(target.length, candidate.length) / 3));
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * The message for an unknown column or field: suggests the nearest known name,
 * or lists the known names when none is close.
 *
 * @example
 * unknownNameMessage('column', 'agnets', ['intervalStart', 'agents']);
 * // => 'unknown column "agnets" (did you mean "agents"?)'
 */
export function unknownNameMessage(kind: string, name: string, known: readonly string[]): string {
  const nearest = nearestName(name, known);
  return nearest !== undefined
    ? `unknown ${kind} "${name}" (did you mean "${nearest}"?)`
    : `unknown ${kind} "${name}" (known: ${known.join(', ')})`;
}
