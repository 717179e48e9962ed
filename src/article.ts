// The archive's article record: what ingest writes as frontmatter and what the site reads.
// Documented field by field in docs/ingest.md ("Metadata") and the README.

import type { DateSource } from './ingest/dates.ts';

export interface ArticleSource {
  /** Path of the raw text, relative to the inbox (`sport/x.txt`). */
  path: string;
  /** `sha256:<hex>` of the raw bytes. */
  hash: string;
  /** Original URL, from the sidecar. */
  url?: string;
  /** Publisher or feed name, from the sidecar. */
  name?: string;
}

export interface ArticleFrontmatter {
  title: string;
  subtitle?: string;
  /** ISO 8601 with offset, e.g. `2025-11-05T09:30:00+00:00`. */
  date: string;
  dateSource: DateSource;
  /** ISO 8601 with offset: when the article was last updated, from an `Updated …` line in its text. */
  updated?: string;
  section?: string;
  authors: string[];
  tags: string[];
  people: string[];
  organizations: string[];
  places: string[];
  summary: string;
  wordCount: number;
  readingMinutes: number;
  language: string;
  slug: string;
  source: ArticleSource;
  /** Sidecar keys Broadsheet does not use, kept as given. */
  extra?: Record<string, unknown>;
  /** `sha256:<hex>` of the file as ingest wrote it: a different hash means a human edited it. */
  generated?: string;
}

/** Frontmatter keys in the order ingest writes them. */
export const FRONTMATTER_KEYS: Array<keyof ArticleFrontmatter> = [
  'title',
  'subtitle',
  'date',
  'dateSource',
  'updated',
  'section',
  'authors',
  'tags',
  'people',
  'organizations',
  'places',
  'summary',
  'wordCount',
  'readingMinutes',
  'language',
  'slug',
  'source',
  'extra',
  'generated',
];
