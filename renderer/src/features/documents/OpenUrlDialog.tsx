/**
 * File › Open from URL: the main side fetches the manifest or collection (http(s) only, timeouts, size cap,
 * at most five redirects, the offline cache) and upgrades Presentation 2; the result opens as an unsaved
 * document, to be saved with Save As.
 */
import { useState } from 'react';
import type { JsonObject } from '../../../../shared/iiif/json';
import { DEFAULT_TEXT_FORMAT } from '../../../../shared/iiif/document/text-format';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useAppStore } from '../../store/store';

function nameFromUrl(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    return last && last.length > 0 ? decodeURIComponent(last) : new URL(url).host;
  } catch {
    return 'Remote manifest';
  }
}

export function OpenUrlDialog({ onClose }: { onClose(): void }) {
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = async () => {
    const location = url.trim();
    if (!/^https?:\/\//i.test(location)) {
      setError('Give an http:// or https:// address.');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await api.openSource({ location });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    const { doc, notices, sourceVersion, fromCache, origin } = result.value;
    useAppStore.getState().loadDocument({
      doc: doc as JsonObject,
      format: DEFAULT_TEXT_FORMAT,
      file: null,
      name: nameFromUrl(result.value.finalUrl ?? location),
      notices: [
        ...notices,
        ...(fromCache ? ['Opened from the offline cache: the network could not be reached.'] : []),
      ],
      // Nothing is on disk yet: the document starts unsaved, so closing asks and autosave protects it.
      dirty: true,
      origin,
    });
    useAppStore.getState().selectOnly(0);
    useAppStore.getState().showMessage({
      kind: 'info',
      text: `Opened ${location}${sourceVersion === 2 ? ' (upgraded from Presentation 2)' : ''}. Use Save As to keep it.`,
    });
    onClose();
  };
  return (
    <Dialog
      title="Open from URL"
      onCancel={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void open()}>
            {busy ? 'Opening…' : 'Open'}
          </button>
        </>
      }
    >
      <label className="field">
        Manifest or collection URL
        <input
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && void open()}
          placeholder="https://example.org/iiif/book/manifest.json"
          aria-label="Manifest URL"
        />
      </label>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
