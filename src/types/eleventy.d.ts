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
    /** Read on every request (server.js, `mapUrlToFilePath`), so a new prefix takes effect at once. */
    options: { pathPrefix: string };
    /** The prefix with a slash at both ends, as the server keeps it. */
    cleanupPathPrefix(pathPrefix: string): string;
  }
  /** Connect-style: runs after the server's own scripts and live-reload socket, before its files. */
  type Middleware = (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse, next: () => void) => void;
  const EleventyDevServer: {
    getServer(name: string, dir: string, options?: { pathPrefix?: string; liveReload?: boolean; domDiff?: boolean; middleware?: Middleware[] }): DevServer;
  };
  export default EleventyDevServer;
}
