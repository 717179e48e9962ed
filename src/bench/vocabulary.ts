// The synthetic archive's language: tens of thousands of pronounceable pseudo-words drawn with
// Zipf-like frequencies (a few very common, a long tail of rare ones, as in real text), and
// recurring people, organisations and places, so search and entity pages meet realistic data.

import { createRandom, type Random } from './prng.ts';

// Real function words take the top ranks, as they do in English news text.
const FUNCTION_WORDS = (
  'the of and to a in that is was for on with as by at he it said from his an be has have are ' +
  'had not but were this they which its after who their been will more one would also new than ' +
  'year we up there about two over into last people could she when all her out first other government ' +
  'can so years some if time what no only percent may most week told now three where before under'
).split(' ');

const ONSETS = ['b', 'br', 'c', 'ch', 'cl', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pl', 'pr', 'r', 's', 'sh', 'sk', 'st', 't', 'th', 'tr', 'v', 'w', 'z', ''];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io', 'ee', 'oa'];
const CODAS = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'rk', 'ng', 'x'];
const SUFFIXES = ['', '', '', 'ing', 'ed', 'er', 'ion', 'al', 'ity', 'ment', 'ous', 'ly', 's', 'es', 'ive'];

const ARABIC_CONSONANTS = [...'بتثجحخدذرزسشصضطظعغفقكلمنهوي'];
const ARABIC_VOWELS = ['ا', 'و', 'ي', '', '', ''];

/** A pseudo-English word of one to four syllables. */
function latinWord(random: Random): string {
  const syllables = 1 + Math.min(3, Math.floor(random.logNormal(1.2, 0.6)));
  let word = '';
  for (let i = 0; i < syllables; i++) word += random.pick(ONSETS) + random.pick(NUCLEI) + random.pick(CODAS);
  return word + random.pick(SUFFIXES);
}

function arabicWord(random: Random): string {
  const letters = random.int(3, 7);
  let word = '';
  for (let i = 0; i < letters; i++) word += random.pick(ARABIC_CONSONANTS) + (i % 2 === 1 ? random.pick(ARABIC_VOWELS) : '');
  return word;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `count` distinct words from `make`, in a fixed order (rank order for Zipf sampling). */
function distinctWords(random: Random, count: number, make: (random: Random) => string, seed: readonly string[] = []): string[] {
  const seen = new Set(seed);
  const words = [...seed];
  while (words.length < count) {
    const word = make(random);
    if (word.length < 2 || seen.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  return words;
}

/** Draws ranks 0..n-1 with probability proportional to 1 / (rank + offset)^exponent. */
export class ZipfSampler {
  private readonly cumulative: Float64Array;

  constructor(size: number, exponent = 1.05, offset = 2.7) {
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let rank = 0; rank < size; rank++) {
      total += 1 / (rank + offset) ** exponent;
      this.cumulative[rank] = total;
    }
    for (let rank = 0; rank < size; rank++) this.cumulative[rank]! /= total;
  }

  sample(random: Random): number {
    const target = random.next();
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

export interface Vocabulary {
  words: string[];
  arabicWords: string[];
  people: string[];
  organizations: string[];
  places: string[];
  authors: string[];
  wordRanks: ZipfSampler;
  arabicRanks: ZipfSampler;
  personRanks: ZipfSampler;
  organizationRanks: ZipfSampler;
  placeRanks: ZipfSampler;
}

export const VOCABULARY_SIZE = 60_000;

export function createVocabulary(seed: string): Vocabulary {
  const random = createRandom(`${seed}:vocabulary`);
  const words = distinctWords(random, VOCABULARY_SIZE, latinWord, FUNCTION_WORDS);
  const arabicWords = distinctWords(random, 8_000, arabicWord);
  const name = () => capitalise(latinWord(random).slice(0, 9));
  const people = distinctWords(random, 4_000, () => `${name()} ${name()}`);
  const ORGANIZATION_KINDS = ['Group', 'Bank', 'Council', 'Party', 'University', 'Holdings', 'Institute', 'Trust', 'Union', 'Agency', 'Motors', 'Energy'];
  const organizations = distinctWords(random, 1_200, () => `${name()} ${random.pick(ORGANIZATION_KINDS)}`);
  const PLACE_ENDINGS = ['', 'ton', 'ford', 'bury', 'ville', 'stad', 'ia', 'grad', 'port'];
  const places = distinctWords(random, 900, () => name() + random.pick(PLACE_ENDINGS));
  const authors = distinctWords(random, 300, () => `${name()} ${name()}`);
  return {
    words,
    arabicWords,
    people,
    organizations,
    places,
    authors,
    wordRanks: new ZipfSampler(words.length),
    arabicRanks: new ZipfSampler(arabicWords.length),
    personRanks: new ZipfSampler(people.length, 0.9),
    organizationRanks: new ZipfSampler(organizations.length, 0.9),
    placeRanks: new ZipfSampler(places.length, 0.9),
  };
}
