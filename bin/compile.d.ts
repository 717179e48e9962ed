// Types of compile.js, for the tests that call it.
export interface CompiledBuildFolder {
  /** The folder the compiled modules are in. */
  folder: string;
  /** Whether this call compiled them; false when the folder was there already. */
  compiled: boolean;
  /** URL of the compiled CLI module. */
  main: string;
  /** Path of the compiled .eleventy.ts. */
  eleventyConfig: string;
  /** URL of the compiled parse worker. */
  parseWorker: URL;
}

export function compiledBuild(options?: { root?: string; cacheDir?: string }): Promise<CompiledBuildFolder | undefined>;

export function discardCompiled(folder: string): Promise<void>;
