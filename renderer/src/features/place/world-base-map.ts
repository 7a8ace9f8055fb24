/**
 * The built-in world base map: Natural Earth's countries at 1:110m (world-atlas, about 100 kB of TopoJSON),
 * turned into GeoJSON once. It ships with the app, so the map works offline and makes no tile requests; it is
 * loaded on first use only, as its own chunk.
 */
import type { FeatureCollection } from 'geojson';

let loading: Promise<FeatureCollection> | null = null;

export function loadWorldCountries(): Promise<FeatureCollection> {
  loading ??= Promise.all([import('world-atlas/countries-110m.json'), import('topojson-client')]).then(
    ([atlas, topojson]) => {
      const topology = atlas.default as unknown as Parameters<typeof topojson.feature>[0];
      const countries = topology.objects['countries'];
      if (countries === undefined) throw new Error('world-atlas has no countries layer');
      return topojson.feature(topology, countries) as FeatureCollection;
    },
  );
  return loading;
}
