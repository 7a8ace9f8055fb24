/**
 * A placeholder or accompanying canvas edited like any canvas: the same descriptive editors as the canvas
 * pane (ResourceEditor, bound to the companion's path inside its canvas, so each change is one undo step and
 * what Tessera does not know of the companion stays as it was), its picture as viewers show it, the image it is
 * painted with replaceable by address, and its annotations listed read-only.
 */
import { useState } from 'react';
import { bodyText, readBodies } from '../../../../shared/iiif/annotations/bodies';
import type { JsonObject } from '../../../../shared/iiif/json';
import { companionAnnotations, type CompanionProperty } from '../../../../shared/iiif/media';
import { Dialog } from '../../components/Dialog';
import { ResourceEditor } from '../properties/ResourceEditor';
import { CompanionImage } from './CompanionImage';
import { replaceCompanionImage } from './media-service';

interface Props {
  readonly companion: JsonObject;
  readonly canvasIndex: number;
  readonly property: CompanionProperty;
  /** "Accompanying canvas", "Placeholder canvas". */
  readonly title: string;
  onClose(): void;
}

export function CompanionDialog({ companion, canvasIndex, property, title, onClose }: Props) {
  return (
    <Dialog
      title={`${title} of canvas ${canvasIndex + 1}`}
      cancel="Close"
      onCancel={onClose}
      // The label, as in the canvas pane, rather than the image address that comes first on the page.
      initialFocus={`[data-testid="label-items-${canvasIndex}-${property}"]`}
    >
      <div className="companion-dialog wide-dialog">
        <div className="companion-dialog-image">
          <CompanionImage canvas={companion} role={title} className="companion-dialog-picture" />
          <ReplaceImage canvasIndex={canvasIndex} property={property} title={title} />
        </div>
        <div className="companion-dialog-fields">
          <ResourceEditor kind="Canvas" path={['items', canvasIndex, property]} owner={title} />
          <CompanionAnnotations companion={companion} title={title} />
        </div>
      </div>
    </Dialog>
  );
}

function ReplaceImage({ canvasIndex, property, title }: Omit<Props, 'companion' | 'onClose'>) {
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const replace = async () => {
    setBusy(true);
    setError(null);
    try {
      await replaceCompanionImage(canvasIndex, property, address.trim());
      setAddress('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="companion-replace"
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy && address.trim() !== '') void replace();
      }}
    >
      <label>
        New image address
        <input
          type="url"
          value={address}
          aria-label={`${title} new image address`}
          onChange={(e) => setAddress(e.target.value)}
        />
      </label>
      <button type="submit" disabled={busy || address.trim() === ''}>
        {busy ? 'Reading the image…' : 'Replace the image'}
      </button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** The companion's annotations (a score's notes): shown, not edited here; the count says how many. */
function CompanionAnnotations({ companion, title }: { companion: JsonObject; title: string }) {
  const annotations = companionAnnotations(companion);
  const count = annotations.length;
  return (
    <section className="companion-annotations" aria-label={`${title} annotations`}>
      <h3>Annotations</h3>
      <p className="muted">
        {count === 0
          ? 'None.'
          : `${count} ${count === 1 ? 'annotation' : 'annotations'}, shown here as they are (read-only).`}
      </p>
      {annotations.length > 0 ? (
        <ul>
          {annotations.map((annotation, i) => {
            const motivation = annotation['motivation'];
            const text = readBodies(annotation).map(bodyText).filter(Boolean).join(' · ');
            return (
              <li key={typeof annotation['id'] === 'string' ? annotation['id'] : i}>
                {typeof motivation === 'string' ? <span className="muted">{motivation}: </span> : null}
                {text || '(no text)'}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
