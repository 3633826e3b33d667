/**
 * Search for Chinese without word breaks: text is cut into overlapping character pairs (bigrams),
 * plus single characters so that a one-character query still finds something. A material matches
 * a query when it carries every token of the query. Latin words are kept whole, lower-cased.
 */

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, ' ')
    .trim();

/** The tokens of `text`: a Latin word whole, any other run of characters as `cut` cuts it. */
const tokens = (text: string, cut: (chars: string[]) => string[]): string[] => {
  const found = new Set<string>();
  for (const run of normalize(text).split(' ').filter(Boolean)) {
    if (/^[a-z0-9]+$/.test(run)) found.add(run);
    else for (const token of cut([...run])) found.add(token);
  }
  return [...found];
};

/** The tokens a text is indexed under: every character and every pair. */
export const indexTokens = (text: string): string[] =>
  tokens(text, (chars) => chars.flatMap((char, i) => (i + 1 < chars.length ? [char, char + chars[i + 1]] : [char])));

/** The tokens a query needs: pairs when it has them, else its single characters. */
export const queryTokens = (query: string): string[] =>
  tokens(query, (chars) => (chars.length === 1 ? chars : chars.slice(1).map((char, i) => chars[i] + char)));

/** What a library material is found by: its title, category and tags. */
export const materialTokens = (material: { title: string; category: string; tags: readonly string[] }): string[] => [
  ...new Set([material.title, material.category, ...material.tags].flatMap(indexTokens)),
];
