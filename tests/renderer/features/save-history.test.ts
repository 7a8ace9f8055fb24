/**
 * Save is not an edit (issue 12, item 8): it once committed a hidden undo step (a clean-up of disallowed HTML)
 * before writing. Saving must leave the history as it was, and write the file's text with only the edit in it.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLabel } from '../../../shared/iiif/document';
import type { RequestOf } from '../../../shared/ipc/contract';
import { loadText, save } from '../../../renderer/src/features/documents/document-service';
import { isDirty } from '../../../renderer/src/store/document-slice';
import { useAppStore } from '../../../renderer/src/store/store';

const saved = vi.hoisted(() => [] as { path: string; text: string }[]);

vi.mock('../../../renderer/src/api', () => {
  const answer = (value: unknown) => Promise.resolve({ ok: true, value });
  const api = new Proxy(
    {},
    {
      get: (_, method) =>
        method === 'saveFile'
          ? (request: RequestOf<'saveFile'>) => {
              saved.push({ path: request.path, text: request.text });
              return answer({ path: request.path, name: 'book.json', mtimeMs: 2, size: 3, hash: 'h2' });
            }
          : () => answer({}),
    },
  );
  return { api, isElectron: false, httpToken: null };
});

/** Disallowed HTML in a label (a script), which Save once cleaned up as an undo step of its own. */
const text = `{
    "@context": "http://iiif.io/api/presentation/3/context.json",
    "id": "https://example.org/book",
    "type": "Manifest",
    "label": { "en": [ "Book" ] },
    "summary": { "en": [ "<p>Read <script>alert(1)</script>me</p>" ] },
    "items": [ ]
}
`;

beforeEach(() => {
  saved.length = 0;
});

describe('Save', () => {
  it('adds nothing to the history and writes the file’s text with only the edit in it', async () => {
    const file = { path: '/w/book.json', name: 'book.json', mtimeMs: 1, size: 1, hash: 'h' };
    expect(loadText(text, { file, name: 'book.json' })).not.toBeNull();
    const doc = useAppStore.getState().doc;
    if (!doc) throw new Error('not opened');
    useAppStore.getState().commit('Relabel', setLabel(doc, [], { en: ['Title'] }));
    const before = useAppStore.getState().history;
    expect(before?.past).toHaveLength(1);

    await save();

    const after = useAppStore.getState();
    expect(after.history?.past).toHaveLength(1);
    expect(after.history?.future).toHaveLength(0);
    expect(after.history).toBe(before);
    expect(isDirty(after)).toBe(false);
    expect(saved).toEqual([{ path: '/w/book.json', text: text.replace('"Book"', '"Title"') }]);
  });
});
