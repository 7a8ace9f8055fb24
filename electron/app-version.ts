import pkg from '../package.json';

/** The version in package.json, inlined by the bundler. */
export const APP_VERSION: string = pkg.version;
