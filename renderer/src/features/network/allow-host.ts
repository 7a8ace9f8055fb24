/**
 * Where a request was refused because a document from the internet pointed it at this computer or the private
 * network (private-network error, electron/services/remote/address-policy.ts), the user is asked once whether to
 * allow that host for this session; callers retry when the answer is yes.
 */
import { refusedHostOf } from '../../../../shared/ipc/private-network';
import { api } from '../../api';

/** Hosts already asked about in this page, with the answer, so a batch of 100 refusals asks once. */
const answers = new Map<string, Promise<boolean>>();

export function askToAllowHost(error: { readonly code: string; readonly message: string }): Promise<boolean> {
  const host = refusedHostOf(error);
  if (!host) return Promise.resolve(false);
  let answer = answers.get(host);
  if (!answer) {
    answer = (async () => {
      if (!window.confirm(`Allow requests to ${host} for this session?\n\n${error.message}`)) return false;
      const allowed = await api.allowHost({ host });
      return allowed.ok;
    })();
    answers.set(host, answer);
    // A "no" is asked again next time the user tries; a "yes" holds for the session on the main side anyway.
    void answer.then((yes) => {
      if (!yes) answers.delete(host);
    });
  }
  return answer;
}
