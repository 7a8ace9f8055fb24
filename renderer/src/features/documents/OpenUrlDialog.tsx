/**
 * File › Open URL: the main side fetches the manifest or collection (http(s) only, timeouts, size cap, at most
 * five redirects, the offline cache); document-service reads it as it reads a file and opens it unsaved, to be
 * kept with Save As.
 */
import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { openUrl } from './document-service';

export function OpenUrlDialog({ onClose }: { onClose(): void }) {
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    setError(null);
    const failure = await openUrl(url);
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  };
  return (
    <Dialog
      title="Open from URL"
      onCancel={onClose}
      primary={{ label: busy ? 'Opening…' : 'Open', onClick: () => void open(), disabled: busy }}
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
