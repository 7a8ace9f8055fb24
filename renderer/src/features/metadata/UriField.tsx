/**
 * The URI row of a linked resource or an Agent: the `id`, committed only while it is a URI (CheckedInput), and
 * whatever the row adds beside it (a link that opens it).
 */
import type { ReactNode } from 'react';
import type { ChangeHandler } from '../../components/language/editor-types';
import { CheckedInput } from './CheckedInput';
import { uriProblem } from './linked-resources';

export function UriField(props: {
  /** The resource's accessible name: "Homepage 1" → "Homepage 1 URI". */
  name: string;
  value: string;
  onChange: ChangeHandler<string>;
  children?: ReactNode;
}) {
  return (
    <div className="inline-field">
      <span>URI</span>
      <CheckedInput
        label={`${props.name} URI`}
        value={props.value}
        check={uriProblem}
        onChange={props.onChange}
      />
      {props.children}
    </div>
  );
}
