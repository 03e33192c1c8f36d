/**
 * A regex alternation of words, longest first: a regex alternation takes the first word that matches, so a
 * word must come before the shorter words it begins or ends with (大后天 before 后天, 国庆节 before 国庆).
 * The words are regex source as they are (none of the vocabularies needs escaping).
 */
export function longestFirst(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).join('|');
}
