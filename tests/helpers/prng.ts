// A small seeded pseudo-random generator (mulberry32) for property tests and generated
// fixtures: the same seed gives the same sequence on every machine, so a failure can be replayed.

export class Prng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
}

const WORDS = (
  'the council harbour plan vote minister report river market school railway budget storm ' +
  'village court museum festival election hospital bridge farmers weather library theatre ' +
  'police union energy water housing exports season coach league museum archive island'
).split(' ');

/** A sentence of `words` plausible words, capitalised, ending with a full stop. */
export function sentence(prng: Prng, words: number): string {
  const list = Array.from({ length: words }, () => prng.pick(WORDS));
  list.push(String(prng.int(0, 99999)));
  const text = list.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** A paragraph of roughly `characters` characters, made of sentences. */
export function paragraph(prng: Prng, characters: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < characters) {
    const next = sentence(prng, prng.int(6, 18));
    parts.push(next);
    length += next.length + 1;
  }
  return parts.join(' ');
}
