/**
 * Structure (Presentation 3 `structures`): the table of contents read as typed views over the one JSON tree,
 * and changed by pure edits. No second model: the Ranges are the document's own objects.
 */
export * from './range-items';
export * from './structure-view';
export * from './range-tree';
export * from './range-edits';
export * from './prune-references';
export * from './outline';
export * from './generate-toc';
export * from './outline-csv';
