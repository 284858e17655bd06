import { describe, expect, it } from 'vitest';
import { kreisOutlines, projectOutlines, type OutlineFeature } from './map';

const square = (ags: string, lon: number, lat: number, size: number): OutlineFeature => ({
	properties: { ags, name: ags },
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[lon, lat],
				[lon + size, lat],
				[lon + size, lat + size],
				[lon, lat + size],
				[lon, lat]
			]
		]
	}
});

describe('projecting outlines', () => {
	it('puts north up, fits the width and keeps proportions by the latitude', () => {
		const map = projectOutlines([square('a', 7, 59.5, 1), square('b', 8, 59.5, 1)], 200);
		expect(map.width).toBe(200);
		// Two squares side by side, each 1° by 1° around 60° north: there a degree of longitude is half as
		// long as one of latitude, so the map is 200 wide and 200 high.
		expect(map.height).toBe(200);
		expect(map.shapes[0].path).toBe('M0,200L100,200L100,0L0,0L0,200Z');
		expect(map.shapes[1].label).toEqual({ x: 150, y: 100 });
	});

	it('draws the ten Kommunen of the Kreis with their AGS inside the box', () => {
		const map = kreisOutlines();
		expect(map.shapes.map((s) => s.ags)).toHaveLength(10);
		expect(map.shapes.every((s) => s.ags.startsWith('05978'))).toBe(true);
		for (const shape of map.shapes) {
			const numbers = shape.path.match(/-?\d+(\.\d+)?/g)!.map(Number);
			expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
			expect(Math.max(...numbers)).toBeLessThanOrEqual(Math.max(map.width, map.height));
			expect(shape.label.x).toBeGreaterThan(0);
		}
	});
});
