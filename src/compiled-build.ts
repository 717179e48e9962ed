// Where the compiled build's modules are, for the two that are loaded by path rather than imported:
// Eleventy's configuration and the parse worker. bin/broadsheet.js sets this before it imports the
// compiled CLI (bin/compile.js); under tsx (the tests, or when compiling failed) it is absent and
// the TypeScript sources are loaded instead.
export interface CompiledBuild {
  /** The compiled .eleventy.ts, a path Eleventy imports. */
  eleventyConfig: string;
  /** The compiled parse-worker.ts, started as the parse pool's worker thread. */
  parseWorker: URL;
}

export const compiledBuild: CompiledBuild | undefined = (globalThis as { broadsheetCompiledBuild?: CompiledBuild }).broadsheetCompiledBuild;
