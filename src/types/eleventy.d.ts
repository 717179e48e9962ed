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
    /**
     * Listens on `port`, on every interface (server.js: `this.server.listen({ port })`); called by
     * `serve` and again, on the next port, when the port is taken. Its own, not its API: Broadsheet
     * replaces it to listen on one address (src/cli/serve.ts).
     */
    _serverListen(port: number): void;
    /** The HTTP server, made on first use. */
    readonly server: import('node:http').Server;
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
    getServer(
      name: string,
      dir: string,
      options?: {
        pathPrefix?: string;
        liveReload?: boolean;
        domDiff?: boolean;
        middleware?: Middleware[];
        /** List the machine's network addresses in the start message (`hosts`), not only localhost. */
        showAllHosts?: boolean;
        /** The line logged once listening; `hosts` are the server's URLs. */
        messageOnStart?: (details: { hosts: string[] }) => string;
      },
    ): DevServer;
  };
  export default EleventyDevServer;
}
