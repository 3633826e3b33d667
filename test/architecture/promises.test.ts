/**
 * docs/promises.md names, for each promise the system keeps, the tests that prove it: each one it
 * names must exist, so that renaming or deleting a test cannot quietly leave a promise unproven.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const PROMISES = fs.readFileSync(path.join(ROOT, 'docs/promises.md'), 'utf8');

/** Every `file` › “test name” of the page. */
const citations = [...PROMISES.matchAll(/`([^`]+\.test\.tsx?)` › “([^”]+)”/g)].map(([, file, name]) => ({ file: file!, name: name! }));

/** A test, describe or it.each of that name: its title as a string literal, first in a call. */
const declares = (source: string, name: string) =>
  new RegExp(`\\(\\s*(['"\`])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1`).test(source);

describe('docs/promises.md', () => {
  it('cites a test for every promise', () => {
    const sections = PROMISES.split(/^## /m).slice(1);
    expect(sections.length).toBeGreaterThanOrEqual(10);
    for (const section of sections) {
      expect({ section: section.split('\n')[0], cites: /` › “/.test(section) }).toEqual({ section: section.split('\n')[0], cites: true });
    }
    expect(citations.length).toBeGreaterThanOrEqual(50);
  });

  it.each(citations.map(({ file, name }) => [file, name] as const))('cites %s › %s, which exists', (file, name) => {
    const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
    expect(declares(source, name)).toBe(true);
  });
});
