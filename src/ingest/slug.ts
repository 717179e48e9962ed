// Readable, safe URL slugs from titles: Latin transliteration where a table exists (Arabic,
// Hebrew, Cyrillic, Greek, accented Latin), a stable short id where it does not.

const TRANSLITERATION: Record<string, string> = {
  // Arabic (a simple, readable scheme; vowels are not written in Arabic script).
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ٱ: 'a', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd',
  ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: '', غ: 'gh', ف: 'f',
  ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', و: 'w', ؤ: 'w', ي: 'y', ى: 'a', ئ: 'y', ة: 'a',
  ء: '', پ: 'p', چ: 'ch', ژ: 'zh', گ: 'g', ک: 'k', ی: 'y',
  '٠': '0', '١': '1', '٢': '2', '٣': '3', '٤': '4', '٥': '5', '٦': '6', '٧': '7', '٨': '8', '٩': '9',
  // Hebrew.
  א: 'a', ב: 'b', ג: 'g', ד: 'd', ה: 'h', ו: 'v', ז: 'z', ח: 'ch', ט: 't', י: 'y', כ: 'k', ך: 'k',
  ל: 'l', מ: 'm', ם: 'm', נ: 'n', ן: 'n', ס: 's', ע: '', פ: 'p', ף: 'f', צ: 'ts', ץ: 'ts', ק: 'k',
  ר: 'r', ש: 'sh', ת: 't',
  // Cyrillic.
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye',
  // Greek.
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm',
  ν: 'n', ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
  // Latin letters that do not decompose.
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h',
  '&': ' and ',
};

export const MAX_SLUG_LENGTH = 80;

/**
 * A year as a URL path segment: four digits, zero-padded (`99` → `0099`), the way article URLs
 * (`/0099/slug/`) and the date archive (`/archive/0099/`) both write it, so links between them
 * resolve and years sort as text. Years are 1–9999 (dates.ts).
 */
export function yearSegment(year: number): string {
  return String(year).padStart(4, '0');
}
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;

export function transliterate(text: string): string {
  // ASCII needs no normalising or decomposing, and its only entry in the table is '&'.
  // eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase().replaceAll('&', TRANSLITERATION['&']!);
  let out = '';
  // Look letters up before decomposing them: NFKD would turn إ into ا + a mark and й into и + a
  // mark, losing the table's own readings; letters without an entry lose their accents.
  for (const char of text.normalize('NFC').toLowerCase()) {
    const known = TRANSLITERATION[char];
    if (known !== undefined) {
      out += known;
      continue;
    }
    for (const part of char.normalize('NFKD')) {
      if (!/\p{M}/u.test(part)) out += TRANSLITERATION[part] ?? part;
    }
  }
  return out;
}

// Invisible characters that never part two words: a soft hyphen (`Bun\u00addes\u00adtag` shows as
// Bundestag), joiners, direction marks and controls, a BOM. The slug would split the word there
// (`bun-des-tag`). A zero-width space (U+200B) does mark a word break, and stays one.
const INVISIBLE_IN_WORDS = /(?!\u200b)\p{Cf}/gu;

/**
 * A slug for a title: lower-case ASCII letters, digits and single hyphens, at most
 * MAX_SLUG_LENGTH characters, cut at a word boundary. Falls back to `article-<id>` when the
 * title yields too little readable text (Chinese, emoji, punctuation only).
 */
export function slugify(title: string, fallbackId: string): string {
  const words = transliterate(title.replace(INVISIBLE_IN_WORDS, ''))
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) {
      if (!slug) slug = word.slice(0, MAX_SLUG_LENGTH);
      break;
    }
    slug = next;
  }
  const letters = slug.replace(/[^a-z]/g, '').length;
  // A title in a script without a table gives too few letters to be a readable name.
  if (letters < 3 || !isMostlyTransliterated(title)) return `article-${fallbackId}`;
  if (WINDOWS_RESERVED.test(slug)) slug = `${slug}-article`;
  return slug;
}

/**
 * True when transliteration keeps at least a quarter of the title's letters as Latin letters
 * (a Chinese title with one English word is not named by that word). Measured on the whole
 * title, before the slug is cut to length.
 */
function isMostlyTransliterated(title: string): boolean {
  const source = title.match(/\p{L}/gu)?.length ?? 0;
  const latin = transliterate(title).match(/[a-z]/g)?.length ?? 0;
  return latin >= Math.floor(source / 4);
}
