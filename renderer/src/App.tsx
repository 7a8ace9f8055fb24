/** The application frame: toolbar, messages, canvas strip, viewer, properties, status bar and dialogs. */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { canRedo, canUndo } from '../../shared/iiif/document/history';
import { api, isElectron } from './api';
import { AddImagesDialog } from './features/add-images/AddImagesDialog';
import { AnnotationPanel } from './features/annotations/AnnotationPanel';
import { useAddImagesStore } from './features/add-images/add-images-store';
import { CanvasDropHandlers } from './features/add-images/drop-handlers';
import { CanvasPanel } from './features/canvases/CanvasPanel';
import { canvasAt, canvasItems, canvasList } from '../../shared/iiif/canvases';
import { displayStringOf } from '../../shared/iiif/language';
import { useDisplayLanguages } from './components/language/display-language';
import { DisplayLanguagePicker } from './components/language/DisplayLanguagePicker';
import { startAutosave } from './features/documents/autosave';
import { runCommand, shortcutFor } from './features/documents/commands';
import { DocumentDialogs } from './features/documents/DocumentDialogs';
import { DocumentTabs } from './features/documents/DocumentTabs';
import { anyDirty, windowState } from './features/documents/document-tabs';
import { SplitMergeDialogs } from './features/split-merge/SplitMergeDialogs';
import { useSplitMergeStore } from './features/split-merge/split-merge-store';
import { startDropToOpen } from './features/documents/drop-to-open';
import { guardUnsaved, openPath, openSample } from './features/documents/document-service';
import { PropertiesPanel } from './features/properties/PropertiesPanel';
import { CanvasSourceLine } from './features/sources/CanvasSourceLine';
import { SourcesPanel } from './features/sources/SourcesPanel';
import { useSourcesStore } from './features/sources/sources-store';
import { CanvasEditor } from './features/composition/CanvasEditor';
import { AddMediaDialog } from './features/media/AddMediaDialog';
import { MediaCanvasEditor } from './features/media/MediaCanvasEditor';
import { useAddMediaStore } from './features/media/media-store';
import { canvasDuration } from '../../shared/iiif/media';
import { PreviewView } from './features/preview/PreviewView';
import { ValidationPanel } from './features/validation/ValidationPanel';
import { StructurePanel } from './features/structure/StructurePanel';
import { useStructureStore } from './features/structure/structure-store';
import { Icon } from './components/icons';
import { PanelBoundary } from './components/PanelBoundary';
import { countBySeverity, useFindings } from './features/validation/use-findings';
import { takeLaunchFile } from './launch-file';
import { shell, showWindowState } from './shell';
import { MemberDetails } from './features/collection/MemberDetails';
import { MembersPanel } from './features/collection/MembersPanel';
import { documentKind, documentName, isDirty } from './store/document-slice';
import { useAppStore } from './store/store';

async function startUp() {
  const info = await api.appInfo({});
  if (info.ok) useAppStore.getState().setAppInfo(info.value);
  // Files given at launch wait until the page listens (the effect below has registered onOpenPath by now).
  const launchFile = await takeLaunchFile();
  if (launchFile) await openPath(launchFile);
  const recoverable = await api.listRecoverable({});
  if (recoverable.ok && recoverable.value.items.length > 0) {
    useAppStore.getState().showDialog({ kind: 'recover', items: recoverable.value.items });
    return;
  }
  if (!launchFile) await openSample();
}

export function App() {
  const { doc, name, dirty, canPast, canFuture } = useAppStore(
    useShallow((s) => ({
      doc: s.doc,
      name: documentName(s),
      dirty: isDirty(s),
      canPast: s.history !== null && canUndo(s.history),
      canFuture: s.history !== null && canRedo(s.history),
    })),
  );
  const focus = useAppStore((s) => s.focus);
  const selectedCount = useAppStore((s) => s.selected.size);
  const message = useAppStore((s) => s.message);
  const busy = useAppStore((s) => s.busy);
  const appInfo = useAppStore((s) => s.appInfo);
  const viewMode = useAppStore((s) => s.viewMode);
  const isCollection = useAppStore((s) => documentKind(s) === 'Collection');
  const displayLanguages = useDisplayLanguages();
  const sourcesOpen = useSourcesStore((s) => s.open);
  const structureOpen = useStructureStore((s) => s.open);
  const sourceText = useAppStore((s) => s.textBase?.text ?? null);
  const { findings } = useFindings(doc, sourceText);
  const [showValidation, setShowValidation] = useState(false);
  const [showAnnotations, setShowAnnotations] = useState(false);
  const findingCounts = countBySeverity(findings);

  useEffect(() => {
    void startUp();
    const stopAutosave = startAutosave();
    const stopDropToOpen = startDropToOpen();
    const offMenu = shell?.onMenuCommand(runCommand);
    const offOpen = shell?.onOpenPath((path) => guardUnsaved('open', () => void openPath(path), path));
    const onKey = (event: KeyboardEvent) => {
      if (isElectron) return;
      const command = shortcutFor(event);
      if (command) {
        event.preventDefault();
        runCommand(command);
      }
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (anyDirty(useAppStore.getState())) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      stopAutosave();
      stopDropToOpen();
      offMenu?.();
      offOpen?.();
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);

  const titleBar = useAppStore(useShallow(windowState));
  useEffect(() => showWindowState(titleBar.name, titleBar.dirty), [titleBar.name, titleBar.dirty]);

  // Focus is a raw index into `items` (as the grid and every edit count), so the editor edits what it shows.
  const canvas = canvasAt(doc, focus);
  return (
    <div className="app">
      {/* A banner landmark (not role=toolbar, which hid it): the document's name is the page's h1. */}
      <header className="toolbar">
        <div className="title">
          <h1 className="name" data-testid="manifest-label" dir="auto">
            {doc ? displayStringOf(doc['label'], displayLanguages) || name : 'No document'}
          </h1>
          <span className="count" data-testid="canvas-count">
            {doc
              ? isCollection
                ? `${canvasItems(doc).length} members`
                : `${canvasList(doc).length} canvases`
              : ''}
          </span>
          <span className="count">
            {name}
            {dirty ? (
              <span
                className="dirty-marker"
                role="img"
                aria-label="unsaved changes"
                data-testid="dirty-marker"
              >
                {' '}
                •
              </span>
            ) : null}
          </span>
        </div>
        <DocumentTabs />
        <button type="button" onClick={() => runCommand('new')}>
          New
        </button>
        <button
          type="button"
          onClick={() =>
            guardUnsaved('new', () =>
              useAppStore.getState().showDialog({ kind: 'new-manifest', documentType: 'Collection' }),
            )
          }
        >
          New collection…
        </button>
        <button type="button" onClick={() => runCommand('open')}>
          Open…
        </button>
        <button type="button" onClick={() => runCommand('open-url')}>
          Open URL…
        </button>
        <button type="button" onClick={() => runCommand('save')} disabled={!doc}>
          Save
        </button>
        <button type="button" onClick={() => runCommand('save-as')} disabled={!doc}>
          Save As…
        </button>
        <button type="button" onClick={() => runCommand('undo')} disabled={!canPast}>
          <Icon name="undo" /> Undo
        </button>
        <button type="button" onClick={() => runCommand('redo')} disabled={!canFuture}>
          <Icon name="redo" /> Redo
        </button>
        <button
          type="button"
          onClick={() => useAppStore.getState().showDialog({ kind: 'publish' })}
          disabled={!doc}
        >
          Publish…
        </button>
        <button
          type="button"
          aria-pressed={showValidation}
          onClick={() => setShowValidation((v) => !v)}
          data-testid="validation-toggle"
        >
          <Icon name={findingCounts.errors > 0 ? 'error' : 'valid'} /> Validation ({findingCounts.errors}/
          {findingCounts.warnings})
        </button>
        <button
          type="button"
          aria-pressed={showAnnotations}
          onClick={() => setShowAnnotations((v) => !v)}
          disabled={doc?.['type'] !== 'Manifest'}
          data-testid="annotations-toggle"
        >
          Annotations
        </button>
        <button
          type="button"
          onClick={() => useSplitMergeStore.getState().show('split')}
          disabled={doc?.['type'] !== 'Manifest'}
        >
          Split…
        </button>
        <button type="button" onClick={() => useSplitMergeStore.getState().show('merge')}>
          Merge…
        </button>
        <button
          type="button"
          onClick={() => useAddImagesStore.getState().show()}
          disabled={doc?.['type'] !== 'Manifest'}
        >
          Add images…
        </button>
        <button
          type="button"
          onClick={() => useAddMediaStore.getState().show()}
          disabled={doc?.['type'] !== 'Manifest'}
        >
          Add audio/video…
        </button>
        <button
          type="button"
          aria-pressed={sourcesOpen}
          onClick={() => useSourcesStore.getState().setOpen(!sourcesOpen)}
        >
          Sources
        </button>
        <button
          type="button"
          aria-pressed={structureOpen}
          onClick={() => useStructureStore.getState().setOpen(!structureOpen)}
          disabled={doc?.['type'] !== 'Manifest'}
        >
          Structure
        </button>
        <button
          type="button"
          aria-pressed={viewMode === 'preview'}
          onClick={() => useAppStore.getState().setViewMode(viewMode === 'preview' ? 'edit' : 'preview')}
          disabled={!doc || isCollection}
          data-testid="preview-toggle"
        >
          Preview
        </button>
        <button type="button" onClick={() => guardUnsaved('sample', () => void openSample())}>
          Sample
        </button>
      </header>
      {message ? (
        <div className={`banner ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          <span className="grow" data-testid="message">
            {message.text}
          </span>
          <button type="button" onClick={() => useAppStore.getState().showMessage(null)} aria-label="Dismiss">
            <Icon name="close" />
          </button>
        </div>
      ) : (
        <div />
      )}
      {viewMode === 'preview' && !isCollection ? (
        <PanelBoundary name="preview" resetKey={doc}>
          <PreviewView />
        </PanelBoundary>
      ) : (
        <main
          className={`workspace${sourcesOpen ? ' with-sources' : ''}${structureOpen && doc?.['type'] === 'Manifest' ? ' with-structure' : ''}`}
        >
          <PanelBoundary name="sources panel">
            <SourcesPanel />
          </PanelBoundary>
          {doc?.['type'] === 'Manifest' ? (
            <PanelBoundary name="structure panel" resetKey={doc}>
              <StructurePanel />
            </PanelBoundary>
          ) : null}
          {/* A collection lists members, not canvases: no viewer, no Compose (issue 17). */}
          {isCollection ? (
            <PanelBoundary name="member list" resetKey={doc}>
              <MembersPanel />
            </PanelBoundary>
          ) : (
            <PanelBoundary name="canvas list" resetKey={doc}>
              <CanvasPanel />
            </PanelBoundary>
          )}
          {isCollection ? (
            <PanelBoundary name="member details" resetKey={doc}>
              <MemberDetails />
            </PanelBoundary>
          ) : (
            <PanelBoundary name="canvas editor" resetKey={canvas}>
              {canvas && focus !== null && canvasDuration(canvas) !== undefined ? (
                <MediaCanvasEditor canvas={canvas} canvasIndex={focus} />
              ) : (
                <CanvasEditor canvas={canvas} canvasIndex={canvas ? focus : null} />
              )}
            </PanelBoundary>
          )}
          <PanelBoundary name="properties" resetKey={doc}>
            <PropertiesPanel />
          </PanelBoundary>
        </main>
      )}
      {showValidation ? (
        <PanelBoundary name="validation panel" resetKey={doc}>
          <ValidationPanel findings={findings} />
        </PanelBoundary>
      ) : null}
      {showAnnotations && doc?.['type'] === 'Manifest' ? (
        <PanelBoundary name="annotation panel" resetKey={doc}>
          <AnnotationPanel />
        </PanelBoundary>
      ) : null}
      <footer className="statusbar">
        <span>{busy ?? 'Ready'}</span>
        <span data-testid="selection-count">{selectedCount} selected</span>
        <span>
          {appInfo ? `${appInfo.shell === 'web' ? 'Browser' : 'Desktop'} · ${appInfo.version}` : ''}
        </span>
        {appInfo?.workspace ? <span>Workspace: {appInfo.workspace}</span> : null}
        <CanvasSourceLine />
        <DisplayLanguagePicker />
      </footer>
      <DocumentDialogs />
      <AddImagesDialog />
      <SplitMergeDialogs />
      <AddMediaDialog />
      <CanvasDropHandlers />
    </div>
  );
}
