/**
 * Lets a case file run on its own (`npx tsx bench/cases/<name>.ts`), printing its figures as JSON, while
 * `bench/run.ts` imports the same file and runs it with the others.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export function runWhenStandalone(moduleUrl: string, run: () => Promise<Record<string, number>>): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(path.resolve(process.argv[1])).href) return;
  run().then(
    (figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
