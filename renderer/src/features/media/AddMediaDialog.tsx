/**
 * "Add audio or video": an address or a file. Added as a new canvas after the focused one, or as one more clip
 * on the focused time-based canvas's timeline. Nothing changes until the media is known to play and its
 * duration is read; a failure is said in the dialog.
 */
import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { canvasAt, canvasSlots } from '../../../../shared/iiif/canvases';
import { canvasDuration, type MediaSource } from '../../../../shared/iiif/media';
import { Dialog } from '../../components/Dialog';
import { useAppStore } from '../../store/store';
import { addMediaCanvas, addMediaClip, mediaFromFile, mediaFromUrl, mediaLabel } from './media-service';
import { useAddMediaStore } from './media-store';
import '../add-images/add-images.css';

export function AddMediaDialog() {
  const state = useAddMediaStore(
    useShallow((s) => ({
      open: s.open,
      url: s.url,
      asClip: s.asClip,
      busy: s.busy,
      error: s.error,
      added: s.added,
    })),
  );
  const focus = useAppStore((s) => s.focus);
  const focusedIsTimed = useAppStore((s) => {
    const canvas = canvasAt(s.doc, s.focus);
    return canvas !== null && canvasDuration(canvas) !== undefined;
  });
  const files = useRef<HTMLInputElement>(null);
  if (!state.open) return null;
  const store = useAddMediaStore.getState();
  const asClip = state.asClip && focusedIsTimed;

  const add = async (load: () => Promise<MediaSource>, name: string) => {
    store.update({ busy: `Reading ${name}…`, error: null, added: null });
    try {
      const media = await load();
      const { doc } = useAppStore.getState();
      if (!doc) throw new Error('Open a manifest first.');
      if (asClip && focus !== null) addMediaClip(focus, media);
      else addMediaCanvas(media, mediaLabel(name), focus === null ? canvasSlots(doc) : focus + 1);
      store.update({
        busy: null,
        url: '',
        added: `Added ${name} (${media.kind === 'Video' ? 'video' : 'audio'}, ${media.duration.toFixed(1)} s).`,
      });
    } catch (error) {
      store.update({ busy: null, error: error instanceof Error ? error.message : String(error) });
    }
  };
  const url = state.url.trim();
  return (
    <Dialog
      title="Add audio or video"
      onCancel={store.close}
      cancel="Close"
      primary={{
        label: 'Add',
        disabled: url === '' || state.busy !== null,
        onClick: () => void add(() => mediaFromUrl(url), url),
      }}
    >
      <label className="field">
        Address of an audio or video file (WAV, MP3, FLAC, WebM, Ogg, MP4)
        <input
          type="url"
          value={state.url}
          spellCheck={false}
          aria-label="Media address"
          placeholder="https://example.org/recording.mp3"
          onChange={(e) => store.update({ url: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && url !== '' && state.busy === null)
              void add(() => mediaFromUrl(url), url);
          }}
        />
      </label>
      <div className="add-images-row">
        <button type="button" onClick={() => files.current?.click()} disabled={state.busy !== null}>
          Choose a media file…
        </button>
        <input
          ref={files}
          type="file"
          accept="audio/*,video/*,.wav,.webm,.mp3,.flac,.ogg,.mp4,.m4a"
          hidden
          aria-label="Media file"
          data-testid="media-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void add(() => mediaFromFile(file), file.name);
          }}
        />
        <label className="field inline">
          <input
            type="checkbox"
            checked={asClip}
            disabled={!focusedIsTimed}
            onChange={(e) => store.update({ asClip: e.target.checked })}
          />
          Add as a clip to the selected canvas
        </label>
      </div>
      <p role="status" data-testid="media-status">
        {state.busy ?? state.added ?? ''}
      </p>
      {state.error ? (
        <p role="alert" className="error" data-testid="media-error">
          {state.error}
        </p>
      ) : null}
    </Dialog>
  );
}
