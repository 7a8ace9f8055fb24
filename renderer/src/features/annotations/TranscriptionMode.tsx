/**
 * Transcription mode: steps through a canvas's region annotations in reading order (their order in the page),
 * one at a time, with the text field focused. Enter saves the line and moves to the next, Shift+Enter to the
 * previous, Escape leaves. Each line typed is one undo step, committed as the mode moves on.
 */
import { useEffect, useRef, useState } from 'react';
import { describeTarget, type AnnotationView } from '../../../../shared/iiif/annotations';
import { editAnnotationBody } from './annotation-actions';
import { Icon } from '../../components/icons';

function textOf(view: AnnotationView): string {
  const body = view.bodies.find((b) => b.kind === 'text');
  return body?.kind === 'text' ? body.value : '';
}

export function TranscriptionMode({
  lines,
  startAt = 0,
  onClose,
}: {
  lines: readonly AnnotationView[];
  /** The line to begin with (the first OCR line, after recognising text). */
  startAt?: number;
  onClose: () => void;
}) {
  const [index, setIndex] = useState(startAt);
  const field = useRef<HTMLTextAreaElement>(null);
  const line = lines[Math.min(index, lines.length - 1)];

  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [index]);

  if (!line) {
    return (
      <div className="transcription" data-testid="transcription-mode">
        <p>This canvas has no regions to transcribe yet: add a box or draw one first.</p>
        <button type="button" onClick={onClose}>
          Leave transcription
        </button>
      </div>
    );
  }

  const save = () => {
    const value = field.current?.value ?? '';
    if (value === textOf(line)) return;
    const bodyIndex = Math.max(
      0,
      line.bodies.findIndex((b) => b.kind === 'text'),
    );
    editAnnotationBody({ pagePath: line.page.path, index: line.index }, bodyIndex, { value });
  };
  const go = (step: number) => {
    save();
    const next = index + step;
    if (next >= lines.length) onClose();
    else setIndex(Math.max(0, next));
  };

  return (
    <div className="transcription" data-testid="transcription-mode">
      <div className="transcription-where">
        Line {index + 1} of {lines.length} · {line.targets.map(describeTarget).join('; ')}
      </div>
      <textarea
        key={`${line.path.join('/')}:${textOf(line)}`}
        ref={field}
        aria-label={`Transcription of line ${index + 1}`}
        defaultValue={textOf(line)}
        rows={2}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            go(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            save();
            onClose();
          }
        }}
      />
      <div className="transcription-tools">
        <button type="button" onClick={() => go(-1)} disabled={index === 0}>
          <Icon name="arrow-left" /> Previous
        </button>
        <button type="button" onClick={() => go(1)}>
          {index + 1 < lines.length ? (
            <>
              Next <Icon name="arrow-right" />
            </>
          ) : (
            'Done'
          )}
        </button>
      </div>
    </div>
  );
}
