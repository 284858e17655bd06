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

export interface BarLayout {
	width: number;
	height: number;
	trackWidth: number;
	rows: {
		labelLines: string[];
		labelY: number[];
		barY: number;
		barWidth: number;
		value: string;
		valueX: number;
	}[];
	barHeight: number;
	labelSize: number;
}

export interface BarLayoutOptions {
	/** In pixels when drawn on screen, so text keeps its size on a phone and on the wall. */
	width?: number;
	labelSize?: number;
}

/** Breaks a label into at most two lines of `limit` characters; the rest is cut with "…". */
export function wrapLabel(label: string, limit: number): string[] {
	if (label.length <= limit) return [label];
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

export function layoutBars(rows: BarRow[], options: BarLayoutOptions = {}): BarLayout {
	const width = Math.max(240, options.width ?? 800);
	const labelSize = options.labelSize ?? 20;
	const lineHeight = Math.round(labelSize * 1.3);
	const barHeight = Math.round(labelSize * 1.5);
	const rowGap = Math.round(labelSize * 0.9);
	// Room at the end of the track for the longest value, "123 (100 %)".
	const trackWidth = Math.round(width - labelSize * 6.5);
	// Fira Sans averages about half its size per character.
	const lineChars = Math.floor(width / (labelSize * 0.52));
	let y = 0;
	const placed = rows.map((row) => {
		const labelLines = wrapLabel(row.labelLines.join(' '), lineChars);
		const labelY = labelLines.map((_, index) => y + labelSize + index * lineHeight);
		const barY = y + labelLines.length * lineHeight + Math.round(labelSize * 0.3);
		const barWidth = Math.max(row.fraction > 0 ? 4 : 0, Math.round(row.fraction * trackWidth));
		y = barY + barHeight + rowGap;
		return {
			labelLines,
			labelY,
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

const percentFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });

export function formatNumber(value: number): string {
	return percentFormat.format(value);
}

export function countWithPercent(option: OptionCount): string {
	return `${option.count} (${option.percent} %)`;
}

function optionRows(options: OptionCount[]): BarRow[] {
	return options.map((option) => ({
		labelLines: [option.label],
		fraction: option.percent / 100,
		value: countWithPercent(option)
	}));
}

/** A ranking drawn as bars: first place on average fills the track, last place nearly empty. */
function rankingRows(options: RankedOption[]): BarRow[] {
	const places = options.length;
	return options.map((option) => ({
		labelLines: [option.label],
		fraction:
			option.averagePosition === null || places < 2
				? 0
				: (places - option.averagePosition + 1) / places,
		value: option.averagePosition === null ? '–' : `Ø Platz ${formatNumber(option.averagePosition)}`
	}));
}

/** The bars of any tally; open text is charted by its most frequent words. */
export function tallyBars(
	tally: Tally,
	scaleLabels?: { minLabel: string; maxLabel: string }
): BarRow[] {
	switch (tally.type) {
		case 'single':
		case 'multiple':
			return optionRows(tally.options);
		case 'ranking':
			return rankingRows(tally.options);
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
				}))
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
