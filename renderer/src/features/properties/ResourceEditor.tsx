/**
 * Every descriptive property of one resource (the manifest, or one canvas), grouped in collapsible sections,
 * each marked required / recommended / optional for that resource type. Properties the spec does not allow on
 * the type (viewingDirection and start on a Canvas) are not offered.
 */
import { memo } from 'react';
import type { JsonPath } from '../../../../shared/iiif/json';
import { getIn, isJsonArray, isJsonObject } from '../../../../shared/iiif/json';
import { useDisplayLanguages, useEditingLanguage } from '../../components/language/display-language';
import { LanguageMapEditor } from '../../components/language/LanguageMapEditor';
import { useAppStore } from '../../store/store';
import { BehaviorEditor } from '../metadata/BehaviorEditor';
import { StartCanvasField, ViewingDirectionField } from '../metadata/DisplayFields';
import { LinkedListEditor } from '../metadata/LinkedListEditor';
import { MetadataEditor } from '../metadata/MetadataEditor';
import { NavDateField } from '../metadata/NavDateField';
import { NavPlaceField } from '../place/NavPlaceField';
import { ProviderEditor } from '../metadata/ProviderEditor';
import { RequiredStatementEditor } from '../metadata/RequiredStatementEditor';
import { RightsField } from '../metadata/RightsField';
import type { BoundProperty } from './doc-binding';
import { useBoundProperty } from './doc-binding';
import type { PropertyRule, ResourceKind } from './property-rules';
import { PROPERTY_GROUPS, rulesFor } from './property-rules';
import { PropertyField } from './PropertyField';
import { Section } from './Section';
import './properties.css';

interface Props {
  kind: ResourceKind;
  /**
   * [] for the document, ['items', n] for a canvas or a member, ['items', n, 'accompanyingCanvas'] for a
   * canvas's companion.
   */
  path: JsonPath;
  /**
   * What the fields' names start with instead of the kind ("Accompanying canvas"): a companion canvas is edited
   * in a dialog of its own, and its fields should say whose they are.
   */
  owner?: string;
}

export function ResourceEditor({ kind, path, owner }: Props) {
  const resource = useAppStore((s) => (s.doc ? getIn(s.doc, path) : undefined));
  if (!isJsonObject(resource)) return null;
  return (
    <>
      {PROPERTY_GROUPS.map((group) => {
        const rules = rulesFor(kind, group);
        // A member (a reference) has no rights or links of its own: no empty sections.
        if (rules.length === 0) return null;
        const set = rules.filter((r) => resource[r.property] !== undefined).length;
        return (
          <Section
            key={group}
            id={`${kind}:${group}`}
            title={group}
            defaultOpen={group === 'Description'}
            status={`${set} of ${rules.length} set`}
          >
            {rules.map((rule) => (
              <BoundField key={rule.property} rule={rule} kind={kind} path={path} owner={owner} />
            ))}
          </Section>
        );
      })}
    </>
  );
}

interface FieldProps {
  rule: PropertyRule;
  kind: ResourceKind;
  path: JsonPath;
  owner?: string | undefined;
}

/** Memoised: an edit of one property re-renders that property's editor only (each selects its own value). */
const BoundField = memo(
  function BoundField({ rule, kind, path, owner }: FieldProps) {
    const bound = useBoundProperty(path, rule.property, rule.title);
    return (
      <PropertyField
        property={rule.property}
        title={rule.title}
        requirement={rule.on[kind] ?? 'optional'}
        help={rule.help}
        present={bound.value !== undefined}
        onFocus={bound.sessionProps.onFocus}
      >
        <EditorFor rule={rule} kind={kind} path={path} bound={bound} owner={owner} />
      </PropertyField>
    );
  },
  (a: FieldProps, b: FieldProps) =>
    a.rule === b.rule && a.kind === b.kind && a.owner === b.owner && a.path.join('/') === b.path.join('/'),
);

/**
 * The accessible name of a canvas's language fields starts with "Canvas": the panel shows the manifest's and
 * the focused canvas's properties together, and two fields both named "Label (en)" could not be told apart
 * in a screen reader's list of form fields. The document's own fields keep the plain names.
 */
function ownerName(kind: ResourceKind, owner?: string): string | undefined {
  return owner ?? (kind === 'Canvas' || kind === 'Member' ? kind : undefined);
}

function EditorFor(props: {
  rule: PropertyRule;
  kind: ResourceKind;
  path: JsonPath;
  bound: BoundProperty;
  owner?: string | undefined;
}) {
  const { rule, kind, path, bound, owner } = props;
  const name = ownerName(kind, owner);
  const fieldName = (title: string) => (name ? `${name} ${title.toLowerCase()}` : title);
  const language = useEditingLanguage();
  const { value, onChange } = bound;
  switch (rule.property) {
    case 'label':
      return (
        <LanguageMapEditor
          label={fieldName('Label')}
          value={value}
          onChange={onChange}
          defaultLanguage={language}
          firstInputTestId={`label-${path.join('-') || 'manifest'}`}
        />
      );
    case 'summary':
      return (
        <LanguageMapEditor
          label={fieldName('Summary')}
          value={value}
          onChange={onChange}
          multiline
          htmlAllowed
          defaultLanguage={language}
        />
      );
    case 'metadata':
      return <MetadataEditor value={value} onChange={onChange} language={language} />;
    case 'requiredStatement':
      return <RequiredStatementEditor value={value} onChange={onChange} language={language} />;
    case 'rights':
      return <RightsField value={value} onChange={onChange} />;
    case 'provider':
      return <ProviderEditor value={value} onChange={onChange} language={language} />;
    case 'navDate':
      return <NavDateField value={value} onChange={onChange} owner={name} />;
    case 'navPlace':
      return (
        <NavPlaceField
          path={path}
          value={value}
          owner={kind === 'Canvas' ? 'canvas' : 'manifest'}
          name={owner?.toLowerCase()}
        />
      );
    case 'behavior':
      // Members are references: the table gives them no behavior to edit.
      return kind === 'Member' ? null : <BehaviorEditor host={kind} value={value} onChange={onChange} />;
    case 'viewingDirection':
      return <ViewingDirectionField value={value} onChange={onChange} />;
    case 'start':
      return <StartField bound={bound} />;
    default:
      return (
        <LinkedListEditor property={rule.property} value={value} onChange={onChange} language={language} />
      );
  }
}

function StartField({ bound }: { bound: BoundProperty }) {
  const items = useAppStore((s) => s.doc?.['items']);
  const languages = useDisplayLanguages();
  return (
    <StartCanvasField
      value={bound.value}
      onChange={bound.onChange}
      canvases={isJsonArray(items) ? items : []}
      languages={languages}
    />
  );
}
