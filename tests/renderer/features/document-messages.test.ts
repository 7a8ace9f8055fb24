import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEXT_FORMAT } from '../../../shared/iiif/document/text-format';
import { closeDocument, loadText } from '../../../renderer/src/features/documents/document-service';
import { useAppStore } from '../../../renderer/src/store/store';

const p3 = JSON.stringify({
  '@context': 'http://iiif.io/api/presentation/3/context.json',
  id: 'https://example.org/m',
  type: 'Manifest',
  label: { en: ['Book'] },
  items: [],
});

const p2 = JSON.stringify({
  '@context': 'http://iiif.io/api/presentation/2/context.json',
  '@id': 'https://example.org/old',
  '@type': 'sc:Manifest',
  label: 'Old book',
  sequences: [{ '@type': 'sc:Sequence', canvases: [] }],
});

const file = (name: string) => ({ path: `/w/${name}`, name, mtimeMs: 1, size: 1, hash: 'h' });

beforeEach(() => {
  useAppStore.getState().loadDocument({ doc: JSON.parse(p3), format: DEFAULT_TEXT_FORMAT, file: null });
  useAppStore.getState().showMessage({ kind: 'info', text: 'Saved first.json.' });
});

describe('messages when another document comes', () => {
  it('drops the previous document’s message when another document is opened', () => {
    expect(loadText(p3, { file: file('second.json'), name: 'second.json' })).not.toBeNull();
    expect(useAppStore.getState().message).toBeNull();
  });

  it('still says that a Presentation 2 document was upgraded', () => {
    expect(loadText(p2, { file: file('old.json'), name: 'old.json' })).not.toBeNull();
    expect(useAppStore.getState().message?.text).toMatch(/^old\.json is a Presentation 2 document/);
  });

  it('keeps the document and says why when the other file cannot be opened', () => {
    expect(loadText('{ not json', { file: file('broken.json'), name: 'broken.json' })).toBeNull();
    expect(useAppStore.getState().message).toMatchObject({ kind: 'error' });
    expect(useAppStore.getState().message?.text).toMatch(/^broken\.json cannot be opened/);
  });

  it('drops it when the document is closed or a new one is made', () => {
    closeDocument();
    expect(useAppStore.getState().message).toBeNull();
    useAppStore.getState().showMessage({ kind: 'info', text: 'Recovered unsaved changes to first.json.' });
    useAppStore.getState().loadDocument({ doc: JSON.parse(p3), format: DEFAULT_TEXT_FORMAT, file: null });
    expect(useAppStore.getState().message).toBeNull();
  });
});
