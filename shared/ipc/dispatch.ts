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
    const message = error instanceof Error ? error.message : String(error);
    return fail('internal', `Something went wrong in ${channel}: ${message}`);
  }
}
