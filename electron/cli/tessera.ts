/**
 * Node entry of the `tessera` command (bundled to dist/cli/tessera.js, started by bin/tessera.js).
 * Sets process.exitCode rather than calling process.exit, so that output still being written to a pipe is
 * flushed before Node exits.
 */
import { runCli } from './main';
import { nodeIo } from './node-io';

process.exitCode = await runCli(process.argv.slice(2), nodeIo());
