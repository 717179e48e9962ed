// Finds the people, organisations and places an English article mentions: capitalised word
// sequences, classified by gazetteers, name cues (titles, `said`, given names) and the article's
// own usage, with surnames resolved to the full name the article gives. Rule-based and fast.

import { ZONE_ABBREVIATIONS } from '../dates.ts';
import { looksLikeHeading } from '../segment.ts';
import { canonicalName, DEFAULT_ENTITY_RULES, foldName, type EntityKind, type EntityRules } from './entity-rules.ts';
import {
  DEMONYMS,
  GIVEN_NAMES,
  KNOWN_ORGANIZATIONS,
  NEVER_NAMES,
  ORGANIZATION_WORDS,
  PERSON_TITLES,
  PERSON_VERBS,
  PLACE_ENDINGS,
  PLACES,
  WORK_ENDINGS,
} from './gazetteers.ts';

export interface EntityText {
  title: string;
  subtitle?: string | undefined;
  blocks: ReadonlyArray<{ kind: 'paragraph' | 'heading'; text: string }>;
}

export interface ExtractedEntities {
  people: string[];
  organizations: string[];
  places: string[];
}

/** At most this many names of each kind per article, the most mentioned first. */
export const MAX_ENTITIES_PER_KIND = 25;

// Lower-case particles inside names (`Khalil al-Hayya`, `Ludwig van Beethoven`, `Bank of England`).
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'abu', 'de', 'del', 'della', 'da', 'di', 'du', 'van', 'von', 'der', 'den', 'le', 'la', 'dos', 'das', 'of', '&', 'and']);
const JOINED_PARTICLE = /^(?:al|el|ad|ash|as|at|ar|an|bin|ibn|abu|de|del|da|di|du|la|le|van|von|der|dos|das)-\p{Lu}/u;
// Lower-case roles before a name: `envoy Steve Witkoff`, `striker Thierry Henry`.
const ROLE_WORDS = new Set(
  'envoy president minister secretary spokesman spokeswoman spokesperson chairman chairwoman negotiator coach manager striker midfielder defender goalkeeper singer actor actress director executive analyst economist professor senator governor mayor ambassador judge colleague son daughter wife husband brother sister father mother rapper writer author presenter correspondent commissioner premier chancellor sheikh king queen prince'.split(' '),
);
const ABBREVIATIONS = new Set(['Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'Gen.', 'Col.', 'Capt.', 'Lt.', 'Sgt.', 'Adm.', 'Gov.', 'Sen.', 'Rep.', 'Rev.', 'St.', 'Inc.', 'Ltd.', 'Co.', 'Corp.', 'Maj.', 'No.', 'Jr.', 'Sr.']);
const COUNTRY_CODES = new Set(['US', 'U.S.', 'UK', 'U.K.', 'EU', 'UN', 'USA']);
// Short words that are capitals in shouted text, not acronyms; Roman numerals (`England XV`).
const SHOUTED_WORDS = new Set('A AN AND ARE AS AT BE BUT BY FOR HAS HAD HE HIS IN IS IT ITS NO NOT OF ON OR OUT SO THE TO UP WAS WE WHO WHY YES YOU AGM'.split(' '));
const ROMAN_NUMERAL = /^[IVXLC]+$/;
const INITIALISM = /^(?:\p{Lu}\.){2,}$/u;
const ACRONYM = /^[\p{Lu}][\p{Lu}\d&]{1,5}$/u;
// A word, with the symbols that belong to it as the text writes it: a dot before its letters
// (`.NET`, not a sentence's end), a star, plus or exclamation mark between them (`E*TRADE`),
// pluses or hashes after them (`C++`, `C#`, `Disney+`) and an exclamation mark after them when
// the sentence goes on in lower case (`Yahoo! said`). They were tokens of their own, so `.NET`
// was the organisation "NET" and `Yahoo!` was "Yahoo". Anything else that is not a letter or
// digit is a token by itself.
const TOKEN = /(?:(?<![^\s([“"‘])\.(?=\p{L}))?[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}'’.&-]|[*+!](?=[\p{L}\p{N}]))*(?:[+#]+(?![\p{L}\p{N}])|!(?=\s+\p{Ll}))?|[^\s\p{L}\p{N}]/gu;
// The letters of a word without the symbols TOKEN keeps with it: what gazetteers and the acronym
// rule compare (`Yahoo!` is the known organisation Yahoo, `E*TRADE` an acronym).
const nameLetters = (name: string) => name.replace(/^\.|[*+#!]/g, '');
// Most tokens are plain lower-case words: no dot, apostrophe, hyphen or capital, so none of the
// Unicode tests in scanLine can change or capitalise them (shouting only title-cases, which
// leaves a lower-case first letter as it is). They skip straight to the lower-case branch.
const PLAIN_WORD = /^[a-z0-9]+$/;
// What may follow a run of ASCII lower-case letters and digits in TOKEN's word (a letter, digit,
// mark, or one of `'’.&-*+!#`): when the next character is none of these, the run is the whole
// token, and scanLine takes it without running TOKEN (most tokens are such words).
const WORD_GOES_ON = /[^\t\n\v\f\r ,;:?"()[\]/%$@<=>^_`{|}~]/y;
// A character TOKEN skips between tokens; only ASCII is looked at here, the rest is left to TOKEN.
const isAsciiSpace = (code: number) => code === 32 || (code >= 9 && code <= 13);
const isPlainCode = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
// ASCII punctuation but the dot (which may start `.NET`): always a token by itself.
const isAsciiPunctuation = (code: number) => (code >= 33 && code <= 47 && code !== 46) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
const ASCII_LOWER = /[a-z]/;
const SENTENCE_PUNCTUATION = new Set(['.', '!', '?', '…']);
const OPENERS = new Set(['“', '"', '‘', ':', '(', '[', '—', '–']);

interface Mention {
  tokens: string[];
  /** First word of a sentence: its capital letter says nothing. */
  initial: boolean;
  /** A title or role marks it as a person (`Mr.`, `envoy`). */
  personCue: boolean;
  /** `said`, `told`: a weaker cue (companies speak too), only trusted on a full name. */
  verbCue: boolean;
}

const isCapitalised = (token: string) => /^\.?\p{Lu}/u.test(token) || JOINED_PARTICLE.test(token);
const isShouted = (token: string) => token.length >= 4 && /^[\p{Lu}'’-]+$/u.test(token) && /\p{Lu}{4}/u.test(token);
const titleCase = (token: string) => token.charAt(0) + token.slice(1).toLowerCase();

/** Splits one line of text into capitalised-sequence mentions. */
function scanLine(text: string, mentions: Mention[], lowerWords: Set<string>, shoutedLine: boolean): void {
  let current: string[] = [];
  let currentInitial = false;
  let cue = false;
  let sentenceStart = true;
  let previousWord = '';
  // `Tomas Berg, who runs…`: a name the next clause calls `who` is a person's.
  let beforeComma: Mention | undefined;
  // The last token ended a time (`9:00`, `9.30`, `a.m.`, `PM`): capitals next are its zone (`9:00 a.m. PDT`).
  let afterTime = false;
  let afterColon = false;

  const flush = (nextWord: string) => {
    if (current.length > 0) {
      while (current.length > 0 && PARTICLES.has(current[current.length - 1]!)) current.pop();
      if (current.length > 0) {
        const personCue = cue || ROLE_WORDS.has(previousWord);
        const verbCue = PERSON_VERBS.has(nextWord) || previousWord === 'said';
        mentions.push({ tokens: current, initial: currentInitial, personCue, verbCue });
        // Only an array a mention took is replaced: most flushes (one per lower-case word) find none.
        current = [];
      }
    }
    cue = false;
  };

  const takeLowerCaseWord = (lower: string) => {
    if (lower === 'who' && beforeComma) beforeComma.verbCue = true;
    flush(lower);
    lowerWords.add(lower);
    previousWord = lower;
  };

  // TOKEN's matches, as matchAll gives them, but a plain lower-case word followed by a space or
  // punctuation is cut out by hand: building a match object for each word was most of scanLine.
  let at = 0;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (isAsciiSpace(code)) {
      at++;
      continue;
    }
    let token: string;
    let plain = false;
    let end = at;
    if (isPlainCode(code)) {
      do end++;
      while (end < text.length && isPlainCode(text.charCodeAt(end)));
      WORD_GOES_ON.lastIndex = end;
      plain = !WORD_GOES_ON.test(text);
    }
    if (plain) {
      token = text.slice(at, end);
      at = end;
    } else if (isAsciiPunctuation(code)) {
      token = text.charAt(at);
      at++;
    } else {
      TOKEN.lastIndex = at;
      const match = TOKEN.exec(text);
      if (!match) break;
      token = match[0];
      at = match.index + token.length;
      plain = PLAIN_WORD.test(token);
    }
    if (plain) {
      afterTime = afterColon ? /^\d{2}$/.test(token) : token === 'am' || token === 'pm';
      afterColon = false;
      if (current.length > 0 && PARTICLES.has(token)) current.push(token);
      else takeLowerCaseWord(token);
      beforeComma = undefined;
      sentenceStart = false;
      continue;
    }
    if (!/^\.?[\p{L}\p{N}]/u.test(token)) {
      afterTime &&= token === '(';
      afterColon = token === ':';
      const count = mentions.length;
      flush('');
      beforeComma = token === ',' && mentions.length > count ? mentions[mentions.length - 1] : undefined;
      previousWord = '';
      if (SENTENCE_PUNCTUATION.has(token) || OPENERS.has(token)) sentenceStart = true;
      continue;
    }
    let endsSentence = false;
    let endsName = false;
    if (token.endsWith('.') && !INITIALISM.test(token) && !ABBREVIATIONS.has(token)) {
      token = token.replace(/\.+$/, '');
      endsSentence = true;
    }
    if (/['’]s$/u.test(token)) {
      token = token.slice(0, -2);
      endsName = true;
    } else if (/s['’]$/u.test(token) || /['’-]$/u.test(token)) {
      token = token.slice(0, -1);
      endsName = true;
    }
    // `Trump-era`, `Hamas-run`: the name before a lower-case compound.
    const compound = /^(\.?\p{Lu}[\p{L}\p{M}'’.&*+#!]*)-\p{Ll}/u.exec(token);
    if (compound && !JOINED_PARTICLE.test(token)) {
      token = compound[1]!;
      endsName = true;
    }
    if (shoutedLine || isShouted(token)) token = /^(?:\p{Lu}\.)+$/u.test(token) || token.length <= 3 ? token : titleCase(token);

    // A time's zone (`PDT`, `HKT` after `9:00 a.m.`), or a zone Broadsheet knows anywhere, is no name.
    const zone = ZONE_ABBREVIATIONS.has(token) || (afterTime && /^\p{Lu}{2,5}$/u.test(token));
    afterTime = /^(?:[ap]\.?m|\d{1,2}\.\d{2})$/i.test(token);
    afterColon = false;
    if (zone) {
      takeLowerCaseWord(token.toLowerCase());
    } else if (isCapitalised(token)) {
      if (current.length === 0) {
        currentInitial = sentenceStart;
      }
      if (PERSON_TITLES.has(token) && current.every((word) => PERSON_TITLES.has(word) || NEVER_NAMES.has(word) || DEMONYMS.has(word))) cue = true;
      current.push(token);
    } else if (current.length > 0 && PARTICLES.has(token)) {
      current.push(token);
    } else {
      takeLowerCaseWord(token.toLowerCase());
    }
    beforeComma = undefined;
    sentenceStart = false;
    if (endsName || endsSentence) {
      flush('');
      previousWord = '';
    }
    if (endsSentence) sentenceStart = true;
  }
  flush('');
}

/**
 * `Bank of England` and `Gulf of Mexico` are one name (one word before `of`);
 * `Inspector Paul Miller of Thames Valley Police` is a person and a body.
 */
function splitAtOf(mention: Mention): Mention[] {
  const at = mention.tokens.indexOf('of');
  if (at === -1) return [mention];
  const head = mention.tokens.slice(0, at).filter((token) => !NEVER_NAMES.has(token) && !DEMONYMS.has(token));
  if (head.length <= 1) return [mention];
  return [
    { ...mention, tokens: mention.tokens.slice(0, at), verbCue: false },
    ...splitAtOf({ ...mention, tokens: mention.tokens.slice(at + 1), initial: false, personCue: false }),
  ].filter((part) => part.tokens.length > 0);
}

/** `Securities and Exchange Commission` is one name; `Israel and Hamas` are two. */
function splitAtAnd(mention: Mention): Mention[] {
  const at = mention.tokens.indexOf('and');
  if (at === -1) return [mention];
  const last = mention.tokens[mention.tokens.length - 1]!;
  if (ORGANIZATION_WORDS.has(last) || KNOWN_ORGANIZATIONS.has(mention.tokens.join(' '))) return [mention];
  const before = mention.tokens.slice(0, at).filter((token) => token !== 'and');
  const after = mention.tokens.slice(at + 1);
  return [
    ...(before.length > 0 ? [{ ...mention, tokens: before, verbCue: false }] : []),
    ...(after.length > 0 ? splitAtAnd({ ...mention, tokens: after, initial: false, personCue: false }) : []),
  ];
}

/** Leading titles, sentence starters and demonyms come off a mention (`President Donald Trump`). */
function trimMention(mention: Mention): Mention | undefined {
  const tokens = [...mention.tokens];
  let initial = mention.initial;
  let cue = mention.personCue;
  // `General Motors`, `Prince Charles Hospital`: a title at the start of a body's name stays.
  const isBody = tokens.length > 1 && ORGANIZATION_WORDS.has(tokens[tokens.length - 1]!);
  while (tokens.length > 0) {
    const first = tokens[0]!;
    if (isBody && (PERSON_TITLES.has(first) || DEMONYMS.has(first))) break;
    const rest = tokens.join(' ');
    if (KNOWN_ORGANIZATIONS.has(rest) || PLACES.has(rest)) break;
    if (PERSON_TITLES.has(first)) {
      if (tokens.length > 1) cue = true;
    } else if (!NEVER_NAMES.has(first) && !DEMONYMS.has(first) && !PARTICLES.has(first)) {
      break;
    }
    // Only a title names a person; `Mr. al-Hayya` keeps its cue, `The Facts` loses its start.
    if (tokens.length === 1) return undefined;
    tokens.shift();
    initial = false;
  }
  if (tokens.length === 0) return undefined;
  // `Cinematographer John Mathieson`, `Beatle George Harrison`: a capitalised role before a given name.
  if (tokens.length >= 3 && GIVEN_NAMES.has(tokens[1]!) && !GIVEN_NAMES.has(tokens[0]!) && /^\p{Lu}\p{Ll}/u.test(tokens[0]!)) {
    tokens.shift();
    cue = true;
  }
  // `US State Department`, `US Federal Reserve`: a country in front of a body only qualifies it.
  if (tokens.length > 2) {
    const rest = tokens.slice(1);
    if (KNOWN_ORGANIZATIONS.has(rest.join(' ')) || (COUNTRY_CODES.has(tokens[0]!) && ORGANIZATION_WORDS.has(rest[rest.length - 1]!))) tokens.shift();
  }
  return { tokens, initial, personCue: cue, verbCue: mention.verbCue };
}

function classify(name: string, tokens: string[], rules: EntityRules): EntityKind | undefined {
  const forced = rules.kinds.get(foldName(name));
  if (forced) return forced;
  const letters = nameLetters(name);
  if (KNOWN_ORGANIZATIONS.has(name) || KNOWN_ORGANIZATIONS.has(letters)) return 'organization';
  if (PLACES.has(name)) return 'place';
  if (tokens.length >= 2) {
    if (ORGANIZATION_WORDS.has(tokens[tokens.length - 1]!)) return 'organization';
    if (ORGANIZATION_WORDS.has(tokens[0]!) && tokens.includes('of')) return 'organization';
  }
  if (tokens.length === 1 && ACRONYM.test(letters) && !NEVER_NAMES.has(name) && !SHOUTED_WORDS.has(name) && !ROMAN_NUMERAL.test(name)) return 'organization';
  return undefined;
}

const looksLikePersonName = (tokens: string[]) =>
  tokens.length >= 2 &&
  tokens.length <= 4 &&
  tokens.every((token) => (isCapitalised(token) || PARTICLES.has(token)) && token !== 'of' && token !== '&' && !/\d/.test(token)) &&
  !tokens.some((token) => NEVER_NAMES.has(token) || DEMONYMS.has(token) || ORGANIZATION_WORDS.has(token) || PLACES.has(token) || ACRONYM.test(token)) &&
  !WORK_ENDINGS.has(tokens[tokens.length - 1]!) &&
  !PLACE_ENDINGS.has(tokens[tokens.length - 1]!);

interface Candidate {
  name: string;
  tokens: string[];
  count: number;
  firstSeen: number;
  /** Seen other than as a sentence's first word. */
  midSentence: boolean;
  personCue: boolean;
  verbCue: boolean;
}

/** People, organisations and places named in an article; empty for languages other than English. */
export function extractEntities(text: EntityText, language: string, rules: EntityRules = DEFAULT_ENTITY_RULES): ExtractedEntities {
  const empty: ExtractedEntities = { people: [], organizations: [], places: [] };
  if (!/^en(?:-|$)/i.test(language)) return empty;

  const mentions: Mention[] = [];
  const lowerWords = new Set<string>();
  const title = text.title.replace(/^[\p{Lu}][\p{L}' ]{1,30}:\s+/u, '');
  // Title-case and all-caps headlines capitalise every word: they add no evidence.
  if (!looksLikeHeading(title) && title !== title.toUpperCase()) scanLine(title, mentions, lowerWords, false);
  if (text.subtitle) scanLine(text.subtitle, mentions, lowerWords, false);
  for (const block of text.blocks) {
    if (block.kind !== 'paragraph') continue;
    // An ASCII lower-case letter settles it without upper-casing the paragraph (a copy of each).
    const shouted = block.text.length > 20 && !ASCII_LOWER.test(block.text) && block.text === block.text.toUpperCase() && /\p{Lu}{4}/u.test(block.text);
    // A line break the source kept (a table, an address) ends a name: `The Editor` / `Harbour Gazette`.
    if (block.text.includes('\n')) for (const line of block.text.split('\n')) scanLine(line, mentions, lowerWords, shouted);
    else scanLine(block.text, mentions, lowerWords, shouted);
  }

  const candidates = new Map<string, Candidate>();
  let order = 0;
  for (const raw of mentions.flatMap(splitAtOf).flatMap(splitAtAnd)) {
    const mention = trimMention(raw);
    if (!mention) continue;
    const name = mention.tokens.join(' ');
    let candidate = candidates.get(name);
    if (!candidate) {
      candidate = { name, tokens: mention.tokens, count: 0, firstSeen: order++, midSentence: false, personCue: false, verbCue: false };
      candidates.set(name, candidate);
    }
    candidate.count++;
    if (!mention.initial) candidate.midSentence = true;
    if (mention.personCue) candidate.personCue = true;
    if (mention.verbCue) candidate.verbCue = true;
  }

  // By folded name: `Yahoo! said` and `Yahoo! News` (whose `!` ends the word, not the name) are one
  // organisation, under the spelling mentioned most.
  const found = new Map<string, { name: string; spelled: number; kind: EntityKind; count: number; firstSeen: number }>();
  const add = (name: string, kind: EntityKind, count: number, firstSeen: number) => {
    const canonical = canonicalName(name, rules);
    if (canonical === undefined) return;
    const folded = foldName(canonical);
    const finalKind = rules.kinds.get(folded) ?? kind;
    const entry = found.get(folded);
    if (entry) {
      entry.count += count;
      entry.firstSeen = Math.min(entry.firstSeen, firstSeen);
      if (count > entry.spelled) Object.assign(entry, { name: canonical, spelled: count });
    } else found.set(folded, { name: canonical, spelled: count, kind: finalKind, count, firstSeen });
  };

  // Full person names first, so that surnames can resolve to them.
  const surnames = new Map<string, Candidate>();
  // Surnames the article also uses alone with a title (`Mr. Witkoff`).
  const titledSurnames = new Set(
    [...candidates.values()].filter((candidate) => candidate.tokens.length === 1 && candidate.personCue).map((candidate) => candidate.name),
  );
  const people: Candidate[] = [];
  const rest: Candidate[] = [];
  for (const candidate of candidates.values()) {
    const aliased = canonicalName(candidate.name, rules);
    if (aliased === undefined) continue;
    const kind = classify(aliased, candidate.tokens, rules) ?? classify(candidate.name, candidate.tokens, rules);
    const surname = candidate.tokens[candidate.tokens.length - 1]!;
    if (
      kind === 'person' ||
      (kind === undefined &&
        looksLikePersonName(candidate.tokens) &&
        (GIVEN_NAMES.has(candidate.tokens[0]!) || candidate.personCue || candidate.verbCue || titledSurnames.has(surname)))
    ) {
      people.push(candidate);
      const known = surnames.get(surname);
      if (!known || candidate.count > known.count) surnames.set(surname, candidate);
    } else if (kind === undefined && candidate.tokens.length >= 2 && PLACE_ENDINGS.has(surname) && !candidate.tokens.includes('of')) {
      // `Baker Street`, `Wembley Stadium`: checked after people, so `Lois Lane` stays a person.
      add(candidate.name, 'place', candidate.count, candidate.firstSeen);
    } else if (kind) {
      if (candidate.midSentence || candidate.tokens.length > 1 || !lowerWords.has(candidate.name.toLowerCase())) {
        add(candidate.name, kind, candidate.count, candidate.firstSeen);
      }
    } else {
      rest.push(candidate);
    }
  }
  for (const person of people) add(person.name, 'person', person.count, person.firstSeen);
  // A first name alone (`wife Sharon`) is the one person the article names in full with it.
  const firstNames = new Map<string, Candidate | null>();
  for (const person of people) {
    const first = person.tokens[0]!;
    firstNames.set(first, firstNames.has(first) ? null : person);
  }
  for (const candidate of rest) {
    if (candidate.tokens.length !== 1) continue;
    const full = surnames.get(candidate.name) ?? (candidate.personCue ? firstNames.get(candidate.name) : undefined);
    if (full) {
      add(full.name, 'person', candidate.count, candidate.firstSeen);
    } else if (candidate.personCue && candidate.midSentence && !lowerWords.has(candidate.name.toLowerCase())) {
      // `Mr Blair said`: a surname alone; the archive index may resolve it across articles.
      add(candidate.name, 'person', candidate.count, candidate.firstSeen);
    }
  }

  const result: ExtractedEntities = { people: [], organizations: [], places: [] };
  const ranked = [...found.entries()].sort((a, b) => b[1].count - a[1].count || a[1].firstSeen - b[1].firstSeen);
  for (const [, entry] of ranked) {
    const { name } = entry;
    const list = entry.kind === 'person' ? result.people : entry.kind === 'organization' ? result.organizations : result.places;
    if (list.length < MAX_ENTITIES_PER_KIND) list.push(name);
  }
  return result;
}

/** Names given by hand or by a sidecar first, then the extracted ones not already there. */
export function mergeEntityLists(given: readonly string[], extracted: readonly string[]): string[] {
  const seen = new Set(given.map(foldName));
  return [...given, ...extracted.filter((name) => !seen.has(foldName(name)))];
}
