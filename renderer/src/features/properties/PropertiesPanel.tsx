/** The right-hand panel: the manifest's and the selected canvas's properties. */
import { useAppStore } from '../../store/store';
import { canvasesOf } from '../canvases/canvas-view';
import { LabelField } from './LabelField';

export function PropertiesPanel() {
  const doc = useAppStore((s) => s.doc);
  const focus = useAppStore((s) => s.focus);
  const notices = useAppStore((s) => s.notices);
  if (!doc) return <aside className="panel right" aria-label="Properties" />;
  const canvas = focus !== null ? canvasesOf(doc)[focus] : undefined;
  return (
    <aside className="panel right" aria-label="Properties">
      <h2>Manifest</h2>
      <LabelField path={[]} resource={doc} title="Manifest label" />
      {canvas && focus !== null ? (
        <>
          <h2>Canvas {focus + 1}</h2>
          <LabelField key={focus} path={['items', focus]} resource={canvas} title="Canvas label" />
          <p className="muted">
            {String(canvas['width'] ?? '?')} × {String(canvas['height'] ?? '?')}
          </p>
        </>
      ) : null}
      {notices.length > 0 ? (
        <>
          <h2>On opening</h2>
          <ul className="notice-list" aria-label="Notices">
            {notices.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </>
      ) : null}
    </aside>
  );
}
