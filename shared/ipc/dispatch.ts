/**
 * The one place a request crosses into a handler: parse with the channel's schema, call, wrap in a Result.
 * Used by Electron's IPC binding, the web host and tests alike, so all transports behave the same.
 */
import { channels, isChannelName, type ChannelName, type ParsedRequestOf, type ResponseOf } from './contract';
import { fail, ok, UserFacingError, type Result } from './result';

export type Handlers = {
  readonly [C in ChannelName]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;
};

export async function dispatch(
  handlers: Handlers,
  channel: string,
  request: unknown,
): Promise<Result<unknown>> {
  if (!isChannelName(channel)) return fail('unknown-channel', `There is no channel named "${channel}".`);
  const schema = channels[channel].request;
  const parsed = schema.safeParse(request ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    return fail(
      'invalid-request',
      `The request to ${channel} is malformed${where}: ${issue?.message ?? 'invalid'}.`,
    );
  }
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof UserFacingError) return fail(error.code, error.message);
    // The engine's words ("ENOSPC: no space left on device, write", "x is not a function") and the channel's
    // name are ours, not the user's: the user gets what happened and what to do.
    return fail('internal', describeUnexpected(error));
  }
}

/** A sentence for a failure no handler described: by the system error's code where there is one. */
export function describeUnexpected(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'The disk is full, so Tessera could not finish. Free some space and try again.';
    case 'EACCES':
    case 'EPERM':
      return 'Tessera is not allowed to do this there (the file or folder is protected). Check its permissions, or choose another place.';
    case 'EROFS':
      return 'The drive is read-only, so Tessera could not write to it. Choose a folder on another drive.';
    case 'EMFILE':
    case 'ENFILE':
      return 'Too many files are open at once. Close some other programs and try again.';
    default:
      return 'Tessera could not finish this because of an unexpected problem. Try again; if it happens again, save your work and restart Tessera.';
  }
}
