'use strict';
/** Prints the figures as a Markdown table: n8n's node, this node, their ratio, the goal. */
const LABELS = { n8n: "n8n's node", ours: 'this node' };

function ratioText(result) {
	if (!result.ours || !result.n8n) return '–';
	return result.ours.values
		.map((value, i) => (result.n8n.values[i] ? `${(value / result.n8n.values[i]).toFixed(2)}×` : '–'))
		.join(' / ');
}

function printTable(rows, sides) {
	const columns = ['n8n', 'ours'].filter((side) => sides.includes(side));
	const header = ['figure', ...columns.map((side) => LABELS[side]), 'this ÷ n8n', 'goal'];
	console.log(`| ${header.join(' | ')} |`);
	console.log(`|${header.map(() => '---').join('|')}|`);
	for (const { figure, result } of rows) {
		const cells = [`(${figure.key}) ${figure.title}`, ...columns.map((side) => result[side]?.text ?? '–'), ratioText(result), figure.goal];
		console.log(`| ${cells.join(' | ')} |`);
	}
}

module.exports = { printTable };
