/**
 * The renderer half of the Electron stand-in: runs in the page before any of its scripts (as Electron runs a
 * preload), then runs the real bundled preload.cjs with only what a sandboxed preload has. Injected as the
 * source of one function, called with (runPreload: the preload wrapped as a CommonJS function, bindingName); see electron-stand-in.ts.
 *
 * Electron semantics copied (https://www.electronjs.org/docs/latest/tutorial/sandbox#preload-scripts):
 *  - a sandboxed preload's `require` gives only `electron` (contextBridge, ipcRenderer, webUtils, ...),
 *    `events`, `timers` and `url`; anything else throws "module not found";
 *  - `process` is a small subset (platform, versions, env, type, sandboxed);
 *  - preloads run in the top frame only (webPreferences.nodeIntegrationInSubFrames is false).
 * Differences, for test code only: the preload runs in the main world, not an isolated world (Playwright cannot
 * inject into a named world before page scripts); the main-process binding is removed from the page before
 * its scripts run, so, as in Electron, only the preload reaches IPC.
 */
/* global window, navigator, console, setTimeout, clearTimeout, setInterval, clearInterval, URL, URLSearchParams */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- called by the init script electron-stand-in.ts builds
function electronPageRuntime(runPreload, bindingName) {
  if (window !== window.top) return;
  const binding = globalThis[bindingName];
  delete globalThis[bindingName];

  /** Node's EventEmitter, as far as the preload and ipcRenderer use it. */
  class EventEmitter {
    #listeners = new Map();
    on(name, listener) {
      const list = this.#listeners.get(name) ?? [];
      list.push(listener);
      this.#listeners.set(name, list);
      return this;
    }
    addListener(name, listener) {
      return this.on(name, listener);
    }
    once(name, listener) {
      const wrapped = (...args) => {
        this.removeListener(name, wrapped);
        listener(...args);
      };
      wrapped.listener = listener;
      return this.on(name, wrapped);
    }
    removeListener(name, listener) {
      const list = this.#listeners.get(name) ?? [];
      const index = list.findIndex((l) => l === listener || l.listener === listener);
      if (index >= 0) list.splice(index, 1);
      return this;
    }
    off(name, listener) {
      return this.removeListener(name, listener);
    }
    removeAllListeners(name) {
      if (name === undefined) this.#listeners.clear();
      else this.#listeners.delete(name);
      return this;
    }
    listenerCount(name) {
      return (this.#listeners.get(name) ?? []).length;
    }
    emit(name, ...args) {
      const list = [...(this.#listeners.get(name) ?? [])];
      for (const listener of list) listener(...args);
      return list.length > 0;
    }
  }

  // Electron's docs (ipcRenderer.invoke): "the main process should listen for channel with ipcMain.handle";
  // an error in the handler rejects the promise with "Error invoking remote method '<channel>': <error>".
  const ipcRenderer = new EventEmitter();
  ipcRenderer.invoke = async (channel, ...args) => {
    const reply = await binding({ kind: 'invoke', channel: String(channel), args });
    if (reply && reply.error !== undefined) throw new Error(reply.error);
    return reply?.value;
  };
  ipcRenderer.send = (channel, ...args) => {
    void binding({ kind: 'send', channel: String(channel), args });
  };

  // webUtils.getPathForFile: a File the user dropped or picked has its path; one a script made has ''.
  // The test hands dropped files over through __electronStandInDropFile (the OS's part of a drop).
  const droppedPaths = new WeakMap();
  const webUtils = {
    getPathForFile(file) {
      return droppedPaths.get(file) ?? '';
    },
  };

  // contextBridge.exposeInMainWorld (https://www.electronjs.org/docs/latest/api/context-bridge): values are
  // copied, functions are proxied, and the exposed object is frozen.
  const copyAcross = (value) => {
    if (typeof value === 'function') return (...args) => value(...args);
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return Object.freeze(value.map(copyAcross));
    const copy = {};
    for (const [key, inner] of Object.entries(value)) copy[key] = copyAcross(inner);
    return Object.freeze(copy);
  };
  const contextBridge = {
    exposeInMainWorld(key, api) {
      if (Object.prototype.hasOwnProperty.call(window, key))
        throw new Error(`Cannot bind an API on top of an existing property on the window object`);
      Object.defineProperty(window, key, { value: copyAcross(api), enumerable: true });
    },
  };

  const modules = {
    electron: { contextBridge, ipcRenderer, webUtils },
    events: Object.assign(EventEmitter, { EventEmitter, default: EventEmitter }),
    timers: { setTimeout, clearTimeout, setInterval, clearInterval },
    url: { URL, URLSearchParams },
  };
  const sandboxedRequire = (name) => {
    if (Object.prototype.hasOwnProperty.call(modules, name)) return modules[name];
    throw new Error(`module not found: ${name}`);
  };
  const sandboxedProcess = {
    platform: navigator.platform.toLowerCase().includes('mac') ? 'darwin' : 'linux',
    versions: { electron: 'stand-in', chrome: navigator.userAgent },
    env: {},
    type: 'renderer',
    sandboxed: true,
  };

  // Main → renderer (webContents.send): the listener gets (event, ...args), as with ipcRenderer.on.
  Object.defineProperty(globalThis, '__electronStandInDeliver', {
    value: (channel, args) => ipcRenderer.emit(channel, { sender: ipcRenderer }, ...args),
  });
  Object.defineProperty(globalThis, '__electronStandInDropFile', {
    value: (file, path) => droppedPaths.set(file, path),
  });

  const module = { exports: {} };
  try {
    runPreload(sandboxedRequire, module, module.exports, sandboxedProcess);
  } catch (error) {
    // Electron reports a failing preload in the console and loads the page anyway.
    console.error(`Unable to load preload script: ${error}`);
  }
}
