/**
 * A collapsible group of properties. A native <details>, so it is keyboard- and screen-reader-friendly for
 * free; the open state is remembered per group for the session, so switching canvases keeps the layout.
 * Closed content stays in the page (hidden), so other features can still find a field by its data-field.
 */
import { useState, type ReactNode } from 'react';
import './properties.css';

const remembered = new Map<string, boolean>();

interface Props {
  id: string;
  title: string;
  defaultOpen?: boolean;
  /** Short status shown beside the title, e.g. "3 of 4 set". */
  status?: string;
  children: ReactNode;
}

export function Section({ id, title, defaultOpen = false, status, children }: Props) {
  const [open, setOpen] = useState(() => remembered.get(id) ?? defaultOpen);
  return (
    <details
      className="prop-section"
      open={open}
      onToggle={(event) => {
        const next = event.currentTarget.open;
        remembered.set(id, next);
        setOpen(next);
      }}
    >
      <summary>
        <span className="prop-section-title">{title}</span>
        {status ? <span className="muted prop-section-status">{status}</span> : null}
      </summary>
      <div className="prop-section-body">{children}</div>
    </details>
  );
}
