/**
 * The names of the contract's channels, without their schemas, for the preload (which must stay small and
 * free of validation code: validation happens where requests are handled). contract.ts checks at compile time
 * that this list and the schema table name the same channels.
 */
export const channelNames = [
  'appInfo',
  'sampleProject',
  'listDirectory',
  'showOpenDialog',
  'showSaveDialog',
  'openFile',
  'saveFile',
  'recentFiles',
  'rememberOpened',
  'writeAutosave',
  'clearAutosave',
  'listRecoverable',
  'readRecoverable',
  'fetchImageInfo',
  'cancelImageInfo',
  'openSource',
  'openUrl',
  'fetchAnnotationPage',
  'allowHost',
  'importLocalImage',
  'probeMedia',
  'importLocalMedia',
  'discardLocalMedia',
  'cacheImages',
  'showFolderDialog',
  'writeFilesInFolder',
  'reviewPublication',
  'publishDocument',
  'ocrStart',
  'ocrStatus',
  'ocrCancel',
  'startPublication',
  'publicationJob',
  'cancelPublication',
  'publicationSecret',
  'forgetPublicationSecret',
] as const;

/** The IPC channel string for Electron. */
export function ipcChannel(name: (typeof channelNames)[number]): string {
  return `tessera:${name}`;
}
