// The single command-line entry behind every npm script: `broadsheet build|serve`.

import { BUILD_HELP, MAIN_HELP, parseBuildArgs, parseServeArgs, SERVE_HELP, UsageError } from './args.ts';
import { printProblems, runBuild } from './build.ts';
import { BENCH_HELP, parseBenchArgs, runBench } from '../bench/run-bench.ts';

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'build': {
        const options = parseBuildArgs(rest);
        if (options === 'help') {
          process.stdout.write(BUILD_HELP);
          return 0;
        }
        const result = await runBuild(options);
        printProblems(result.problems, options.allProblems);
        return result.exitCode;
      }
      case 'serve': {
        const options = parseServeArgs(rest);
        if (options === 'help') {
          process.stdout.write(SERVE_HELP);
          return 0;
        }
        // Loaded only for this command: a build need not load the development server.
        const { serve } = await import('./serve.ts');
        return await serve(options);
      }
      case 'bench': {
        const options = parseBenchArgs(rest);
        if (options === 'help') {
          process.stdout.write(BENCH_HELP);
          return 0;
        }
        const report = await runBench(options);
        return report === undefined || report.runs.every((run) => run.exitCode === 0) ? 0 : 1;
      }
      case undefined:
      case '--help':
      case 'help':
        process.stdout.write(MAIN_HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      // The command's own help lists the flag that was wrong; the main help only the commands.
      const help = command === 'build' || command === 'serve' || command === 'bench' ? `broadsheet ${command} --help` : 'broadsheet --help';
      process.stderr.write(`broadsheet: ${error.message}\nRun "${help}" for usage.\n`);
      return 2;
    }
    throw error;
  }
}
