// The renderer's htmlparser2 (vite.config.ts aliases the package here). sanitize-html, its only user, calls
// nothing but `new Parser(...)`, yet requiring the package's index also bundles DomHandler, DomUtils and
// dom-serializer (about 90 kB) into the first screen's chunk. The package exports no subpath for the parser, so
// this takes it from the package's own ES build by file path.
export { Parser } from '../../node_modules/htmlparser2/dist/esm/Parser.js';
