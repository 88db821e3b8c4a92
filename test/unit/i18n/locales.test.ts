// Every locale says everything English says, with the same placeholders: a key missing in one
// language would show its raw name to that auditor, and a placeholder lost would drop a value
// (a file name, a count) from the sentence. A count's message is a plural group (`name_one`,
// `name_two`, `name_few`, `name_many`, `name_other`, read by tp()). Every locale carries the same
// keys, every form any shipped language uses; a form a language's own plural rules
// (Intl.PluralRules) never pick repeats its `_other` message, so nothing is written where it is never shown.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const DIR = fileURLToPath(new URL('../../../public/_locales/', import.meta.url));
const read = (lang: string) => JSON.parse(readFileSync(`${DIR}${lang}/messages.json`, 'utf8')) as Record<string, Entry>;
const en = read('en');
const locales = readdirSync(DIR).filter((lang) => lang !== 'en');

/** The named placeholders a message uses ($NAME$), lower-cased as Chrome resolves them. */
const used = (message: string) => [
  ...new Set(
    [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort((a, b) => a.localeCompare(b)),
  ),
];

const FORM = /^(.+)_(zero|one|two|few|many|other)$/;
/** The plural groups, by the English `_other` form that names them. */
const groups = new Set(
  Object.keys(en)
    .map((k) => /^(.+)_other$/.exec(k)?.[1])
    .filter((b): b is string => b !== undefined),
);
const groupOf = (key: string): string | null => {
  const base = FORM.exec(key)?.[1];
  return base !== undefined && groups.has(base) ? base : null;
};
/** Plural rules' categories of a locale folder's language ('zh_TW' -> zh-TW). */
const categoriesOf = (lang: string) => new Intl.PluralRules(lang.replace('_', '-')).resolvedOptions().pluralCategories;
/** Every form some shipped language uses: each group carries all of them, in every locale. */
const FORMS = new Set(['en', ...locales].flatMap(categoriesOf));
/** Every key each locale has: English's plain keys, and every group in every form. */
const expectedKeys = [
  ...Object.keys(en).filter((k) => groupOf(k) === null),
  ...[...groups].flatMap((g) => [...FORMS].map((c) => `${g}_${c}`)),
].sort();
/** The forms of `table` its language never picks, with a message other than its `_other` form's. */
const unusedFormsThatDiffer = (lang: string, table: Record<string, Entry>) => {
  const own = new Set<string>(categoriesOf(lang));
  return Object.keys(table).filter((k) => {
    const group = groupOf(k);
    return group !== null && !own.has(FORM.exec(k)![2]!) && table[k]!.message !== table[`${group}_other`]?.message;
  });
};
/** What English says for `key`: the key itself, or the `_other` form of its group. */
const english = (key: string): Entry | undefined => {
  const group = groupOf(key);
  return group === null ? en[key] : en[`${group}_other`];
};

describe('locales', () => {
  it('English uses every placeholder it declares, and declares every one it uses', () => {
    const wrong = Object.entries(en).filter(
      ([key, e]) =>
        // A "one" form may name its count in words ("one step") instead of the number.
        !(FORM.exec(key)?.[2] === 'one' && groupOf(key) !== null) &&
        JSON.stringify(used(e.message)) !==
          JSON.stringify(Object.keys(e.placeholders ?? {}).sort((a, b) => a.localeCompare(b))),
    );
    expect(wrong.map(([key]) => key)).toEqual([]);
  });

  it('English has every group in every form, the ones it never picks repeating its other form', () => {
    expect(Object.keys(en).sort()).toEqual(expectedKeys);
    expect(unusedFormsThatDiffer('en', en)).toEqual([]);
  });

  describe.each(locales)('%s', (lang) => {
    const table = read(lang);

    it('has exactly the keys English has', () => {
      expect(Object.keys(table).filter((k) => !(k in en))).toEqual([]);
      expect(Object.keys(en).filter((k) => !(k in table))).toEqual([]);
    });

    it('writes the forms its plural rules pick, and repeats its other form in the ones they never pick', () => {
      expect(unusedFormsThatDiffer(lang, table)).toEqual([]);
    });

    it('keeps every placeholder with the same content, and uses each one English uses', () => {
      const wrong = Object.entries(table)
        .filter(([key, mine]) => {
          const e = english(key);
          if (!e) return false;
          const same = JSON.stringify(mine.placeholders ?? {}) === JSON.stringify(e.placeholders ?? {});
          const mineUses = used(mine.message);
          const enUses = used(e.message);
          // A "one" form that covers only the number 1 (Hebrew's, English's) may say "one step"
          // in words; every other form shows every value English shows.
          const wordsForOne =
            FORM.exec(key)?.[2] === 'one' &&
            groupOf(key) !== null &&
            new Intl.PluralRules(lang.replace('_', '-')).select(21) !== 'one';
          const uses = wordsForOne
            ? mineUses.every((p) => enUses.includes(p))
            : JSON.stringify(mineUses) === JSON.stringify(enUses);
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
