// The months' names of the other European languages an archive holds most (French, German, Spanish,
// Italian, Portuguese; Russian's in the genitive, as its dates write them), as datelines write a
// date with them (`15 mars 2024`, `1er mars 2024`, `15. März 2024`, `15 de marzo de 2024`, `15 марта
// 2024`): read as `15 March 2024` is.

// Each month's names, lower-case, without accents (`normaliseMonth`): French, German (Austria's
// `Jänner` too, and the names it shares with English, which `15. April 2024` writes otherwise),
// Spanish, Italian, Portuguese, Russian.
const NAMES: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['janvier', 'januar', 'janner', 'enero', 'gennaio', 'janeiro', 'января']],
  [2, ['fevrier', 'februar', 'febrero', 'febbraio', 'fevereiro', 'февраля']],
  [3, ['mars', 'marz', 'maerz', 'marzo', 'marco', 'марта']],
  [4, ['avril', 'april', 'abril', 'aprile', 'апреля']],
  [5, ['mai', 'mayo', 'maggio', 'maio', 'мая']],
  [6, ['juin', 'juni', 'junio', 'giugno', 'junho', 'июня']],
  [7, ['juillet', 'juli', 'julio', 'luglio', 'julho', 'июля']],
  [8, ['aout', 'august', 'agosto', 'августа']],
  [9, ['septembre', 'september', 'septiembre', 'setiembre', 'settembre', 'setembro', 'сентября']],
  [10, ['octobre', 'oktober', 'octubre', 'ottobre', 'outubro', 'октября']],
  [11, ['novembre', 'november', 'noviembre', 'novembro', 'ноября']],
  [12, ['decembre', 'dezember', 'diciembre', 'dicembre', 'dezembro', 'декабря']],
];

/** A month's name as the table holds it: lower-case, its accents left out (`Février` → `fevrier`, `März` → `marz`). */
function normaliseMonth(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

// A name as written: each unaccented letter that a language writes accented may be either.
const ACCENTED: Readonly<Record<string, string>> = { e: '[eéèêë]', a: '[aàâäã]', u: '[uûüú]', o: '[oôöó]', c: '[cç]', i: '[iíî]' };
const written = (name: string) => [...name].map((letter) => ACCENTED[letter] ?? letter).join('');

/** A month's name in one of these languages, as written (case-insensitive; the longest first). */
export const EUROPEAN_MONTH = NAMES.flatMap(([, names]) => names)
  .sort((a, b) => b.length - a.length)
  .map(written)
  .join('|');

// The day (`1er` in French, `15.` in German), `de` before the month and the year in Spanish and
// Portuguese (`del` too), then a year of four figures, or more to be named (`noSuchYear`), and
// Russian's "year" after it (`15 марта 2024 г.`, `2024 года`).
const DAY = '(\\d{1,2})(?:er|\\.)?';
const BEFORE_YEAR = '\\s+(?:del?\\s+)?';
const AFTER_YEAR = '(?:\\s*(?:г\\.|года)(?![\\u0400-\\u04ff]))?';
/** A date with a month's name in one of these languages: day, month and year (`15 mars 2024`). */
export const EUROPEAN_MONTH_DATE = `(?<!\\d)\\d{1,2}(?:er|\\.)?\\s+(?:de\\s+)?(?:${EUROPEAN_MONTH})(?![a-z\\u00c0-\\u024f\\u0400-\\u04ff])${BEFORE_YEAR}\\d{4,}(?!\\d)${AFTER_YEAR}`;

const WHOLE = new RegExp(`^${DAY}\\s+(?:de\\s+)?(${EUROPEAN_MONTH})${BEFORE_YEAR}(\\d{4,})${AFTER_YEAR}$`, 'iu');

/** A date with a month's name in one of these languages: its day, month and year; undefined when `text` is none. */
export function readEuropeanMonthDate(text: string): { year: number; month: number; day: number } | undefined {
  const match = WHOLE.exec(text.trim());
  if (!match) return undefined;
  const name = normaliseMonth(match[2]!);
  const month = NAMES.find(([, names]) => names.includes(name))?.[0];
  return month === undefined ? undefined : { year: Number(match[3]), month, day: Number(match[1]) };
}
