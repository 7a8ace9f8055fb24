/**
 * An ordered list property whose items are objects (providers, homepage, seeAlso...): each item a named group
 * with its move and remove tools, then its fields, or a warning where the item is not an object; the row that
 * adds one comes last. Each change is the whole list, as the property's new value.
 */
import type { ReactNode } from 'react';
import type { JsonObject, JsonValue } from '../../../../shared/iiif/json';
import { isJsonObject } from '../../../../shared/iiif/json';
import type { ChangeHandler, Gesture } from '../../components/language/editor-types';
import { itemsOf, listValue, replaceItem } from './linked-resources';
import { ListItemTools } from './ListItemTools';

interface Props {
  value: JsonValue | undefined;
  onChange: ChangeHandler<JsonValue | undefined>;
  className: string;
  itemClassName: string;
  /** The accessible name of item `index` (from 0), e.g. "Provider 1". */
  itemName(index: number): string;
  /** Said where an item is not an object. */
  notAnObject: string;
  /** The fields of one item; `onChange` replaces it in the list. */
  renderItem(item: JsonObject, name: string, onChange: ChangeHandler<JsonObject>): ReactNode;
  /** The row that adds an item; `add` appends it as one undo step. */
  renderAdd(add: (item: JsonObject) => void): ReactNode;
}

export function ObjectListEditor(props: Props) {
  const { value, onChange, className, itemClassName, itemName, notAnObject, renderItem, renderAdd } = props;
  const items = itemsOf(value);
  const set = (next: readonly JsonValue[], gesture: Gesture) => onChange(listValue(next), gesture);
  return (
    <div className={className}>
      {items.map((item, index) => {
        const name = itemName(index);
        return (
          <div className={itemClassName} key={index} role="group" aria-label={name}>
            <ListItemTools
              label={name}
              name={name}
              items={items}
              index={index}
              onChange={(next) => set(next, 'action')}
            />
            {isJsonObject(item) ? (
              renderItem(item, name, (next, gesture) => set(replaceItem(items, index, next), gesture))
            ) : (
              <p className="field-warning">
                {notAnObject}: {JSON.stringify(item)}
              </p>
            )}
          </div>
        );
      })}
      {renderAdd((item) => set([...items, item], 'action'))}
    </div>
  );
}
