/** The polite live region that reads out the result of canvas edits (see announcer.ts). */
import { useAnnouncer } from './announcer';

export function CanvasAnnouncer() {
  const text = useAnnouncer((s) => s.text);
  const serial = useAnnouncer((s) => s.serial);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="canvas-announcer">
      {/* A new node per announcement makes screen readers read a repeated sentence again. */}
      <span key={serial}>{text}</span>
    </div>
  );
}
