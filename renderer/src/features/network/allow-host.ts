/**
 * Where a request was refused because a document from the internet pointed it at this computer or the private
 * network (private-network error, electron/services/remote/address-policy.ts), the user is asked once whether to
 * allow that host for this session; callers retry when the answer is yes. The question is the app's Dialog
 * (AllowHostDialog), over whatever dialog asked for the request, one host at a time.
 */
import { create } from 'zustand';
import { refusedHostOf } from '../../../../shared/ipc/private-network';
import { api } from '../../api';

export interface AllowHostQuestion {
  readonly host: string;
  /** Why it was refused, in the words of the error. */
  readonly message: string;
  answer(allow: boolean): void;
}

/** The questions waiting for an answer, the one shown first. */
export const useAllowHostQuestions = create<{ readonly questions: readonly AllowHostQuestion[] }>(() => ({
  questions: [],
}));

function ask(host: string, message: string): Promise<boolean> {
  return new Promise((resolve) => {
    const question: AllowHostQuestion = {
      host,
      message,
      answer: (allow) => {
        useAllowHostQuestions.setState((s) => ({ questions: s.questions.filter((q) => q !== question) }));
        resolve(allow);
      },
    };
    useAllowHostQuestions.setState((s) => ({ questions: [...s.questions, question] }));
  });
}

/** Hosts already asked about in this page, with the answer, so a batch of 100 refusals asks once. */
const answers = new Map<string, Promise<boolean>>();

export function askToAllowHost(error: { readonly code: string; readonly message: string }): Promise<boolean> {
  const host = refusedHostOf(error);
  if (!host) return Promise.resolve(false);
  let answer = answers.get(host);
  if (!answer) {
    answer = (async () => {
      if (!(await ask(host, error.message))) return false;
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
