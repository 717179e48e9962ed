// The small part of Eleventy's configuration API that Broadsheet uses (Eleventy ships no types).

export interface EleventyPageData {
  page: { url: string; outputPath: string; fileSlug: string };
  pagination?: { pageNumber: number; pages: unknown[]; items: unknown[] };
  [key: string]: unknown;
}

export interface JavaScriptTemplate {
  data: Record<string, unknown> | (() => Record<string, unknown>);
  render(this: unknown, data: EleventyPageData): string | Promise<string>;
}

export interface EleventyConfig {
  addTemplate(virtualPath: string, content: JavaScriptTemplate | string, data?: Record<string, unknown>): void;
  addGlobalData(name: string, data: unknown): void;
  addPlugin<T>(plugin: (config: EleventyConfig, options: T) => void, options?: T): void;
  setQuietMode(quiet: boolean): void;
  /** Eleventy events, e.g. `eleventy.after` with the pages written (used for the sitemap). */
  on(eventName: string, callback: (event: never) => unknown): void;
  setTemplateFormats(formats: string[]): void;
}

export type SitePlugin = (eleventyConfig: EleventyConfig, context: import('./site-context.ts').SiteContext) => void;
