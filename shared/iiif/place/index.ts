export type { GeometryResult, PlaceKind, Position } from './geometry';
export {
  KIND_TEXT,
  MIN_POSITIONS,
  PLACE_KINDS,
  buildGeometry,
  positionProblem,
  roundPosition,
  wrapLongitude,
} from './geometry';
export type { TypedPositions } from './typed-positions';
export { formatPositions, parsePositions } from './typed-positions';
export type { NewFeature, PlaceEdit, PlaceFeatureView, PlaceView } from './nav-place';
export {
  addPlaceFeature,
  describePlaces,
  moveVertex,
  readNavPlace,
  removePlaceFeature,
  setPlaceGeometry,
  setPlaceLabel,
  withFreshPlaceIds,
} from './nav-place';
export { NAVPLACE_CONTEXT, withNavPlaceContext } from './navplace-context';
export type { TileTemplateCheck } from './tile-template';
export { checkTileTemplate, tileAddress } from './tile-template';
