/**
 * What RFC 7946 asks of a FeatureCollection of Points, as a list of problems
 * (empty when none): the members and their types (§3), positions of two or
 * three numbers in [longitude, latitude] order and WGS 84 ranges (§3.1.1,
 * §4), no `crs` member (§4), an id that is a string or a number (§3.2), and
 * properties an object or null. Written for the map's GeoJSON, which has only
 * Points; other geometries are reported as unexpected.
 */
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function positionProblems(position: unknown, at: string): string[] {
  if (!Array.isArray(position) || position.length < 2 || position.length > 3)
    return [`${at}: a position is two or three numbers`];
  if (!position.every((n) => typeof n === 'number' && Number.isFinite(n))) return [`${at}: positions are numbers`];
  const [longitude, latitude] = position as number[];
  const problems: string[] = [];
  if (Math.abs(longitude as number) > 180) problems.push(`${at}: longitude ${longitude} outside ±180`);
  if (Math.abs(latitude as number) > 90) problems.push(`${at}: latitude ${latitude} outside ±90`);
  return problems;
}

function featureProblems(feature: unknown, at: string): string[] {
  if (!isObject(feature) || feature.type !== 'Feature') return [`${at}: not a Feature`];
  const problems: string[] = [];
  if ('id' in feature && typeof feature.id !== 'string' && typeof feature.id !== 'number')
    problems.push(`${at}: id is a string or a number`);
  if (!('properties' in feature) || (feature.properties !== null && !isObject(feature.properties)))
    problems.push(`${at}: properties is an object or null`);
  const geometry = feature.geometry;
  if (!isObject(geometry) || geometry.type !== 'Point') problems.push(`${at}: geometry is not a Point`);
  else problems.push(...positionProblems(geometry.coordinates, `${at}.geometry`));
  return problems;
}

export function featureCollectionProblems(document: unknown): string[] {
  if (!isObject(document) || document.type !== 'FeatureCollection') return ['not a FeatureCollection'];
  if ('crs' in document) return ['RFC 7946 removed the crs member'];
  if (!Array.isArray(document.features)) return ['features is not an array'];
  return document.features.flatMap((feature, index) => featureProblems(feature, `features[${index}]`));
}
