/**
 * One property's row in the panel: its name, how the spec rates it (required / recommended / optional), a
 * warning when a required or recommended one is missing, and the editor. `data-field` lets other features
 * (the validation panel) find the editor of a property.
 */
import type { ReactNode } from 'react';
import type { Requirement } from './property-rules';
import './properties.css';

interface Props {
  property: string;
  title: string;
  requirement: Requirement;
  help: string;
  present: boolean;
  onFocus?(): void;
  children: ReactNode;
}

export function PropertyField({ property, title, requirement, help, present, onFocus, children }: Props) {
  const missing = !present && requirement !== 'optional';
  return (
    <div className={`property ${missing ? 'missing' : ''}`} data-field={property} onFocus={onFocus}>
      <div className="property-head">
        <span className="property-title">{title}</span>
        <span className={`requirement ${requirement}`} title={`The specification rates this ${requirement}.`}>
          {requirement}
        </span>
      </div>
      <p className="property-help muted">
        {help}
        {missing ? <span className="field-warning"> Missing: this property is {requirement}.</span> : null}
      </p>
      {children}
    </div>
  );
}
