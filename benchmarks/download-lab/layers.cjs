'use strict';
/*
 * The layers of a node's download without the network: CPU time of the same bytes (fresh
 * 64 KiB buffers, as sockets deliver them) through each layer into a file, in this process.
 *
 *   node benchmarks/download-lab/layers.cjs      LAYERS_MIB (default 256), LAYERS_ROUNDS (default 5)
 *
 *   stream>file        pipeline(readable, fs.createWriteStream)       what a raw download does
 *   stream>writeFile   fs.promises.writeFile(path, readable)          n8n's filesystem binary store
 *   wrapped>writeFile  Readable.from(async generator over readable)   + axios' maxContentLength wrapper
 *   wrapped>1MiB>writeFile  the same, chunks joined to 1 MiB first    a node-side coalescing step
 * Prints the minimum CPU time (user + system) of the rounds: interference from other processes
 * only ever adds, so the minimum is the steadiest figure on a busy machine.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Readable } = require('node:stream');
const { pipeline } = require('node:stream/promises');

const MiB = 1024 * 1024;
const CHUNK = 64 * 1024;
const SIZE_MIB = Number(process.env.LAYERS_MIB ?? 256);
const ROUNDS = Number(process.env.LAYERS_ROUNDS ?? 5);

function socketLike() {
	let left = SIZE_MIB * MiB;
	return new Readable({
		read() {
			if (left <= 0) return void this.push(null);
			const chunk = Buffer.allocUnsafe(Math.min(CHUNK, left)).fill(7);
			left -= chunk.length;
			this.push(chunk);
		},
	});
}

function wrapped(source) {
	async function* enforceMaxContentLength() {
		let total = 0;
		for await (const chunk of source) {
			total += chunk.length;
			if (total > Infinity) throw new Error('too long');
			yield chunk;
		}
	}
	return Readable.from(enforceMaxContentLength(), { objectMode: false });
}

async function* joined(source, size) {
	let parts = [];
	let held = 0;
	for await (const chunk of source) {
		parts.push(chunk);
		held += chunk.length;
		if (held >= size) {
			yield Buffer.concat(parts, held);
			parts = [];
			held = 0;
		}
	}
	if (held) yield Buffer.concat(parts, held);
}

const LAYERS = {
	'stream>file': async (target) => await pipeline(socketLike(), fs.createWriteStream(target)),
	'stream>writeFile': async (target) => await fs.promises.writeFile(target, socketLike()),
	'wrapped>writeFile': async (target) => await fs.promises.writeFile(target, wrapped(socketLike())),
	'wrapped>1MiB>writeFile': async (target) =>
		await fs.promises.writeFile(target, Readable.from(joined(wrapped(socketLike()), MiB), { objectMode: false })),
};

async function main() {
	const target = path.join(os.tmpdir(), `layers-${process.pid}.bin`);
	const cpu = Object.fromEntries(Object.keys(LAYERS).map((name) => [name, []]));
	for (let round = 0; round < ROUNDS; round++) {
		for (const [name, layer] of Object.entries(LAYERS)) {
			const before = process.cpuUsage();
			await layer(target);
			const used = process.cpuUsage(before);
			cpu[name].push((used.user + used.system) / 1000);
			fs.rmSync(target, { force: true });
		}
	}
	console.log(`layers: ${SIZE_MIB} MiB in 64 KiB chunks, min CPU of ${ROUNDS}; load ${os.loadavg()[0].toFixed(2)}, ${os.cpus().length} cores, Node ${process.version}`);
	const base = Math.min(...cpu['stream>file']);
	for (const [name, list] of Object.entries(cpu)) {
		const best = Math.min(...list);
		console.log(`${name.padEnd(24)} CPU ${String(Math.round(best)).padStart(5)} ms  ${(best / base).toFixed(2)}× of stream>file  (${list.map(Math.round).join('/')})`);
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
