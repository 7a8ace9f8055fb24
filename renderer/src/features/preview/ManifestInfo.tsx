/**
 * What a reader sees beside the pages: label, summary, metadata, the required statement (credits), rights and
 * providers. Every value goes through SafeHtml, which shows the spec's HTML subset sanitised by shared/iiif/html
 * and everything else as escaped text; rights show as the licence's name, linked to its URI.
 */
import type { ReactNode } from 'react';
import { isLanguageMap, pickLanguage } from '../../../../shared/iiif/language';
import { isJsonObject, type JsonObject, type JsonValue } from '../../../../shared/iiif/json';
import { findRightsOption } from '../../../../shared/iiif/rights';
import { useDisplayLanguages } from '../../components/language/display-language';
import { SafeHtml } from '../../components/language/SafeHtml';
import { asArray, idOf } from '../../../../shared/iiif/fields';
import './preview.css';

/** The values to show for a language map (all values of the picked language), tolerating plain strings. */
function valuesOf(value: JsonValue | undefined, languages: readonly string[]): readonly string[] {
  if (typeof value === 'string') return [value];
  if (isLanguageMap(value)) return pickLanguage(value, languages)?.values ?? [];
  return [];
}

function Values({ value, languages }: { value: JsonValue | undefined; languages: readonly string[] }) {
  const values = valuesOf(value, languages);
  return (
    <>
      {values.map((text, index) => (
        <div key={index}>
          <SafeHtml value={text} />
        </div>
      ))}
    </>
  );
}

function Pairs({ entries, languages }: { entries: readonly JsonValue[]; languages: readonly string[] }) {
  const pairs = entries.filter(isJsonObject);
  if (pairs.length === 0) return null;
  return (
    <dl className="preview-pairs">
      {pairs.map((pair, index) => (
        <div key={index}>
          <dt>
            <Values value={pair['label']} languages={languages} />
          </dt>
          <dd>
            <Values value={pair['value']} languages={languages} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** `children` (the table of contents) come right after the title. */
export function ManifestInfo({ manifest, children }: { manifest: JsonObject; children?: ReactNode }) {
  const languages = useDisplayLanguages();
  const rights = typeof manifest['rights'] === 'string' ? manifest['rights'] : null;
  const licence = rights ? findRightsOption(rights) : undefined;
  const required = manifest['requiredStatement'];
  const providers = asArray(manifest['provider']).filter(isJsonObject);
  return (
    <aside className="preview-info" aria-label="About this manifest" data-testid="preview-info">
      <h2 data-testid="preview-title">
        <Values value={manifest['label']} languages={languages} />
      </h2>
      {children}
      {manifest['summary'] !== undefined ? (
        <div className="preview-summary">
          <Values value={manifest['summary']} languages={languages} />
        </div>
      ) : null}
      <Pairs entries={asArray(manifest['metadata'])} languages={languages} />
      {isJsonObject(required) ? (
        <section aria-label="Required statement" data-testid="preview-credits">
          <Pairs entries={[required]} languages={languages} />
        </section>
      ) : null}
      {rights ? (
        <p className="preview-rights" data-testid="preview-rights">
          Rights:{' '}
          {/^https?:\/\//i.test(rights) ? (
            <a href={rights} target="_blank" rel="noopener noreferrer">
              {licence ? `${licence.code} (${licence.title})` : rights}
            </a>
          ) : (
            rights
          )}
        </p>
      ) : null}
      {providers.length > 0 ? (
        <section aria-label="Provided by" className="preview-providers">
          {providers.map((provider, index) => {
            const home = asArray(provider['homepage']).find(isJsonObject);
            const link = home ? idOf(home) : null;
            return (
              <p key={index}>
                Provided by{' '}
                {link && /^https?:\/\//i.test(link) ? (
                  <a href={link} target="_blank" rel="noopener noreferrer">
                    <Values value={provider['label']} languages={languages} />
                  </a>
                ) : (
                  <Values value={provider['label']} languages={languages} />
                )}
              </p>
            );
          })}
        </section>
      ) : null}
    </aside>
  );
}
