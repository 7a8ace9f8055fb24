/**
 * One canvas in the grid or list: an option of the listbox, absolutely placed by the virtual window. Clicks
 * and drags are handled once on the listbox (event delegation, via data-index), so a cell has no handlers of
 * its own and re-renders only when its canvas, position or state changes.
 */
import { memo, useMemo } from 'react';
import { isEmbeddedMember, memberTypeOf } from '../../../../shared/iiif/collection';
import { isJsonObject, type JsonValue } from '../../../../shared/iiif/json';
import { useDisplayText } from '../../components/language/display-language';
import { chooseThumbnail } from './thumbnail-choice';
import { Thumbnail } from './Thumbnail';

export function optionId(index: number): string {
  return `canvas-option-${index}`;
}

interface Props {
  canvas: JsonValue;
  index: number;
  count: number;
  selected: boolean;
  focused: boolean;
  cut: boolean;
  dragging: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
  thumbWidth: number;
  thumbHeight: number;
  pixelRatio: number;
  /** A member of a collection (a manifest or collection, referenced or embedded) rather than a canvas. */
  member?: boolean;
}

export const CanvasCell = memo(function CanvasCell(props: Props) {
  const { canvas, index, count, selected, focused, cut, dragging } = props;
  const { x, y, width, height, thumbWidth, thumbHeight, pixelRatio, member = false } = props;
  // In the display language the curator chose (falling back through the browser's languages, none, en).
  const label =
    useDisplayText(isJsonObject(canvas) ? canvas['label'] : undefined) ||
    `${member ? 'Member' : 'Canvas'} ${index + 1}`;
  const kindText = member ? memberKindText(canvas) : null;
  const choice = useMemo(
    () =>
      isJsonObject(canvas)
        ? chooseThumbnail(canvas, { width: thumbWidth, height: thumbHeight }, pixelRatio)
        : null,
    [canvas, thumbWidth, thumbHeight, pixelRatio],
  );
  const url = choice?.url ?? null;
  const classes = ['canvas-cell'];
  if (focused) classes.push('focused');
  if (cut) classes.push('cut');
  if (dragging) classes.push('dragging');
  return (
    <div
      id={optionId(index)}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={count}
      aria-label={`${label}${kindText ? `, ${kindText}` : ''}, ${index + 1} of ${count}${cut ? ', cut' : ''}`}
      className={classes.join(' ')}
      data-testid="canvas-cell"
      data-index={index}
      draggable
      style={{ transform: `translate(${x}px, ${y}px)`, width, height }}
    >
      <Thumbnail
        key={url ?? ''}
        url={url}
        crop={choice?.crop}
        label={label}
        width={thumbWidth}
        height={thumbHeight}
      />
      {/* The label comes first, then a member's kind, then the position, as in the accessible name (which must
          contain the visible text in its order: WCAG 2.5.3); CSS shows the position before them. */}
      <span className="canvas-meta" aria-hidden="true">
        <span className="canvas-label" dir="auto">
          {label}
        </span>{' '}
        {kindText ? (
          <>
            <span className="member-kind">{kindText}</span>{' '}
          </>
        ) : null}
        <span className="canvas-position">{index + 1}</span>
      </span>
    </div>
  );
});

/** "manifest", "embedded collection", or what else the entry is (a canvas listed by mistake, say). */
function memberKindText(member: JsonValue): string {
  const type = memberTypeOf(member);
  if (type) return `${isEmbeddedMember(member) ? 'embedded ' : ''}${type.toLowerCase()}`;
  const other =
    isJsonObject(member) && typeof member['type'] === 'string' ? member['type'] : 'not a resource';
  return `${other} (not a manifest or collection)`;
}
