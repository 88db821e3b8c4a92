// Every locale says everything English says, with the same placeholders: a key missing in one
// language would show its raw name to that auditor, and a placeholder lost would drop a value
// (a file name, a count) from the sentence.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const DIR = fileURLToPath(new URL('../../../public/_locales/', import.meta.url));
const read = (lang: string) => JSON.parse(readFileSync(`${DIR}${lang}/messages.json`, 'utf8')) as Record<string, Entry>;
const en = read('en');
const locales = readdirSync(DIR).filter((lang) => lang !== 'en');

/** The named placeholders a message uses ($NAME$), lower-cased as Chrome resolves them. */
const used = (message: string) =>
  [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort((a, b) => a.localeCompare(b));

describe('locales', () => {
  it('English uses every placeholder it declares, and declares every one it uses', () => {
    const wrong = Object.entries(en).filter(
      ([, e]) =>
        JSON.stringify([...new Set(used(e.message))]) !==
        JSON.stringify(Object.keys(e.placeholders ?? {}).sort((a, b) => a.localeCompare(b))),
    );
    expect(wrong.map(([key]) => key)).toEqual([]);
  });

  describe.each(locales)('%s', (lang) => {
    const table = read(lang);

    it('has exactly the keys English has', () => {
      expect(Object.keys(table).filter((k) => !(k in en))).toEqual([]);
      expect(Object.keys(en).filter((k) => !(k in table))).toEqual([]);
    });

    it('keeps every placeholder with the same content, and uses each one English uses', () => {
      const wrong = Object.entries(en)
        .filter(([key, e]) => {
          const mine = table[key];
          if (!mine) return false;
          const same = JSON.stringify(mine.placeholders ?? {}) === JSON.stringify(e.placeholders ?? {});
          const uses =
            JSON.stringify([...new Set(used(mine.message))]) === JSON.stringify([...new Set(used(e.message))]);
          return !same || !uses;
        })
        .map(([key]) => key);
      expect(wrong).toEqual([]);
    });

    it('translates: no message is empty, and most differ from English', () => {
      expect(
        Object.entries(table)
          .filter(([, e]) => !e.message.trim())
          .map(([k]) => k),
      ).toEqual([]);
      const same = Object.keys(en).filter((k) => table[k]?.message === en[k]!.message);
      expect(same.length / Object.keys(en).length).toBeLessThan(0.1);
    });
  });
});
