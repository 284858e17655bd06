// The geometry of a horizontal bar chart, computed once and drawn twice: by the Svelte component
// on screen and as a standalone SVG file for the documentation. Labels sit above their bars and
// wrap onto a second line, because the survey's options are long German phrases.
import type { OptionCount, RankedOption, Tally } from './types';

export interface BarRow {
	labelLines: string[];
	/** Between 0 and 1, relative to the whole bar track. */
	fraction: number;
	/** Shown at the end of the bar, e.g. "12 (40 %)". */
	value: string;
}

export interface PlacedBar {
	labelLines: string[];
	labelX: number;
	labelY: number[];
	barX: number;
	barY: number;
	barWidth: number;
	value: string;
	valueX: number;
}

export interface BarLayout {
	width: number;
	height: number;
	trackWidth: number;
	rows: PlacedBar[];
	barHeight: number;
	labelSize: number;
}

export interface BarLayoutOptions {
	/** In pixels when drawn on screen, so text keeps its size on a phone and on the wall. */
	width?: number;
	labelSize?: number;
}

/**
 * Breaks a label into at most `maxLines` lines of `limit` characters; the rest is cut with "…".
 * The full label is always in the table beside the chart.
 */
export function wrapLabel(label: string, limit: number, maxLines: 1 | 2 = 2): string[] {
	if (label.length <= limit) return [label];
	if (maxLines === 1) return [`${label.slice(0, limit - 1).trimEnd()}…`];
	const words = label.split(' ');
	let first = '';
	while (words.length && `${first} ${words[0]}`.trim().length <= limit) {
		first = `${first} ${words.shift()}`.trim();
	}
	if (!first) {
		first = label.slice(0, limit);
		words.splice(0, words.length, label.slice(limit));
	}
	const rest = words.join(' ');
	return [first, rest.length > limit ? `${rest.slice(0, limit - 1)}…` : rest].filter(Boolean);
}

/** Fira Sans averages about half its size per character. */
const charsIn = (width: number, labelSize: number) => Math.floor(width / (labelSize * 0.52));
/** Room at the end of a track for the longest value: at least for "123 (100 %)", more where a
 * language's words are longer ("Avg. place 2.5"). */
const valueRoom = (labelSize: number, rows: BarRow[]) =>
	labelSize * Math.max(6.5, ...rows.map((row) => row.value.length * 0.52));

export function layoutBars(rows: BarRow[], options: BarLayoutOptions = {}): BarLayout {
	const width = Math.max(240, options.width ?? 800);
	const labelSize = options.labelSize ?? 20;
	const lineHeight = Math.round(labelSize * 1.3);
	const barHeight = Math.round(labelSize * 1.5);
	const rowGap = Math.round(labelSize * 0.9);
	const trackWidth = Math.round(width - valueRoom(labelSize, rows));
	const lineChars = charsIn(width, labelSize);
	let y = 0;
	const placed = rows.map((row) => {
		const labelLines = wrapLabel(row.labelLines.join(' '), lineChars);
		const labelY = labelLines.map((_, index) => y + labelSize + index * lineHeight);
		const barY = y + labelLines.length * lineHeight + Math.round(labelSize * 0.3);
		const barWidth = Math.max(row.fraction > 0 ? 4 : 0, Math.round(row.fraction * trackWidth));
		y = barY + barHeight + rowGap;
		return {
			labelLines,
			labelX: 0,
			labelY,
			barX: 0,
			barY,
			barWidth,
			value: row.value,
			valueX: barWidth + labelSize / 2
		};
	});
	return {
		width,
		height: Math.max(y - rowGap, barHeight),
		trackWidth,
		rows: placed,
		barHeight,
		labelSize
	};
}

/**
 * How bars share a box on the wall: in one to three columns, each label above its bar or beside
 * it, on up to two lines.
 */
export interface BarArrangement {
	columns: number;
	beside: boolean;
	maxLines: 1 | 2;
}

/** The rows laid out in a box `width` wide; null where the bars would be too short to read. */
export function arrangeBars(
	rows: BarRow[],
	width: number,
	labelSize: number,
	{ columns, beside, maxLines }: BarArrangement
): BarLayout | null {
	const lineHeight = Math.round(labelSize * 1.25);
	const barHeight = Math.round(labelSize * 1.1);
	const rowGap = Math.round(labelSize * 0.6);
	const columnGap = Math.round(labelSize * 2);
	const columnWidth = (width - columnGap * (columns - 1)) / columns;
	const labelWidth = beside ? Math.round(columnWidth * 0.45) : columnWidth;
	const trackStart = beside ? labelWidth + Math.round(labelSize / 2) : 0;
	const trackWidth = Math.round(columnWidth - trackStart - valueRoom(labelSize, rows));
	// A bar must be able to show a difference: at least as long as its value is wide.
	if (trackWidth < labelSize * 6) return null;
	const lineChars = charsIn(labelWidth, labelSize);
	const perColumn = Math.ceil(rows.length / columns);
	let height = 0;
	let y = 0;
	const placed = rows.map((row, index) => {
		if (index % perColumn === 0) y = 0;
		const x = Math.floor(index / perColumn) * (columnWidth + columnGap);
		const labelLines = wrapLabel(row.labelLines.join(' '), lineChars, maxLines);
		const textHeight = labelLines.length * lineHeight;
		const rowHeight = beside
			? Math.max(textHeight, barHeight)
			: textHeight + Math.round(labelSize * 0.2) + barHeight;
		const labelTop = beside ? y + (rowHeight - textHeight) / 2 : y;
		const barY = beside ? y + (rowHeight - barHeight) / 2 : y + rowHeight - barHeight;
		const barWidth = Math.max(row.fraction > 0 ? 4 : 0, Math.round(row.fraction * trackWidth));
		height = Math.max(height, y + rowHeight);
		y += rowHeight + rowGap;
		return {
			labelLines,
			labelX: x,
			// Baselines: a line's text sits about a fifth of its size above the line's bottom.
			labelY: labelLines.map((_, line) => labelTop + (line + 1) * lineHeight - labelSize * 0.3),
			barX: x + trackStart,
			barY,
			barWidth,
			value: row.value,
			valueX: x + trackStart + barWidth + labelSize / 2
		};
	});
	return { width, height, trackWidth, rows: placed, barHeight, labelSize };
}

export interface FitOptions {
	width: number;
	height: number;
	maxLabelSize: number;
	minLabelSize: number;
}

/** One column for a few bars; more only where each would still hold four. */
function arrangements(count: number): BarArrangement[] {
	const found: BarArrangement[] = [];
	for (let columns = 1; columns <= Math.min(3, Math.ceil(count / 4)); columns++) {
		for (const beside of [false, true]) {
			for (const maxLines of [2, 1] as const) found.push({ columns, beside, maxLines });
		}
	}
	return found;
}

/**
 * The bars laid out to fill a box on the wall with the largest type that fits. A label on two
 * lines is worth a little less type than one cut to a line, and one column a little less than
 * several, which are harder to read. Where nothing fits even at the smallest size, the most
 * compact layout comes back and the drawing is scaled down to the box.
 */
export function fitBars(rows: BarRow[], options: FitOptions): BarLayout {
	const width = Math.max(240, options.width);
	const min = Math.max(8, Math.floor(options.minLabelSize));
	const max = Math.max(min, Math.floor(options.maxLabelSize));
	let best: { layout: BarLayout; score: number } | null = null;
	let smallest: BarLayout | null = null;
	for (const arrangement of arrangements(rows.length)) {
		const at = (size: number) => arrangeBars(rows, width, size, arrangement);
		const fits = (size: number) => {
			const layout = at(size);
			return layout !== null && layout.height <= options.height;
		};
		const compact = at(min);
		if (compact && (!smallest || compact.height < smallest.height)) smallest = compact;
		if (!fits(min)) continue;
		// The height grows with the type, so the largest size that fits is found by halving.
		let low = min;
		let high = max;
		while (low < high) {
			const middle = Math.ceil((low + high) / 2);
			if (fits(middle)) low = middle;
			else high = middle - 1;
		}
		const score =
			low * (arrangement.maxLines === 2 ? 1 : 0.85) * (1 - 0.1 * (arrangement.columns - 1));
		if (!best || score > best.score) best = { layout: at(low)!, score };
	}
	return best?.layout ?? smallest ?? layoutBars(rows, { width, labelSize: min });
}

const percentFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });

export function formatNumber(value: number): string {
	return percentFormat.format(value);
}

/** The words and numbers at the ends of the bars, in the reader's language. German for the
 * files the server writes (exports, documentation); pages pass their language's. */
export interface BarTexts {
	/** A decimal, e.g. an average place: "2,5". */
	number(value: number): string;
	/** "12 (40 %)". */
	countWithPercent(count: number, percent: string): string;
	/** "Ø Platz 2,5". */
	averagePlace(value: string): string;
}

export const germanBarTexts: BarTexts = {
	number: formatNumber,
	countWithPercent: (count, percent) => `${count} (${percent} %)`,
	averagePlace: (value) => `Ø Platz ${value}`
};

export function countWithPercent(option: OptionCount, texts: BarTexts = germanBarTexts): string {
	return texts.countWithPercent(option.count, texts.number(option.percent));
}

function optionRows(options: OptionCount[], texts: BarTexts): BarRow[] {
	return options.map((option) => ({
		labelLines: [option.label],
		fraction: option.percent / 100,
		value: countWithPercent(option, texts)
	}));
}

/** A ranking drawn as bars: first place on average fills the track, last place nearly empty. */
function rankingRows(options: RankedOption[], texts: BarTexts): BarRow[] {
	const places = options.length;
	return options.map((option) => ({
		labelLines: [option.label],
		fraction:
			option.averagePosition === null || places < 2
				? 0
				: (places - option.averagePosition + 1) / places,
		value:
			option.averagePosition === null
				? '–'
				: texts.averagePlace(texts.number(option.averagePosition))
	}));
}

/** The bars of any tally; open text is charted by its most frequent words. */
export function tallyBars(
	tally: Tally,
	scaleLabels?: { minLabel: string; maxLabel: string },
	texts: BarTexts = germanBarTexts
): BarRow[] {
	switch (tally.type) {
		case 'single':
		case 'multiple':
			return optionRows(tally.options, texts);
		case 'ranking':
			return rankingRows(tally.options, texts);
		case 'scale': {
			const last = tally.distribution.length - 1;
			return optionRows(
				tally.distribution.map((entry, index) => ({
					...entry,
					label:
						index === 0 && scaleLabels?.minLabel
							? `${entry.label} – ${scaleLabels.minLabel}`
							: index === last && scaleLabels?.maxLabel
								? `${entry.label} – ${scaleLabels.maxLabel}`
								: entry.label
				})),
				texts
			);
		}
		case 'text': {
			const top = tally.words.slice(0, 12);
			const most = top[0]?.count ?? 1;
			return top.map((word) => ({
				labelLines: [word.word],
				fraction: word.count / most,
				value: `${word.count}×`
			}));
		}
	}
}
