/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/**
 * The README's measured figures and the committed files they come from. A block of the README (a
 * paragraph, a list item, a table) that names a file under benchmarks/results/ quotes figures from
 * it: every figure in the block must appear in one of the files it names. A table that names no
 * file takes the files of the paragraph just before it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const RESULTS_DIR = 'benchmarks/results/';

/** A number with the unit that makes it a measurement: "31.1 s", "+79 MiB", "45 requests", "2.08×". */
const FIGURE = /(?<![\w.`/-])[+−-]?(\d[\d,]*(?:\.\d+)?)\s?(ms|s|min|MiB|GiB|KiB|MB|GB|bytes|requests|list polls|create requests|paid jobs|items out|×|%)(?![\w])/g;
/** A version the README says a run used: "PostgreSQL 15.18", "n8n 2.40.7", "n8n-core 2.41.1". */
const VERSION = /\b(?:n8n|n8n-core|n8n-workflow|PostgreSQL|Redis|Node(?:\.js)?) v?(\d+\.\d+(?:\.\d+)*)\b/g;
const FILE_REFERENCE = /benchmarks\/results\/[\w.@+-]+/g;
/** Words that say a block reports a measurement: such a block must name where it comes from. */
const MEASURED = /\b(measured|median of|runs? of \d{4}-\d\d-\d\d)\b/i;
/** Committed files a measured claim may cite besides benchmark results (tests that assert it, logs). */
const CITATION = /`?((?:benchmarks\/results|test|e2e|docs)\/[\w./@+-]+)`?/g;

export interface Block {
	line: number;
	text: string;
	files: string[];
}

function withoutCode(text: string): string {
	return text.replace(/`[^`]*`/g, ' ');
}

/** The README's blocks: runs of non-blank lines; each list item and heading on its own. */
export function blocksOf(markdown: string): Block[] {
	const blocks: Block[] = [];
	let current: { line: number; lines: string[] } | undefined;
	const flush = () => {
		if (current) blocks.push({ line: current.line, text: current.lines.join('\n'), files: [] });
		current = undefined;
	};
	markdown.split('\n').forEach((line, index) => {
		const startsOwn = /^\s*(?:[-*] |#{1,6} |\d+\. )/.test(line);
		const tableEdge = current !== undefined && line.startsWith('|') !== current.lines[0].startsWith('|');
		if (!line.trim() || startsOwn || tableEdge) flush();
		if (!line.trim()) return;
		current ??= { line: index + 1, lines: [] };
		current.lines.push(line);
	});
	flush();
	let previous: Block | undefined;
	for (const block of blocks) {
		block.files = [...new Set(block.text.match(FILE_REFERENCE) ?? [])];
		if (!block.files.length && block.text.startsWith('|') && previous && !previous.text.startsWith('|')) block.files = previous.files;
		previous = block;
	}
	return blocks;
}

/** The measured figures and the versions of a block, as numbers (code spans left out). */
export function figuresOf(text: string): string[] {
	const plain = withoutCode(text);
	return [...plain.matchAll(FIGURE), ...plain.matchAll(VERSION)].map((match) => match[1]);
}

/** Whether `figure` (e.g. "31.1", "1,024") stands in `text` as a number of its own. */
export function appearsIn(figure: string, text: string): boolean {
	const variants = new Set([figure, figure.replace(/,/g, '')]);
	return [...variants].some((variant) =>
		new RegExp(`(?<![\\d.])${variant.replace(/[.]/g, '\\.')}(?![\\d]|\\.\\d)`).test(text),
	);
}

export interface Finding {
	line: number;
	problem: string;
}

/** Every figure of a block that names result files, checked against those files. */
export function checkFigures(markdown: string, read: (file: string) => string | undefined): Finding[] {
	const findings: Finding[] = [];
	for (const block of blocksOf(markdown)) {
		if (!block.files.length) continue;
		const texts = block.files.map((file) => ({ file, text: read(file) }));
		for (const { file, text } of texts) {
			if (text === undefined) findings.push({ line: block.line, problem: `${file} is not a committed file` });
		}
		const sources = texts.map(({ text }) => text ?? '').join('\n');
		for (const figure of figuresOf(block.text)) {
			if (!appearsIn(figure, sources)) {
				findings.push({ line: block.line, problem: `${figure} is in none of ${block.files.join(', ')}` });
			}
		}
	}
	return findings;
}

/** Blocks that say they report a measurement but cite no committed file. */
export function uncitedMeasurements(markdown: string, exists: (file: string) => boolean): Finding[] {
	return blocksOf(markdown)
		.filter((block) => MEASURED.test(block.text))
		.filter((block) => {
			const cited = [...block.files, ...[...block.text.matchAll(CITATION)].map((match) => match[1].replace(/[.,;:)]+$/, ''))];
			return !cited.some((file) => exists(file));
		})
		.map((block) => ({ line: block.line, problem: `says it is measured but names no committed file: ${block.text.slice(0, 80)}…` }));
}

export function readCommitted(file: string): string | undefined {
	const path = join(ROOT, file);
	return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
