/** One annotation in the panel: motivation, body (edited in place), target, and its tools. */
import {
  ANNOTATION_MOTIVATIONS,
  describeTarget,
  type AnnotationView,
} from '../../../../shared/iiif/annotations';
import { BodyPreview } from './BodyPreview';
import { TimeSpanFields } from '../media/TimeSpanFields';
import { keepUntyped } from '../../components/typed-span';
import {
  changeAnnotationTarget,
  changeMotivation,
  editAnnotationBody,
  removeAnnotation,
  reorderAnnotation,
} from './annotation-actions';
import { Icon } from '../../components/icons';

export function AnnotationRow({
  view,
  count,
  highlighted,
  canvasId,
  duration,
}: {
  view: AnnotationView;
  count: number;
  highlighted: boolean;
  /** The focused canvas, and its duration when it is time-based: a span on it gets start and end fields. */
  canvasId?: string;
  duration?: number;
}) {
  const address = { pagePath: view.page.path, index: view.index };
  const motivation = view.motivations[0] ?? '';
  const choices = ANNOTATION_MOTIVATIONS.includes(motivation as never)
    ? ANNOTATION_MOTIVATIONS
    : [motivation, ...ANNOTATION_MOTIVATIONS];
  const textIndex = view.bodies.findIndex((b) => b.kind === 'text');
  const text = textIndex >= 0 ? view.bodies[textIndex] : undefined;
  const label = `Annotation ${view.index + 1}`;
  const timeIndex = view.targets.findIndex((t) => t.source === canvasId && t.geometry.kind === 'time');
  const time = view.targets[timeIndex];
  const timeGeometry = time?.geometry.kind === 'time' ? time.geometry : undefined;
  return (
    <li
      className={`annotation-row${highlighted ? ' highlighted' : ''}`}
      data-testid="annotation-row"
      data-annotation-id={view.id ?? view.path.join('/')}
      aria-current={highlighted ? 'true' : undefined}
    >
      <div className="annotation-head">
        <select
          aria-label={`${label} motivation`}
          value={motivation}
          onChange={(event) => changeMotivation(address, event.target.value)}
        >
          {choices.map((m) => (
            <option key={m} value={m}>
              {m || '(none)'}
            </option>
          ))}
        </select>
        <span className="annotation-target" data-testid="annotation-target">
          {view.targets.map(describeTarget).join('; ') || 'no target'}
        </span>
        <button
          type="button"
          aria-label={`Move ${label} up`}
          disabled={view.index === 0}
          onClick={() => reorderAnnotation(address, view.index - 1)}
        >
          <Icon name="move-up" />
        </button>
        <button
          type="button"
          aria-label={`Move ${label} down`}
          disabled={view.index >= count - 1}
          onClick={() => reorderAnnotation(address, view.index + 1)}
        >
          <Icon name="move-down" />
        </button>
        <button type="button" aria-label={`Delete ${label}`} onClick={() => removeAnnotation(address)}>
          <Icon name="remove" />
        </button>
      </div>
      {time !== undefined && timeGeometry !== undefined && duration !== undefined ? (
        <TimeSpanFields
          span={{ start: timeGeometry.start, end: timeGeometry.end ?? duration }}
          duration={duration}
          label={label}
          onChange={(typed) => {
            const shown = { start: timeGeometry.start, end: timeGeometry.end ?? duration };
            const span = keepUntyped(shown, typed);
            if (span === shown) return;
            changeAnnotationTarget(
              address,
              { source: time.source, geometry: { kind: 'time', ...span } },
              timeIndex,
              'Change annotation time span',
            );
          }}
        />
      ) : null}
      {text?.kind === 'text' ? (
        <>
          <textarea
            // Keyed by the stored value: undo, redo or another edit replaces the draft with the document's text.
            key={text.value}
            aria-label={`${label} text`}
            defaultValue={text.value}
            rows={2}
            onBlur={(event) => {
              if (event.target.value !== text.value)
                editAnnotationBody(address, textIndex, { value: event.target.value });
            }}
          />
          {text.format === 'text/html' ? (
            <div className="annotation-preview" data-testid="annotation-html">
              <BodyPreview body={text} />
            </div>
          ) : null}
          <span className="annotation-meta">
            {[text.language, text.format, ...text.purpose].filter(Boolean).join(' · ')}
          </span>
        </>
      ) : null}
      {view.bodies
        .filter((b) => b !== text)
        .map((body, i) => (
          <div key={i} className="annotation-preview">
            <BodyPreview body={body} />
          </div>
        ))}
    </li>
  );
}
