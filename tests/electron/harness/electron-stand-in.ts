/**
 * A stand-in for the parts of Electron's main-process API that electron/main uses, backed by real Chromium
 * through playwright-core: each BrowserWindow is a real page, app://tessera is answered by the handler main
 * gave to protocol.handle, the page's CSP header is applied by Chromium, IPC carries the real sender frame, and
 * the page's beforeunload decides closes as in Electron. Test code for an external API (like a fake storage
 * server): our own main.cjs and preload.cjs run unmodified against it. Each behaviour cites the Electron docs.
 *
 * Where it cannot be Electron (documented, and covered by unit tests instead):
 *  - Transport: Chromium here cannot load a custom scheme (Playwright does not intercept app://), so the page
 *    is loaded from http://tessera.localhost/ and every request to it is answered by main's app:// handler
 *    with the URL rewritten to app://tessera/... . Main sees only app:// URLs (protocol requests, senderFrame.url,
 *    will-navigate).
 *  - CSP connect-src: on http, the policy's `http:` would match the page's own fetches; on app:// only 'self'
 *    does. So the stand-in decides the page's own fetch/XHR to the transport origin itself, against the CSP
 *    header main served the document with, as Chromium does for app:// (app-scheme-csp.ts); every other CSP
 *    directive (script-src, img-src, ...) is Chromium's own. Reverting defect 2 (connectSelf) leaves the
 *    viewer without its info.json in the first-screen test.
 *  - Covered by unit tests only: the page's window.location.origin is http://tessera.localhost, not
 *    app://tessera, so imageSrc()'s treatment of app://tessera image URLs (defect 3) is proven by
 *    tests/renderer/features/image-src.test.ts, not here; the app:// CSP header itself by
 *    tests/electron/main/app-responder.test.ts.
 *  - Each window has its own browser context (Electron windows share the default session).
 *  - Focus is the app's own bookkeeping (show() and focus() give it, close takes it), not the desktop's: a test
 *    says which window the user works in with focus(), as a click on it would.
 *  - The preload runs in the page's main world, not an isolated world (see page-runtime.js).
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { allowsOwnAppConnection } from './app-scheme-csp';

export const TRANSPORT_ORIGIN = 'http://tessera.localhost';
const BINDING = '__electronStandInIpc';
const PAGE_RUNTIME = readFileSync(path.join(__dirname, 'page-runtime.js'), 'utf8');

type Handler = (event: unknown, ...args: unknown[]) => unknown;

/** A preventable event, as Electron passes to 'close', 'will-prevent-unload', 'open-file', 'before-quit'. */
function preventable() {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

/** What main sees of a page URL: the transport origin is app://tessera (see the note at the top). */
export function toAppUrl(url: string): string {
  return url.startsWith(`${TRANSPORT_ORIGIN}/`) ? `app://tessera${url.slice(TRANSPORT_ORIGIN.length)}` : url;
}
function toTransportUrl(url: string): string {
  return url.startsWith('app://tessera/') ? `${TRANSPORT_ORIGIN}${url.slice('app://tessera'.length)}` : url;
}

/** The senderFrame of an IPC event: WebFrameMain's url and parent (docs: api/web-frame-main). */
function frameMain(frame: Frame): { url: string; parent: unknown; name: string } {
  const parent = frame.parentFrame();
  return { url: toAppUrl(frame.url()), parent: parent ? frameMain(parent) : null, name: frame.name() };
}

export interface MenuItem {
  label?: string;
  role?: string;
  submenu?: MenuItem[];
  /** Docs (api/menu-item): "Will be called with click(menuItem, window, event) when the menu item is clicked." */
  click?: (menuItem: MenuItem, window: unknown, event: Record<string, unknown>) => void;
}

export interface DialogCall {
  kind: 'showOpenDialog' | 'showSaveDialog' | 'showMessageBoxSync';
  options: Record<string, unknown>;
  /** The window the dialog is a sheet of, or null for a parentless dialog. */
  parent: unknown;
}

export interface StandInOptions {
  browser: Browser;
  userData: string;
  /** Requests other than the app's own that the page may make (fixture servers); all others are aborted. */
  allowRequest?: (url: string) => boolean;
}

export function createElectronStandIn(options: StandInOptions) {
  const windows = new Set<StandInWindow>();
  const dialogAnswers: { kind: DialogCall['kind']; answer: unknown }[] = [];
  const dialogCalls: DialogCall[] = [];
  const externalOpened: string[] = [];
  const cspViolations: { directive: string; url: string }[] = [];
  const privileged: { scheme: string; privileges?: Record<string, boolean> }[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  const invokeHandlers = new Map<string, Handler>();
  let applicationMenu: { items: MenuItem[] } | null = null;
  let focusedWindow: StandInWindow | null = null;
  let nextWebContentsId = 1;
  let ready = false;
  let quitting = false;
  let markReady: () => void = () => undefined;
  const whenReadyPromise = new Promise<void>((resolve) => (markReady = resolve));
  let hasQuit = false;
  let resolveQuit: () => void = () => undefined;
  const quitPromise = new Promise<void>((resolve) => (resolveQuit = resolve));
  const markQuit = () => {
    hasQuit = true;
    resolveQuit();
  };

  // ---- app (docs: api/app) ----
  class App extends EventEmitter {
    readonly isPackaged = false;
    whenReady() {
      return whenReadyPromise;
    }
    isReady() {
      return ready;
    }
    getPath(name: string) {
      if (name === 'userData') return options.userData;
      return path.join(options.userData, `path-${name}`);
    }
    getVersion() {
      return '0.0.0-stand-in';
    }
    /** One instance here; a second one is simulated with `secondInstance()`. */
    requestSingleInstanceLock() {
      return true;
    }
    readonly recentDocuments: string[] = [];
    addRecentDocument(file: string) {
      this.recentDocuments.push(file);
    }
    /**
     * "Try to close all windows. The before-quit event will be emitted first. If all windows are successfully
     * closed, the will-quit event will be emitted ... It is possible that a window cancels the quitting by
     * returning false in the beforeunload event handler." And: when quitting, window-all-closed is not emitted.
     */
    quit() {
      const before = preventable();
      this.emit('before-quit', before);
      if (before.defaultPrevented) return;
      quitting = true;
      void (async () => {
        for (const window of [...windows]) {
          const closed = await window.tryClose();
          if (!closed) {
            quitting = false;
            return;
          }
        }
        const willQuit = preventable();
        this.emit('will-quit', willQuit);
        if (willQuit.defaultPrevented) {
          quitting = false;
          return;
        }
        this.emit('quit', preventable(), 0);
        markQuit();
      })();
    }
    exit() {
      markQuit();
    }
  }
  const app = new App();

  /** "If you do not subscribe to this event and all windows are closed, the default behavior is to quit." */
  function giveFocus(window: StandInWindow) {
    if (focusedWindow === window) return;
    const previous = focusedWindow;
    focusedWindow = window;
    previous?.emit('blur');
    window.emit('focus');
  }

  function windowGone(window: StandInWindow) {
    windows.delete(window);
    if (focusedWindow === window) focusedWindow = null;
    if (windows.size > 0 || quitting) return;
    if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed');
    else app.quit();
  }

  // ---- protocol (docs: api/protocol) ----
  const protocol = {
    /** "This method can only be used before the ready event of the app module gets emitted." */
    registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]) {
      if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
      privileged.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response> | Response) {
      protocolHandlers.set(scheme, handler);
    },
  };

  // ---- ipcMain (docs: api/ipc-main) ----
  class IpcMain extends EventEmitter {
    /** "Adds a handler for an invokeable IPC. ... Only one handler per channel." */
    handle(channel: string, handler: Handler) {
      if (invokeHandlers.has(channel))
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      invokeHandlers.set(channel, handler);
    }
    removeHandler(channel: string) {
      invokeHandlers.delete(channel);
    }
  }
  const ipcMain = new IpcMain();

  // ---- dialog (docs: api/dialog), answered by the test in order ----
  function answerDialog(
    kind: DialogCall['kind'],
    dialogOptions: Record<string, unknown>,
    parent: unknown,
  ): unknown {
    dialogCalls.push({ kind, options: dialogOptions, parent });
    const index = dialogAnswers.findIndex((a) => a.kind === kind);
    if (index < 0) throw new Error(`The test did not script an answer for dialog.${kind}`);
    return dialogAnswers.splice(index, 1)[0]?.answer;
  }
  // Each takes an optional parent window first: dialog.showOpenDialog([window, ]options).
  const optionsOf = (first: unknown, second: unknown) => (second ?? first) as Record<string, unknown>;
  const parentOf = (first: unknown, second: unknown) => (second === undefined ? null : first);
  const dialog = {
    async showOpenDialog(first: unknown, second?: unknown) {
      return answerDialog('showOpenDialog', optionsOf(first, second), parentOf(first, second));
    },
    async showSaveDialog(first: unknown, second?: unknown) {
      return answerDialog('showSaveDialog', optionsOf(first, second), parentOf(first, second));
    },
    /** "Returns Integer - the index of the clicked button." (synchronous: it blocks the main process) */
    showMessageBoxSync(first: unknown, second?: unknown) {
      return answerDialog('showMessageBoxSync', optionsOf(first, second), parentOf(first, second)) as number;
    },
  };

  // ---- Menu (docs: api/menu): the template is kept so the test can click an item ----
  const Menu = {
    buildFromTemplate(template: MenuItem[]) {
      return { items: template };
    },
    setApplicationMenu(menu: { items: MenuItem[] } | null) {
      applicationMenu = menu;
    },
  };

  const shell = {
    async openExternal(url: string) {
      externalOpened.push(url);
    },
  };

  // ---- BrowserWindow and webContents (docs: api/browser-window, api/web-contents) ----
  class StandInSession {
    permissionRequestHandler: unknown = null;
    permissionCheckHandler: unknown = null;
    devicePermissionHandler: unknown = null;
    setPermissionRequestHandler(handler: unknown) {
      this.permissionRequestHandler = handler;
    }
    setPermissionCheckHandler(handler: unknown) {
      this.permissionCheckHandler = handler;
    }
    setDevicePermissionHandler(handler: unknown) {
      this.devicePermissionHandler = handler;
    }
  }

  /** session.defaultSession (docs: api/session): no proxy here; resolveProxy answers as for "direct". */
  const session = {
    defaultSession: Object.assign(new StandInSession(), {
      async resolveProxy(_url: string) {
        return 'DIRECT';
      },
    }),
  };

  class WebContents extends EventEmitter {
    /** Docs (api/web-contents): "A Integer representing the unique ID of this WebContents." */
    readonly id = nextWebContentsId++;
    readonly session = new StandInSession();
    windowOpenHandler: unknown = null;
    page: Page | null = null;
    sending: Promise<unknown> = Promise.resolve();
    destroyed = false;
    constructor(readonly owner: StandInWindow) {
      super();
    }
    setWindowOpenHandler(handler: unknown) {
      this.windowOpenHandler = handler;
    }
    getURL() {
      return this.page ? toAppUrl(this.page.url()) : '';
    }
    isDestroyed() {
      return this.destroyed;
    }
    /**
     * "Send an asynchronous message to the renderer process via channel" — to the page as it is now: a message
     * sent before the page listens is lost, as in Electron.
     */
    send(channel: string, ...args: unknown[]) {
      const page = this.page;
      if (!page || this.destroyed) return;
      this.sending = this.sending
        .then(() =>
          page.evaluate(
            ([c, a]) =>
              (
                globalThis as unknown as { __electronStandInDeliver?: (c: string, a: unknown[]) => void }
              ).__electronStandInDeliver?.(c, a),
            [channel, args] as const,
          ),
        )
        .catch(() => undefined);
    }
  }

  class StandInWindow extends EventEmitter {
    static getAllWindows() {
      return [...windows];
    }
    /** "Returns BrowserWindow | null - The window that is focused in this application, otherwise returns null." */
    static getFocusedWindow() {
      return focusedWindow;
    }
    /** "Returns BrowserWindow | null - The window that owns the given webContents or null if the contents are
     * not owned by a window." */
    static fromWebContents(contents: unknown) {
      return [...windows].find((w) => w.webContents === contents) ?? null;
    }
    readonly webContents: WebContents;
    readonly opened: Promise<{ context: BrowserContext; page: Page }>;
    title: string;
    documentEdited = false;
    visible = false;
    destroyed = false;
    closing: Promise<boolean> | null = null;
    unloadRefused: (() => void) | null = null;
    /** The CSP header the top document was served with (what Chromium enforces for the page). */
    documentPolicy: string | null = null;

    constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
      super();
      this.title = String(options['title'] ?? 'Electron');
      this.webContents = new WebContents(this);
      windows.add(this);
      // "Emitted when a new webContents is created" — during the window's construction.
      app.emit('web-contents-created', preventable(), this.webContents);
      this.opened = this.open();
    }

    async open() {
      const prefs = this.options.webPreferences ?? {};
      if (prefs['sandbox'] !== true || prefs['contextIsolation'] !== true)
        throw new Error('The stand-in runs sandboxed, context-isolated windows only.');
      const context = await options.browser.newContext({
        viewport: {
          width: Number(this.options['width'] ?? 1400),
          height: Number(this.options['height'] ?? 900),
        },
      });
      // The renderer → main half of IPC, with the real frame of the caller (docs: IpcMainEvent.senderFrame).
      await context.exposeBinding(
        BINDING,
        (source, message: { kind: string; channel: string; args: unknown[] }) =>
          this.receive(source.frame, message),
      );
      const preloadPath = prefs['preload'];
      if (typeof preloadPath === 'string') {
        const preload = readFileSync(preloadPath, 'utf8');
        await context.addInitScript({
          content: `(${PAGE_RUNTIME.slice(PAGE_RUNTIME.indexOf('function electronPageRuntime'))})(function (require, module, exports, process) {\n${preload}\n}, ${JSON.stringify(BINDING)});`,
        });
      }
      await context.route('**/*', async (route) => {
        const request = route.request();
        const url = request.url();
        if (url.startsWith(`${TRANSPORT_ORIGIN}/`)) {
          const handler = protocolHandlers.get('app');
          if (!handler || !privileged.some((p) => p.scheme === 'app' && p.privileges?.['standard']))
            return route.abort('failed');
          // The page's own fetches are checked against its CSP as Chromium checks them on app:// (see the top).
          const kind = request.resourceType();
          if (
            (kind === 'fetch' || kind === 'xhr') &&
            !allowsOwnAppConnection(this.documentPolicy, 'app://tessera')
          ) {
            cspViolations.push({ directive: 'connect-src', url: toAppUrl(url) });
            return route.abort('blockedbyclient');
          }
          const body = request.postDataBuffer();
          const response = await handler(
            new Request(toAppUrl(url), {
              method: request.method(),
              headers: await request.allHeaders(),
              ...(body && request.method() !== 'GET' && request.method() !== 'HEAD'
                ? { body: new Uint8Array(body) }
                : {}),
            }),
          );
          if (request.isNavigationRequest() && request.frame().parentFrame() === null)
            this.documentPolicy = response.headers.get('content-security-policy');
          return route.fulfill({
            status: response.status,
            headers: Object.fromEntries(response.headers.entries()),
            body: Buffer.from(await response.arrayBuffer()),
          });
        }
        if (url.startsWith('data:') || url.startsWith('blob:') || options.allowRequest?.(url))
          return route.continue();
        return route.abort('internetdisconnected');
      });
      const page = await context.newPage();
      this.webContents.page = page;
      // beforeunload → will-prevent-unload (docs: webContents "Event: 'will-prevent-unload'": "Emitted when a
      // beforeunload event handler is attempting to cancel a page unload. Calling event.preventDefault() will
      // ignore the beforeunload event handler and allow the page to be unloaded.")
      page.on('dialog', (pageDialog) => {
        if (pageDialog.type() !== 'beforeunload') return void pageDialog.dismiss();
        const event = preventable();
        this.webContents.emit('will-prevent-unload', event);
        if (event.defaultPrevented) return void pageDialog.accept();
        void pageDialog.dismiss().then(() => this.unloadRefused?.());
      });
      page.on('close', () => this.gone());
      return { context, page };
    }

    async receive(frame: Frame, message: { kind: string; channel: string; args: unknown[] }) {
      const event = {
        sender: this.webContents,
        senderFrame: frameMain(frame),
        processId: 1,
        frameId: 1,
        returnValue: undefined as unknown,
        reply: (channel: string, ...args: unknown[]) => this.webContents.send(channel, ...args),
      };
      if (message.kind === 'send') {
        ipcMain.emit(message.channel, event, ...message.args);
        return {};
      }
      const handler = invokeHandlers.get(message.channel);
      if (!handler)
        return { error: `Error invoking remote method '${message.channel}': No handler registered` };
      try {
        return { value: await handler(event, ...message.args) };
      } catch (error) {
        return { error: `Error invoking remote method '${message.channel}': ${String(error)}` };
      }
    }

    async loadURL(url: string) {
      const { page } = await this.opened;
      await page.goto(toTransportUrl(url));
      this.webContents.emit('did-finish-load');
      // "Emitted when the web page has been rendered (while not being shown) and window can be displayed."
      if (!this.visible) this.emit('ready-to-show');
    }
    /** "Shows and gives focus to the window." */
    show() {
      this.visible = true;
      this.focus();
    }
    isVisible() {
      return this.visible;
    }
    isMinimized() {
      return false;
    }
    /** "Returns Integer[] - Contains the window's current position." Where the options put it (Electron
     * centres a window given no x and y; the stand-in has no screen, so that reads as 0, 0). */
    getPosition(): [number, number] {
      return [Number(this.options['x'] ?? 0), Number(this.options['y'] ?? 0)];
    }
    restore() {}
    /** "Focuses on the window." The one focused before emits 'blur', this one 'focus' ("gains focus"). */
    focus() {
      if (!this.destroyed) giveFocus(this);
    }
    isFocused() {
      return focusedWindow === this;
    }
    setTitle(title: string) {
      this.title = title;
    }
    getTitle() {
      return this.title;
    }
    setDocumentEdited(edited: boolean) {
      this.documentEdited = edited;
    }
    isDocumentEdited() {
      return this.documentEdited;
    }
    isDestroyed() {
      return this.destroyed;
    }
    /** "Try to close the window. This has the same effect as a user manually clicking the close button." */
    close() {
      void this.tryClose();
    }
    /**
     * The close sequence: 'close' ("emitted before the beforeunload and unload event of the DOM. Calling
     * event.preventDefault() will cancel the close"), then the page's beforeunload (will-prevent-unload
     * above), then 'closed'. Resolves whether the window closed.
     */
    tryClose(): Promise<boolean> {
      if (this.destroyed) return Promise.resolve(true);
      if (this.closing) return this.closing;
      const event = preventable();
      this.emit('close', event);
      if (event.defaultPrevented) return Promise.resolve(false);
      this.closing = (async () => {
        const { page } = await this.opened;
        const closed = new Promise<boolean>((resolve) => page.once('close', () => resolve(true)));
        const stayed = new Promise<boolean>((resolve) => (this.unloadRefused = () => resolve(false)));
        await page.close({ runBeforeUnload: true });
        const outcome = await Promise.race([closed, stayed]);
        this.unloadRefused = null;
        this.closing = null;
        return outcome;
      })();
      return this.closing;
    }
    destroy() {
      void this.opened.then(({ page }) => page.close());
    }
    gone() {
      if (this.destroyed) return;
      this.destroyed = true;
      this.webContents.destroyed = true;
      void this.opened.then(({ context }) => context.close()).catch(() => undefined);
      this.emit('closed');
      windowGone(this);
    }
  }

  // ---- safeStorage (docs: api/safe-storage): a Linux machine without a keyring, so nothing is remembered ----
  const safeStorage = {
    isEncryptionAvailable: () => false,
    getSelectedStorageBackend: () => 'basic_text',
    encryptString: (): Buffer => {
      throw new Error('Error while encrypting the text provided to safeStorage.encryptString.');
    },
    decryptString: (): string => {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    },
  };

  const electron = {
    app,
    BrowserWindow: StandInWindow,
    dialog,
    ipcMain,
    Menu,
    protocol,
    safeStorage,
    session,
    shell,
  };

  return {
    /** What `require('electron')` returns to main.cjs. */
    electron: electron as Readonly<Record<string, unknown>>,
    app: app as EventEmitter & { quit(): void; readonly recentDocuments: readonly string[] },
    /** Emits will-finish-launching and ready, as Electron does once it has started. */
    start() {
      app.emit('will-finish-launching');
      ready = true;
      app.emit('ready', preventable(), {});
      markReady();
    },
    /** Ends a test's app however it stands: closes its pages and lets main release what it holds on will-quit. */
    async shutDown() {
      for (const window of [...windows]) {
        window.destroyed = true;
        const opened = await window.opened.catch(() => null);
        await opened?.context.close().catch(() => undefined);
      }
      windows.clear();
      if (!hasQuit) {
        app.emit('will-quit', preventable());
        markQuit();
      }
    },
    /**
     * The app process is killed (kill -9, a crash): its pages vanish and main hears nothing, no 'close',
     * 'closed' or 'will-quit'. What main left on disk stays as it was.
     */
    async crash() {
      for (const window of [...windows]) {
        window.destroyed = true;
        window.webContents.destroyed = true;
        const opened = await window.opened.catch(() => null);
        await opened?.context.close().catch(() => undefined);
      }
      windows.clear();
      focusedWindow = null;
      hasQuit = true;
    },
    /** Resolves once the app quit (every window closed and will-quit not prevented). */
    quitted: quitPromise,
    hasQuit: () => hasQuit,
    windows: () => [...windows],
    async firstWindow(): Promise<StandInWindow> {
      for (;;) {
        const first = [...windows][0];
        if (first) {
          await first.opened;
          return first;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    /** The next answer of a dialog kind: showMessageBoxSync → button index; open/save → Electron's result. */
    scriptDialog(kind: DialogCall['kind'], answer: unknown) {
      dialogAnswers.push({ kind, answer });
    },
    dialogCalls,
    externalOpened,
    /** The page's own connections the CSP refused (Chromium logs "Refused to connect to ..."). */
    cspViolations,
    privileged,
    /** Clicks an item of the application menu by its path of labels, as a person does. */
    clickMenu(...labels: string[]) {
      let items = applicationMenu?.items ?? [];
      let item: MenuItem | undefined;
      for (const label of labels) {
        item = items.find((i) => i.label?.replace('&', '') === label);
        if (!item) throw new Error(`No menu item ${labels.join(' › ')}`);
        items = item.submenu ?? [];
      }
      if (!item?.click) throw new Error(`${labels.join(' › ')} has no click handler`);
      // The window argument is the focused window, undefined when there is none (macOS, no window open).
      item.click(item, focusedWindow ?? undefined, {});
    },
    /** macOS: a file opened from Finder or the Dock (docs: app "Event: 'open-file'"). */
    openFile(file: string) {
      const event = preventable();
      app.emit('open-file', event, file);
      return event.defaultPrevented;
    },
    /** macOS: the Dock icon was clicked (docs: app "Event: 'activate'": event, hasVisibleWindows). */
    activate() {
      app.emit(
        'activate',
        preventable(),
        [...windows].some((w) => w.isVisible()),
      );
    },
    /** A second launch of the app (docs: app "Event: 'second-instance'": event, argv, workingDirectory). */
    secondInstance(argv: string[], workingDirectory: string) {
      app.emit('second-instance', preventable(), argv, workingDirectory, {});
    },
  };
}

export type ElectronStandIn = ReturnType<typeof createElectronStandIn>;
export type StandInBrowserWindow = Awaited<ReturnType<ElectronStandIn['firstWindow']>>;
