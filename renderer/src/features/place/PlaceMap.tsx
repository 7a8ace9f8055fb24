/**
 * The navPlace map: one component that owns one Leaflet map (as ViewerPane owns OpenSeadragon). It is a view:
 * it draws the places and the drawing in progress it is given, and reports gestures (a click on the map, a vertex
 * dragged, a place chosen); the editor turns those into edits of the document, whose new value flows back here.
 *
 * Offline first: the base map is the built-in Natural Earth countries drawn as vectors, no tile layer, so the
 * map makes no request; a tile address the user configured (map-settings.ts) adds tiles when online. Markers are circle markers and CSS-styled divIcons: Leaflet's default marker icon is an
 * image fetched by URL. Colours come from classes in place.css (the CSP forbids style attributes in markup;
 * Leaflet sets SVG presentation attributes and CSSOM properties, which it allows).
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { PlaceFeatureView, PlaceKind, Position } from '../../../../shared/iiif/place';
import { KIND_TEXT, tileAddress, wrapLongitude } from '../../../../shared/iiif/place';
import type { JsonValue } from '../../../../shared/iiif/json';
import { isJsonObject } from '../../../../shared/iiif/json';
import { imageSrc } from '../images/image-src';
import { useMapSettings } from './map-settings';
import { loadWorldCountries } from './world-base-map';
import './place.css';

interface Props {
  /** The map's accessible name. */
  label: string;
  features: readonly PlaceFeatureView[];
  selected: number | null;
  /** The positions of the place being drawn, and its kind (null when not drawing). */
  draft: readonly Position[];
  draftKind: PlaceKind | null;
  onMapClick(position: Position): void;
  /** A click on the first position of a drawing: closes the polygon (or ends the line). */
  onFinishDraft(): void;
  onVertexMove(feature: number, vertex: number, position: Position): void;
  onSelect(feature: number): void;
}

/** The latest props, read by Leaflet handlers bound once. */
type Handlers = { readonly current: Props };

const latLng = ([lon, lat]: Position): L.LatLngTuple => [lat, lon];
const positionOf = (point: L.LatLng): Position => [wrapLongitude(point.lng), point.lat];

export function PlaceMap(props: Props) {
  const { label, features, selected, draft, draftKind } = props;
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  // Leaflet's handlers are bound once; they read the latest callbacks through this ref.
  const handlers = useRef(props);
  useLayoutEffect(() => {
    handlers.current = props;
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = L.map(element, {
      center: [20, 0],
      zoom: 1,
      minZoom: 1,
      maxZoom: 16,
      worldCopyJump: false,
      maxBounds: [
        [-90, -360],
        [90, 360],
      ],
      maxBoundsViscosity: 0.8,
      // An animated zoom still running when the dialog closes makes Leaflet read the removed panes
      // ("reading '_leaflet_pos'"); zooming in steps has no such afterlife.
      zoomAnimation: false,
    });
    instance.attributionControl.setPrefix('Leaflet');
    instance.attributionControl.addAttribution('Countries: Natural Earth');
    instance.on('click', (event: L.LeafletMouseEvent) =>
      handlers.current.onMapClick(positionOf(event.latlng)),
    );
    map.current = instance;
    layer.current = L.layerGroup().addTo(instance);
    let live = true;
    void loadWorldCountries().then((countries) => {
      if (!live) return;
      L.geoJSON(countries, { interactive: false, style: { className: 'place-country' } })
        .addTo(instance)
        .bringToBack();
    });
    return () => {
      live = false;
      instance.stop();
      instance.remove();
      map.current = null;
      layer.current = null;
    };
  }, []);

  // A tile base map the user configured for use online, under the countries (drawn as outlines only then).
  const { tileTemplate, attribution } = useMapSettings();
  useEffect(() => {
    const instance = map.current;
    if (!instance || tileTemplate === '') return;
    const tiles = L.tileLayer('', { attribution, maxZoom: 16, className: 'place-tiles' });
    // Through the main side's image route (its per-host limit and disk cache), never fetched by the page.
    tiles.getTileUrl = (coords) =>
      imageSrc(tileAddress(tileTemplate, coords.z, coords.x, coords.y), undefined, 'local');
    tiles.addTo(instance);
    return () => {
      tiles.remove();
    };
  }, [tileTemplate, attribution]);

  // Shows all places when the map first has some (opening the editor on existing places).
  const framed = useRef(false);
  useEffect(() => {
    const instance = map.current;
    if (!instance || framed.current || features.length === 0) return;
    framed.current = true;
    const bounds = L.latLngBounds([]);
    for (const feature of features) for (const position of feature.positions) bounds.extend(latLng(position));
    if (bounds.isValid()) instance.fitBounds(bounds, { padding: [40, 40], maxZoom: 8 });
  }, [features]);

  useEffect(() => {
    const group = layer.current;
    if (!group) return;
    group.clearLayers();
    for (const feature of features) drawFeature(group, feature, feature.index === selected, handlers);
    const chosen = selected === null ? undefined : features[selected];
    if (chosen && chosen.kind !== null) drawVertexHandles(group, chosen, handlers);
    if (draftKind !== null) drawDraft(group, draftKind, draft, handlers);
  }, [features, selected, draft, draftKind]);

  return (
    <div
      ref={container}
      className={`place-map${draftKind !== null ? ' drawing' : ''}${tileTemplate !== '' ? ' with-tiles' : ''}`}
      role="application"
      aria-label={label}
      aria-roledescription="map"
      data-testid="place-map"
      data-drawing={draftKind === null ? undefined : KIND_TEXT[draftKind]}
    />
  );
}

function drawFeature(
  group: L.LayerGroup,
  feature: PlaceFeatureView,
  isSelected: boolean,
  handlers: Handlers,
) {
  const className = `place-shape${isSelected ? ' selected' : ''}`;
  const shape = shapeOf(feature, className);
  if (!shape) return;
  shape.on('click', (event: L.LeafletMouseEvent) => {
    L.DomEvent.stopPropagation(event);
    if (handlers.current.draftKind === null) handlers.current.onSelect(feature.index);
    else handlers.current.onMapClick(positionOf(event.latlng));
  });
  shape.addTo(group);
}

function drawVertexHandles(group: L.LayerGroup, feature: PlaceFeatureView, handlers: Handlers) {
  feature.positions.forEach((position, vertex) => {
    const handle = L.marker(latLng(position), {
      draggable: true,
      keyboard: true,
      title: `Vertex ${vertex + 1} of place ${feature.index + 1}: drag to move`,
      alt: `Vertex ${vertex + 1}`,
      icon: L.divIcon({ className: 'place-vertex', iconSize: [14, 14] }),
    });
    handle.on('dragend', () =>
      handlers.current.onVertexMove(feature.index, vertex, positionOf(handle.getLatLng())),
    );
    handle.addTo(group);
  });
}

function drawDraft(group: L.LayerGroup, kind: PlaceKind, positions: readonly Position[], handlers: Handlers) {
  const points = positions.map(latLng);
  if (kind === 'Polygon' && points.length >= 3)
    L.polygon(points, { className: 'place-draft', interactive: false }).addTo(group);
  else if (points.length >= 2)
    L.polyline(points, { className: 'place-draft', interactive: false }).addTo(group);
  points.forEach((point, index) => {
    // The first vertex is the target that closes the shape, as in most drawing tools; so it is larger.
    const first = index === 0 && points.length >= 2;
    const marker = L.circleMarker(point, {
      radius: first ? 7 : 4,
      className: `place-draft-vertex${first ? ' first' : ''}`,
      interactive: first,
    });
    if (first)
      marker.on('click', (event: L.LeafletMouseEvent) => {
        L.DomEvent.stopPropagation(event);
        handlers.current.onFinishDraft();
      });
    marker.addTo(group);
  });
}

function shapeOf(feature: PlaceFeatureView, className: string): L.Layer | null {
  const points = feature.positions.map(latLng);
  switch (feature.kind) {
    case 'Point':
      return points[0] ? L.circleMarker(points[0], { radius: 7, className }) : null;
    case 'LineString':
      return L.polyline(points, { className });
    case 'Polygon':
      return L.polygon(points, { className });
    default:
      return isGeometry(feature.geometry)
        ? L.geoJSON(feature.geometry, {
            style: { className },
            pointToLayer: (_point, at) => L.circleMarker(at, { radius: 7, className }),
          })
        : null;
  }
}

function isGeometry(value: JsonValue | undefined): value is JsonValue & GeoJSON.Geometry {
  return isJsonObject(value) && typeof value['type'] === 'string' && Array.isArray(value['coordinates']);
}
