/**
 * A body shown the way it may be shown: text/html reduced to the Presentation 3 subset by the shared sanitiser
 * (through SafeHtml, which only ever inserts sanitiser output), anything else as escaped text.
 */
import { isHtmlValue } from '../../../../shared/iiif/html';
import { bodyText, type BodyView } from '../../../../shared/iiif/annotations';
import { SafeHtml } from '../../components/language/SafeHtml';

export function BodyPreview({ body }: { body: BodyView }) {
  if (body.kind === 'text' && body.format === 'text/html') {
    // A body is HTML by its format; markup not starting with a tag is wrapped so it is sanitised, not escaped.
    const html = isHtmlValue(body.value) ? body.value : `<span>${body.value}</span>`;
    return <SafeHtml value={html} className="annotation-html" />;
  }
  return <span>{bodyText(body)}</span>;
}
