/** The application frame: toolbar, messages, canvas strip, viewer, properties, status bar and dialogs. */
// The frame's rules come first: each feature's own stylesheet, imported below, may refine them.
import './app.css';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isElectron } from './api';
import { CommandButton } from './commands/CommandButton';
import { CommandPalette } from './commands/CommandPalette';
import { commandForKey, menuEntries, runCommand } from './commands/run-command';
import { AddImagesDialog } from './features/add-images/AddImagesDialog';
import { AnnotationPanel } from './features/annotations/AnnotationPanel';
import { CanvasDropHandlers } from './features/add-images/drop-handlers';
import { CanvasPanel } from './features/canvases/CanvasPanel';
import { canvasAt, canvasItems, canvasList } from '../../shared/iiif/canvases';
import { displayStringOf } from '../../shared/iiif/language';
import { useDisplayLanguages } from './components/language/display-language';
import { DisplayLanguagePicker } from './components/language/DisplayLanguagePicker';
import { startAutosave } from './features/documents/autosave';
import { DocumentDialogs } from './features/documents/DocumentDialogs';
import { DocumentTabs } from './features/documents/DocumentTabs';
import { anyDirty, windowState } from './features/documents/document-tabs';
import { SplitMergeDialogs } from './features/split-merge/SplitMergeDialogs';
import { AllowHostDialog } from './features/network/AllowHostDialog';
import { startDropToOpen } from './features/documents/drop-to-open';
import { guardUnsaved, openPath } from './features/documents/document-service';
import { startUp } from './features/documents/start-up';
import { PropertiesPanel } from './features/properties/PropertiesPanel';
import { CanvasSourceLine } from './features/sources/CanvasSourceLine';
import { SourcesPanel } from './features/sources/SourcesPanel';
import { useSourcesStore } from './features/sources/sources-store';
import { CanvasEditor } from './features/composition/CanvasEditor';
import { AddMediaDialog } from './features/media/AddMediaDialog';
import { MediaCanvasEditor } from './features/media/MediaCanvasEditor';
import { canvasDuration } from '../../shared/iiif/media';
import { PreviewView } from './features/preview/PreviewView';
import { ValidationPanel } from './features/validation/ValidationPanel';
import { StructurePanel } from './features/structure/StructurePanel';
import { useStructureStore } from './features/structure/structure-store';
import { Icon } from './components/icons';
import { PanelBoundary } from './components/PanelBoundary';
import { countBySeverity, useFindings } from './features/validation/use-findings';
import { shell, showWindowState } from './shell';
import { MemberDetails } from './features/collection/MemberDetails';
import { MembersPanel } from './features/collection/MembersPanel';
import { documentKind, documentName, isDirty } from './store/document-slice';
import { useAppStore } from './store/store';

/*
 * Elements made once, at load. App follows the document and the focus, so it renders again on every edit and
 * every move; React skips an element it is handed again unchanged, so these (each of which follows the stores
 * it reads itself) are not rendered again with it. Rendering the toolbar's buttons and their icons, the tabs
 * and the panels with App was ~1.5 ms of the frame that paints a move of 100 of 5,000 members.
 */
const TABS_AND_FILE_BUTTONS = (
  <>
    <DocumentTabs />
    <CommandButton id="new" />
    <CommandButton id="new-collection" />
    <CommandButton id="open" />
    <CommandButton id="open-url" />
    <CommandButton id="save" />
    <CommandButton id="save-as" />
    <CommandButton id="undo" />
    <CommandButton id="redo" />
    <CommandButton id="publish" />
  </>
);
const VIEW_BUTTONS = (
  <>
    <CommandButton id="toggle-annotations" data-testid="annotations-toggle" />
    <CommandButton id="split" />
    <CommandButton id="merge" />
    <CommandButton id="add-images" />
    <CommandButton id="add-media" />
    <CommandButton id="toggle-sources" />
    <CommandButton id="toggle-structure" />
    <CommandButton id="toggle-preview" data-testid="preview-toggle" />
    <CommandButton id="open-sample" />
  </>
);
const MEMBERS_PANEL = <MembersPanel />;
const MEMBER_DETAILS = <MemberDetails />;
const PROPERTIES_PANEL = <PropertiesPanel />;
const SOURCE_AND_LANGUAGE = (
  <>
    <CanvasSourceLine />
    <DisplayLanguagePicker />
  </>
);

export function App() {
  const { doc, name, dirty } = useAppStore(
    useShallow((s) => ({ doc: s.doc, name: documentName(s), dirty: isDirty(s) })),
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
  const { validation: showValidation, annotations: showAnnotations } = useAppStore((s) => s.openPanels);
  const findingCounts = countBySeverity(findings);

  useEffect(() => {
    void startUp();
    const stopAutosave = startAutosave();
    const stopDropToOpen = startDropToOpen();
    shell?.setMenuEntries(menuEntries());
    const offMenu = shell?.onMenuCommand(runCommand);
    const offOpen = shell?.onOpenPath((path) => guardUnsaved('open', () => void openPath(path), path));
    const onKey = (event: KeyboardEvent) => {
      const command = event.defaultPrevented ? null : commandForKey(event, 'window', isElectron);
      if (command) {
        event.preventDefault();
        runCommand(command.id);
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
        {TABS_AND_FILE_BUTTONS}
        <CommandButton id="toggle-validation" data-testid="validation-toggle">
          <Icon name={findingCounts.errors > 0 ? 'error' : 'valid'} /> Validation ({findingCounts.errors}/
          {findingCounts.warnings})
        </CommandButton>
        {VIEW_BUTTONS}
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
              {MEMBERS_PANEL}
            </PanelBoundary>
          ) : (
            <PanelBoundary name="canvas list" resetKey={doc}>
              <CanvasPanel />
            </PanelBoundary>
          )}
          {isCollection ? (
            <PanelBoundary name="member details" resetKey={doc}>
              {MEMBER_DETAILS}
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
            {PROPERTIES_PANEL}
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
        {SOURCE_AND_LANGUAGE}
      </footer>
      <DocumentDialogs />
      <CommandPalette />
      <AddImagesDialog />
      <SplitMergeDialogs />
      <AllowHostDialog />
      <AddMediaDialog />
      <CanvasDropHandlers />
    </div>
  );
}
