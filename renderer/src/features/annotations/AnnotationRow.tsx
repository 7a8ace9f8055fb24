/**
 * One annotation in the panel: motivation, text (edited in place, with its language, format and purpose under
 * Details), linked bodies (added and removed), target, and its tools.
 */
import { useState } from 'react';
import {
  ANNOTATION_MOTIVATIONS,
  describeTarget,
  type AnnotationView,
} from '../../../../shared/iiif/annotations';
import { BodyPreview } from './BodyPreview';
import { TimeSpanFields } from '../media/TimeSpanFields';
import { LinkBodyForm } from './LinkBodyForm';
import { TextBodyFields } from './TextBodyFields';
import {
  changeAnnotationTarget,
  changeMotivation,
  editAnnotationBody,
  removeAnnotation,
  removeAnnotationBody,
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
  // Typing into an annotation without text adds a text body after its other bodies.
  const textBodyIndex = textIndex >= 0 ? textIndex : view.bodies.length;
  const label = `Annotation ${view.index + 1}`;
  const timeIndex = view.targets.findIndex((t) => t.source === canvasId && t.geometry.kind === 'time');
  const time = view.targets[timeIndex];
  const timeGeometry = time?.geometry.kind === 'time' ? time.geometry : undefined;
  const [details, setDetails] = useState(false);
  const [linking, setLinking] = useState(false);
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
        {text?.kind === 'text' ? (
          <button
            type="button"
            aria-expanded={details}
            aria-label={`Details of ${label}`}
            onClick={() => setDetails(!details)}
          >
            Details
          </button>
        ) : null}
        <button
          type="button"
          aria-expanded={linking}
          aria-label={`Add link to ${label}`}
          onClick={() => setLinking(!linking)}
        >
          Add link
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
          onChange={(span) =>
            changeAnnotationTarget(
              address,
              { source: time.source, geometry: { kind: 'time', ...span } },
              timeIndex,
              'Change annotation time span',
            )
          }
        />
      ) : null}
      <textarea
        // Keyed by the stored value: undo, redo or another edit replaces the draft with the document's text.
        key={text?.kind === 'text' ? text.value : ''}
        aria-label={`${label} text`}
        placeholder={text === undefined ? 'Add text' : undefined}
        defaultValue={text?.kind === 'text' ? text.value : ''}
        rows={2}
        onBlur={(event) => {
          const value = event.target.value;
          if (text?.kind === 'text' ? value !== text.value : value !== '')
            editAnnotationBody(address, textBodyIndex, { value });
        }}
      />
      {text?.kind === 'text' && text.format === 'text/html' ? (
        <div className="annotation-preview" data-testid="annotation-html">
          <BodyPreview body={text} />
        </div>
      ) : null}
      {text?.kind === 'text' ? (
        <span className="annotation-meta">
          {[text.language, text.format, ...text.purpose].filter(Boolean).join(' · ')}
        </span>
      ) : null}
      {details && text?.kind === 'text' ? (
        <TextBodyFields address={address} bodyIndex={textIndex} body={text} label={label} />
      ) : null}
      {view.bodies.map((body, i) =>
        body === text ? null : (
          <div key={i} className="annotation-preview annotation-other-body">
            <BodyPreview body={body} />
            {body.kind === 'resource' ? (
              <button
                type="button"
                aria-label={`Remove link ${body.label ?? body.id} from ${label}`}
                onClick={() => removeAnnotationBody(address, i)}
              >
                <Icon name="remove" />
              </button>
            ) : null}
          </div>
        ),
      )}
      {linking ? <LinkBodyForm address={address} label={label} onDone={() => setLinking(false)} /> : null}
    </li>
  );
}
