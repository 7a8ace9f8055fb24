/**
 * The sentence a person reads when a Git remote cannot be used. git's own stderr ends in lines such as
 * "127.0.0.1[0: 127.0.0.1]: errno=Connection refused" or "and the repository exists.", which name neither the
 * remote nor what to do; these name the remote, say why, and that the previous publication still serves.
 * Undefined for failures not about reaching the remote (a refused push keeps its own message).
 */
const KEPT = 'Nothing was published; the previous publication is as it was.';

const UNREACHABLE: readonly (readonly [RegExp, string])[] = [
  [/connection refused|couldn't connect to server/i, 'nothing answered there (the connection was refused)'],
  [
    /could not resolve host(name)?|name or service not known|temporary failure in name resolution/i,
    'its host name could not be found',
  ],
  [/timed out/i, 'the connection timed out'],
  [/network is unreachable|no route to host/i, 'the network cannot reach it'],
  [/unable to connect|failed to connect/i, 'no connection could be made'],
];

export function describeGitRemoteFailure(stderr: string, url: string): string | undefined {
  for (const [pattern, why] of UNREACHABLE) {
    if (pattern.test(stderr))
      return `Could not reach the Git remote ${url}: ${why}. ${KEPT} Check the remote's address and that its server is running, then publish again.`;
  }
  if (/does not appear to be a git repository|repository .*not found|not a git repository/i.test(stderr))
    return `There is no Git repository at the remote ${url}. ${KEPT} Check the clone's remote address (git remote -v), then publish again.`;
  if (
    /authentication failed|permission denied|could not read (username|password)|returned error: 40[13]/i.test(
      stderr,
    )
  )
    return `The Git remote ${url} refused access (the credentials are missing or wrong). ${KEPT} Check your credentials for it, then publish again.`;
  return undefined;
}
