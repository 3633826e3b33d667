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

/** The tokens a text is indexed under. */
export const indexTokens = (text: string): string[] => {
  const tokens = new Set<string>();
  for (const run of normalize(text).split(' ').filter(Boolean)) {
    if (/^[a-z0-9]+$/.test(run)) {
      tokens.add(run);
      continue;
    }
    const chars = [...run];
    chars.forEach((char, i) => {
      tokens.add(char);
      if (i + 1 < chars.length) tokens.add(char + chars[i + 1]);
    });
  }
  return [...tokens];
};

/** The tokens a query needs: pairs when it has them, else its single characters. */
export const queryTokens = (query: string): string[] => {
  const tokens = new Set<string>();
  for (const run of normalize(query).split(' ').filter(Boolean)) {
    if (/^[a-z0-9]+$/.test(run)) {
      tokens.add(run);
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) tokens.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) tokens.add(chars[i]! + chars[i + 1]);
  }
  return [...tokens];
};

/** What a library material is found by: its title, category and tags. */
export const materialTokens = (material: { title: string; category: string; tags: readonly string[] }): string[] => [
  ...new Set([material.title, material.category, ...material.tags].flatMap(indexTokens)),
];
