/**
 * What a CLI command may touch: output streams and files, passed in rather than imported, so that tests run the
 * real commands against real temporary files and capture what they print (no mocks, no child processes).
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a file's bytes; rejects with a Node fs error (code ENOENT, EISDIR, EACCES, ...). */
  readFile(path: string): Promise<Uint8Array>;
  /** Writes text as UTF-8, replacing the file atomically. */
  writeFile(path: string, text: string): Promise<void>;
  /** Creates a folder and its parents when missing (commands that write several files into one: split). */
  makeFolder?(path: string): Promise<void>;
  /** Reads all of standard input, for the argument "-". Absent where there is no stdin (tests may omit it). */
  readStdin?(): Promise<Uint8Array>;
}

/** A command's module: `electron/cli/commands/<name>.ts` exports this function. */
export type CommandRun = (args: readonly string[], io: CliIo) => Promise<number>;

/** Exit codes: shells and CI scripts branch on these, so they are part of the CLI's contract. */
export const EXIT_OK = 0;
/** The input could not be read or processed (missing file, not JSON, not IIIF, ...); stderr says why. */
export const EXIT_BAD_INPUT = 1;
/** The command line itself is wrong (unknown command or option, missing argument). */
export const EXIT_USAGE = 2;
