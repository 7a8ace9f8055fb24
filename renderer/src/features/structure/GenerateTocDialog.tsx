/**
 * Generate a table of contents: from the canvas labels (one Range per run of "Chapter N", of a quire
 * signature, or of a pattern the person writes) or from a CSV/TSV outline (label, first canvas, level). The
 * Ranges it would make are listed before anything changes; Apply adds them after the existing ones as one
 * undo step. The current table of contents can be downloaded in the same outline shape.
 */
import { useMemo, useState } from 'react';
import { displayStringOf } from '../../../../shared/iiif/language';
import type { JsonObject } from '../../../../shared/iiif/json';
import {
  formatOutlineCsv,
  generateToc,
  outlineFromStructures,
  outlineProblems,
  outlineSpans,
  parseOutlineCsv,
  TOC_PATTERNS,
  type OutlineEntry,
  type TocPattern,
} from '../../../../shared/iiif/structure';
import { Dialog } from '../../components/Dialog';
import { useDisplayLanguages } from '../../components/language/display-language';
import { useAppStore } from '../../store/store';
import { documentName } from '../../store/document-slice';
import { downloadText } from '../spreadsheet/csv-files';
import { applyOutline } from './structure-actions';
import './generate-toc.css';

type Source = keyof typeof TOC_PATTERNS | 'custom' | 'outline';
const PREVIEW_ROWS = 200;

interface Plan {
  readonly entries: readonly OutlineEntry[];
  /** Why nothing can be applied (empty when it can). */
  readonly problems: readonly string[];
  /** A remark that does not block applying. */
  readonly note?: string;
}

function planFor(
  doc: JsonObject,
  labels: readonly string[],
  source: Source,
  custom: TocPattern,
  outline: string,
  languages: readonly string[],
): Plan {
  if (source === 'outline') {
    if (outline.trim() === '') return { entries: [], problems: ['Paste an outline or choose a file.'] };
    const parsed = parseOutlineCsv(outline, doc, languages);
    return { entries: parsed.entries, problems: parsed.problems.map((p) => p.message) };
  }
  const pattern = source === 'custom' ? custom : TOC_PATTERNS[source].pattern;
  const result = generateToc(labels, pattern);
  if (!result.ok) return { entries: [], problems: [result.message] };
  const problems = outlineProblems(result.entries, labels.length).map((p) => p.message);
  const note =
    result.unmatched > 0
      ? `The first ${result.unmatched === 1 ? 'canvas comes' : `${result.unmatched} canvases come`} before any match and will be in no range.`
      : undefined;
  return note === undefined
    ? { entries: result.entries, problems }
    : { entries: result.entries, problems, note };
}

export function GenerateTocDialog({ onClose }: { onClose(): void }) {
  const doc = useAppStore((s) => s.doc);
  const name = useAppStore((s) => documentName(s));
  const languages = useDisplayLanguages();
  const [source, setSource] = useState<Source>('chapter');
  const [custom, setCustom] = useState<TocPattern>({ source: '', flags: 'iu', label: '$&' });
  const [outline, setOutline] = useState('');
  const labels = useMemo(() => {
    const items = doc && Array.isArray(doc['items']) ? doc['items'] : [];
    return items.map((canvas) =>
      canvas !== null && typeof canvas === 'object' && !Array.isArray(canvas)
        ? displayStringOf(canvas['label'], languages)
        : '',
    );
  }, [doc, languages]);
  const plan = useMemo(
    () => (doc ? planFor(doc, labels, source, custom, outline, languages) : { entries: [], problems: [] }),
    [doc, labels, source, custom, outline, languages],
  );
  if (!doc) return null;
  const canApply = plan.entries.length > 0 && plan.problems.length === 0;
  const apply = () => {
    if (canApply) {
      applyOutline(plan.entries);
      onClose();
    }
  };
  const download = (delimiter: ',' | '\t') => {
    const text = formatOutlineCsv(outlineFromStructures(doc, languages).entries, delimiter);
    const base = name.replace(/\.(json|jsonld)$/i, '').replace(/[^\w.-]+/g, '-') || 'manifest';
    downloadText(
      text,
      `${base}-contents.${delimiter === ',' ? 'csv' : 'tsv'}`,
      delimiter === ',' ? 'text/csv;charset=utf-8' : 'text/tab-separated-values;charset=utf-8',
    );
  };
  const sources: [Source, string][] = [
    ['chapter', TOC_PATTERNS.chapter.name],
    ['quire', TOC_PATTERNS.quire.name],
    ['custom', 'A pattern of my own'],
    ['outline', 'An outline (CSV or TSV: label, first canvas, level)'],
  ];

  return (
    <Dialog
      title="Generate table of contents"
      onCancel={onClose}
      primary={{
        label: `Add ${plan.entries.length.toLocaleString('en')} ${plan.entries.length === 1 ? 'range' : 'ranges'}`,
        onClick: apply,
        disabled: !canApply,
      }}
    >
      <form
        className="wide-dialog generate-toc"
        aria-label="Generate table of contents"
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <fieldset>
          <legend>Make one range for each</legend>
          {sources.map(([value, label]) => (
            <label key={value} className="generate-toc-source">
              <input
                type="radio"
                name="generate-toc-source"
                checked={source === value}
                onChange={() => setSource(value)}
              />
              {value === 'outline' ? label : `run of canvas labels: ${label}`}
            </label>
          ))}
        </fieldset>
        {source === 'custom' ? (
          <div className="generate-toc-fields">
            <label>
              Pattern (regular expression; group 1, if any, is what must change)
              <input
                value={custom.source}
                spellCheck={false}
                onChange={(event) => setCustom({ ...custom, source: event.target.value })}
              />
            </label>
            <label>
              Range label ($&amp; the match, $1 its first group)
              <input
                value={custom.label}
                onChange={(event) => setCustom({ ...custom, label: event.target.value })}
              />
            </label>
          </div>
        ) : null}
        {source === 'outline' ? (
          <div className="generate-toc-fields">
            <label>
              Outline
              <textarea
                rows={6}
                spellCheck={false}
                value={outline}
                placeholder={'label,first canvas,level\nPart I,1,1\nChapter 1,2,2'}
                onChange={(event) => setOutline(event.target.value)}
              />
            </label>
            <label className="file-button">
              <span>Choose a CSV or TSV file…</span>
              <input
                type="file"
                accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
                aria-label="Read an outline file"
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = '';
                  if (file) void file.text().then(setOutline);
                }}
              />
            </label>
          </div>
        ) : null}
        <div className="button-row">
          <span className="muted-inline">The table of contents as an outline:</span>
          <button type="button" onClick={() => download(',')}>
            Download CSV
          </button>
          <button type="button" onClick={() => download('\t')}>
            Download TSV
          </button>
        </div>
        <TocPreview plan={plan} labels={labels} />
      </form>
    </Dialog>
  );
}

function TocPreview({ plan, labels }: { plan: Plan; labels: readonly string[] }) {
  if (plan.problems.length > 0) {
    return (
      <div role="alert" className="error" data-testid="generate-toc-problems">
        {plan.problems.slice(0, 20).map((problem, i) => (
          <p key={i}>{problem}</p>
        ))}
        {plan.problems.length > 20 ? <p>{`and ${plan.problems.length - 20} more.`}</p> : null}
      </div>
    );
  }
  const spans = outlineSpans(plan.entries, labels.length);
  const shown = spans.slice(0, PREVIEW_ROWS);
  const canvasName = (i: number) => labels[i] || `canvas ${i + 1}`;
  return (
    <section aria-label="Preview" className="generate-toc-preview">
      <p aria-live="polite" data-testid="generate-toc-summary">
        {[
          `${spans.length.toLocaleString('en')} ${spans.length === 1 ? 'range' : 'ranges'} would be added${spans.length > shown.length ? `; the first ${shown.length} are shown` : ''}.`,
          plan.note,
        ]
          .filter((part) => part !== undefined)
          .join(' ')}
      </p>
      <div className="preview-table boxed generate-toc-table" tabIndex={0} aria-label="Ranges to add">
        <table>
          <thead>
            <tr>
              <th scope="col">Range</th>
              <th scope="col">Canvases</th>
              <th scope="col">Count</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((span, i) => (
              <tr key={i} data-level={span.level}>
                <td style={{ paddingLeft: 4 + (span.level - 1) * 16 }}>{span.label}</td>
                <td>
                  {span.end - span.first === 1
                    ? canvasName(span.first)
                    : `${canvasName(span.first)} – ${canvasName(span.end - 1)}`}
                </td>
                <td>{span.end - span.first}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
