// Types for the parts of Eleventy and its dev server that Broadsheet calls (neither ships types).

declare module '@11ty/eleventy' {
  export default class Eleventy {
    constructor(input: string, output: string, options?: { quietMode?: boolean; configPath?: string; config?: (eleventyConfig: never) => void | Promise<void> });
    disableLogger(): void;
    write(): Promise<unknown>;
  }
}

declare module '@11ty/eleventy-dev-server' {
  interface DevServer {
    serve(port: number): void;
    reloadFiles(files: string[], useDomDiffingForHtml?: boolean): void;
    close(): Promise<void>;
    /** Resolves once the server listens. */
    ready(): Promise<void>;
    /** The URL of `pathname` under the path prefix, e.g. http://localhost:8080/news/; once listening. */
    getServerUrl(host: string, pathname?: string): string;
  }
  const EleventyDevServer: {
    getServer(name: string, dir: string, options?: { pathPrefix?: string; liveReload?: boolean; domDiff?: boolean }): DevServer;
  };
  export default EleventyDevServer;
}
