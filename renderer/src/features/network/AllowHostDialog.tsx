/**
 * The question of allow-host.ts: may Tessera contact this host on the user's computer or private network for
 * this session? The refusing answer has the focus, so a stray Enter does not open the private network.
 */
import { Dialog } from '../../components/Dialog';
import { useAllowHostQuestions } from './allow-host';

export function AllowHostDialog() {
  const question = useAllowHostQuestions((s) => s.questions[0]);
  if (!question) return null;
  return (
    <Dialog
      // A new question is a new dialog: opened (and focused) afresh.
      key={question.host}
      title={`Allow requests to ${question.host}?`}
      cancel="Don’t allow"
      onCancel={() => question.answer(false)}
      primary={{ label: 'Allow for this session', onClick: () => question.answer(true) }}
      initialFocus=".modal-actions button:not(.primary)"
    >
      <p>{question.message}</p>
    </Dialog>
  );
}
