/** Application session state: who we are (shell, workspace), what is on screen (dialogs) and messages. */
import type { StateCreator } from 'zustand';
import type { ResponseOf } from '../../../shared/ipc/contract';

export type Dialog =
  | { kind: 'none' }
  | { kind: 'open-file' }
  | { kind: 'save-file'; then?: 'close'; suggestedName?: string }
  /** The first save of a document upgraded from Presentation 2: a new file, or replace the original? */
  | { kind: 'save-upgraded'; path: string; name: string }
  | { kind: 'new-manifest'; documentType?: 'Manifest' | 'Collection' }
  | { kind: 'publish' }
  | { kind: 'open-url' }
  | { kind: 'confirm-discard'; action: 'new' | 'open' | 'open-url' | 'close' | 'sample'; path?: string }
  | { kind: 'confirm-overwrite'; path: string; message: string }
  | { kind: 'recover'; items: ResponseOf<'listRecoverable'>['items'] };

export interface Message {
  kind: 'info' | 'error';
  text: string;
}

export interface SessionSlice {
  appInfo: ResponseOf<'appInfo'> | null;
  dialog: Dialog;
  message: Message | null;
  busy: string | null;
  /**
   * The language the UI shows text in when a language map has several (a BCP 47 tag), or null to follow the
   * browser's languages. Read it through components/language/display-language.ts (useDisplayLanguages).
   */
  displayLanguage: string | null;
  /** 'edit': the workspace; 'preview': the manifest as a reader sees it (features/preview). */
  viewMode: 'edit' | 'preview';
  /** The panels below the workspace that are shown (toggled by their commands). */
  openPanels: { readonly validation: boolean; readonly annotations: boolean };
  setAppInfo(info: ResponseOf<'appInfo'>): void;
  showDialog(dialog: Dialog): void;
  showMessage(message: Message | null): void;
  setBusy(what: string | null): void;
  setDisplayLanguage(language: string | null): void;
  setViewMode(mode: 'edit' | 'preview'): void;
  togglePanel(panel: keyof SessionSlice['openPanels']): void;
}

export const createSessionSlice: StateCreator<SessionSlice, [], [], SessionSlice> = (set) => ({
  appInfo: null,
  dialog: { kind: 'none' },
  message: null,
  busy: null,
  displayLanguage: null,
  viewMode: 'edit',
  openPanels: { validation: false, annotations: false },
  setAppInfo: (appInfo) => set({ appInfo }),
  showDialog: (dialog) => set({ dialog }),
  showMessage: (message) => set({ message }),
  setBusy: (busy) => set({ busy }),
  setDisplayLanguage: (displayLanguage) => set({ displayLanguage }),
  setViewMode: (viewMode) => set({ viewMode }),
  togglePanel: (panel) => set((s) => ({ openPanels: { ...s.openPanels, [panel]: !s.openPanels[panel] } })),
});
