/**
 * git's stderr for a remote it cannot use, as git 2.x prints it, becomes a sentence naming the remote and
 * saying the previous publication is kept; anything else is left to the caller's own message.
 */
import { describe, expect, it } from 'vitest';
import { describeGitRemoteFailure } from '../../../electron/services/publish/git-errors';

const KEPT = 'the previous publication is as it was';

describe('describeGitRemoteFailure', () => {
  it('names the remote nobody answers at, instead of the errno line git ends with', () => {
    const message = describeGitRemoteFailure(
      'fatal: unable to connect to 127.0.0.1:\n127.0.0.1[0: 127.0.0.1]: errno=Connection refused\n',
      'git://127.0.0.1:9/site.git',
    );
    expect(message).toContain('Could not reach the Git remote git://127.0.0.1:9/site.git');
    expect(message).toContain('connection was refused');
    expect(message).toContain(KEPT);
    expect(message).not.toContain('errno');
  });

  it('says when the host name is unknown, over https and ssh alike', () => {
    for (const stderr of [
      "fatal: unable to access 'https://nohost.invalid/x.git/': Could not resolve host: nohost.invalid\n",
      'ssh: Could not resolve hostname nohost.invalid: Name or service not known\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
    ]) {
      expect(describeGitRemoteFailure(stderr, 'x')).toContain('host name could not be found');
    }
  });

  it('says there is no repository where the remote points, not "and the repository exists."', () => {
    const message = describeGitRemoteFailure(
      "fatal: '/gone/site.git' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
      '/gone/site.git',
    );
    expect(message).toContain('There is no Git repository at the remote /gone/site.git');
    expect(message).toContain(KEPT);
  });

  it('leaves a push the remote refused to the caller', () => {
    expect(
      describeGitRemoteFailure(
        "remote: publishing is closed today\n ! [remote rejected] x -> gh-pages (pre-receive hook declined)\nerror: failed to push some refs to '/r.git'\n",
        '/r.git',
      ),
    ).toBeUndefined();
  });
});
