/**
 * Captions in: the text of a WebVTT file read (shared/iiif/annotations parseWebVtt) and added to an audio or
 * video canvas as one new page of `supplementing` annotations on time spans, committed as one undo step. A file
 * that cannot be read, or cues past the end of the canvas, add nothing and say why.
 */
import { addCaptionPage, parseWebVtt } from '../../../../shared/iiif/annotations';
import { canvasAt, canvasIdOf } from '../../../../shared/iiif/canvases';
import { idMinterFor } from '../../../../shared/iiif/document';
import { canvasDuration } from '../../../../shared/iiif/media';
import { formatClock } from '../../../../shared/iiif/time';
import { useAppStore } from '../../store/store';

/** Files are WebVTT text; anything bigger than this is not a caption file (an hour of captions is ~100 kB). */
const MAX_CHARACTERS = 20_000_000;

/** Adds the captions in `text` to canvas `canvasIndex`; returns a sentence saying why not, or null when done. */
export function importCaptions(canvasIndex: number, fileName: string, text: string): string | null {
  const { doc, commit } = useAppStore.getState();
  if (!doc) return 'Open a manifest first.';
  const canvas = canvasAt(doc, canvasIndex);
  const duration = canvas ? canvasDuration(canvas) : undefined;
  if (canvas === null || duration === undefined)
    return 'Captions go on an audio or video canvas: this canvas has no duration.';
  if (text.length > MAX_CHARACTERS) return `${fileName} is too large to be a caption file.`;
  const reading = parseWebVtt(text);
  if (!reading.ok) return `${fileName}, line ${reading.line}: ${reading.message}`;
  const cues = reading.cues.filter((cue) => cue.text.trim() !== '');
  if (cues.length === 0) return `${fileName} holds no captions with text.`;
  const late = cues.find((cue) => cue.start >= duration);
  if (late)
    return `${fileName}, line ${late.line}: this caption starts at ${formatClock(late.start)}, after the end of the canvas (${formatClock(duration)}). Nothing was added.`;
  const canvasId = canvasIdOf(canvas) || undefined;
  const mint = idMinterFor(doc);
  // A last cue running a little past the end (media durations are rounded) ends with the canvas.
  const clamped = cues.map((cue) => (cue.end > duration ? { ...cue, end: duration } : cue));
  const result = addCaptionPage(doc, {
    canvasIndex,
    cues: clamped,
    pageId: mint('annotations', canvasId),
    annotationId: () => mint('annotation', canvasId),
    label: `Captions from ${fileName}`,
    ...(reading.language === undefined ? {} : { language: reading.language }),
  });
  commit(`Import ${result.count} captions`, result.doc);
  return null;
}
