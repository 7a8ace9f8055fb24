/**
 * Where the OCR worker script and the language data are on disk. Worker threads load files by path, and in the
 * packaged app those are unpacked beside app.asar (package.json `build.asarUnpack`): a path inside the archive
 * is turned into the same path in app.asar.unpacked. Each entry point says where it runs from (a bundle in dist/,
 * or the source tree for tests and benchmarks), because one module cannot know that in both CJS and ESM bundles.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { UserFacingError } from '../../../shared/ipc/result';

export interface OcrFiles {
  /** The script tesseract.js runs in its worker threads. */
  readonly workerPath: string;
  /** The folder holding `<language>.traineddata.gz`; throws a UserFacingError when it is not installed. */
  languageDataDir(language: string): string;
}

function unpacked(file: string): string {
  return file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

function filesFrom(workerPath: string, resolveFrom: string): OcrFiles {
  const requireThere = createRequire(path.join(resolveFrom, 'resolve-from.js'));
  const installed = (): string[] => {
    try {
      const tesseract = path.dirname(requireThere.resolve('tesseract.js/package.json'));
      return readdirSync(path.join(tesseract, '..', '@tesseract.js-data'));
    } catch {
      return [];
    }
  };
  return {
    workerPath: unpacked(workerPath),
    languageDataDir(language) {
      let packageJson: string;
      try {
        packageJson = requireThere.resolve(`@tesseract.js-data/${language}/package.json`);
      } catch {
        const have = installed();
        throw new UserFacingError(
          'ocr-language',
          `There is no OCR language data for "${language}" here (installed: ${have.join(', ') || 'none'}).`,
        );
      }
      // The LSTM-only data ("best_int"): the engine runs LSTM only, and it is what tesseract.js itself uses then.
      const dir = unpacked(path.join(path.dirname(packageJson), '4.0.0_best_int'));
      if (!existsSync(path.join(dir, `${language}.traineddata.gz`)))
        throw new UserFacingError('ocr-language', `The OCR language data for "${language}" is incomplete.`);
      return dir;
    },
  };
}

/** For a bundle in dist/<name>/: the worker copied to dist/ocr/ocr-worker.cjs by the build. */
export function bundledOcrFiles(bundleDir: string): OcrFiles {
  return filesFrom(path.join(bundleDir, '..', 'ocr', 'ocr-worker.cjs'), bundleDir);
}

/** For code run from the TypeScript sources (tests, benchmarks), given the repository's root. */
export function sourceOcrFiles(root: string): OcrFiles {
  return filesFrom(path.join(root, 'electron/services/ocr/ocr-worker.cjs'), root);
}
