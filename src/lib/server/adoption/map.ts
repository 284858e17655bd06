// The map of the Kreis drawn by the app itself: the municipal outlines (GeoJSON, WGS84) projected
// to SVG paths. An equirectangular projection scaled by the cosine of the middle latitude is
// accurate enough for an area of 30 km; no map service, no tiles.
import outlines from './kreis-unna-gemeinden.json';

type Position = number[];
type Ring = Position[];
export type Geometry =
	{ type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

export interface OutlineFeature {
	properties: { ags: string; name: string };
	geometry: Geometry;
}

export interface MapShape {
	ags: string;
	name: string;
	/** SVG path data; holes are drawn with the even-odd rule. */
	path: string;
	/** Where the shape's label goes: the centroid of its largest ring. */
	label: { x: number; y: number };
}

export interface ProjectedMap {
	width: number;
	height: number;
	shapes: MapShape[];
}

/** The shown attribution the outline data's licence (dl-de/by-2-0) asks for. */
export const mapAttribution = '© GeoBasis-DE / BKG 2016 (Daten verändert)';

function polygons(geometry: Geometry): Ring[][] {
	return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Signed area and centroid of a ring (shoelace formula). */
function ringCentroid(ring: readonly [number, number][]) {
	let area = 0;
	let x = 0;
	let y = 0;
	for (let i = 0; i < ring.length; i++) {
		const [x0, y0] = ring[i];
		const [x1, y1] = ring[(i + 1) % ring.length];
		const cross = x0 * y1 - x1 * y0;
		area += cross;
		x += (x0 + x1) * cross;
		y += (y0 + y1) * cross;
	}
	area /= 2;
	return area === 0
		? { area: 0, x: ring[0][0], y: ring[0][1] }
		: { area, x: x / (6 * area), y: y / (6 * area) };
}

/** Projects the features into a box `width` wide (the height follows), with `margin` around. */
export function projectOutlines(
	features: readonly OutlineFeature[],
	width: number,
	margin = 0
): ProjectedMap {
	const points = features.flatMap((f) => polygons(f.geometry).flat(2) as unknown as Position[]);
	const lons = points.map((p) => p[0]);
	const lats = points.map((p) => p[1]);
	const [minLon, maxLon] = [Math.min(...lons), Math.max(...lons)];
	const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
	const xFactor = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
	const spanX = (maxLon - minLon) * xFactor;
	const spanY = maxLat - minLat;
	const scale = (width - 2 * margin) / spanX;
	const height = Math.round(spanY * scale + 2 * margin);
	// North up: latitude grows upwards, SVG's y downwards.
	const project = ([lon, lat]: Position): [number, number] => [
		round(margin + (lon - minLon) * xFactor * scale),
		round(margin + (maxLat - lat) * scale)
	];
	const shapes = features.map((feature) => {
		let largest = { area: 0, x: 0, y: 0 };
		const path = polygons(feature.geometry)
			.flatMap((polygon) =>
				polygon.map((ring) => {
					const projected = ring.map(project);
					const centroid = ringCentroid(projected);
					if (Math.abs(centroid.area) > Math.abs(largest.area)) largest = centroid;
					return `M${projected.map(([x, y]) => `${x},${y}`).join('L')}Z`;
				})
			)
			.join('');
		return {
			ags: feature.properties.ags,
			name: feature.properties.name,
			path,
			label: { x: round(largest.x), y: round(largest.y) }
		};
	});
	return { width, height, shapes };
}

/** The installation's map, projected once. */
let kreisMap: ProjectedMap | undefined;
export function kreisOutlines(): ProjectedMap {
	kreisMap ??= projectOutlines(outlines.features as OutlineFeature[], 600, 12);
	return kreisMap;
}
