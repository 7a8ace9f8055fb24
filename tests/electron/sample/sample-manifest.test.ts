/**
 * The built-in sample is the first screen of both shells: it must validate clean whether its tiles are served
 * from the web host's http origin or from the desktop app's app://tessera origin.
 */
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../shared/app-origin';
import { validate } from '../../../shared/iiif/validation/validate';
import { buildSampleManifest } from '../../../electron/services/sample/sample-manifest';

describe('the sample manifest', () => {
  it.each([APP_ORIGIN, 'http://127.0.0.1:5199'])(
    'has no errors or warnings when served from %s',
    (origin) => {
      const findings = validate(buildSampleManifest(origin)).filter((f) => f.severity !== 'info');
      expect(findings.map((f) => `${f.code} ${f.pathText}`)).toEqual([]);
    },
  );
});
