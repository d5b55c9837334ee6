/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
import { fork } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

import { request } from 'undici';

import { API_KEY } from '../test/harness/fake-api';
import { runNode } from '../test/harness/run-node';
import { MiB, report, withPeakRss } from './measure';

interface ContentServer {
	baseUrl: string;
	ids: Record<number, string>;
	stop(): void;
}

/** The fake API in a child process, serving one video per size. */
async function startContentServer(sizesMiB: number[]): Promise<ContentServer> {
	const child = fork(path.join(__dirname, 'content-server.cjs'), {
		env: { ...process.env, FAKE_API_KEY: API_KEY, SIZES_MIB: JSON.stringify(sizesMiB) },
	});
	const { baseUrl, ids } = await new Promise<Omit<ContentServer, 'stop'>>((resolve) => child.once('message', resolve));
	return { baseUrl, ids, stop: () => child.kill() };
}

async function rawDownload(server: ContentServer, videoId: string): Promise<void> {
	const target = path.join(tmpdir(), `raw-${videoId}.mp4`);
	const { body } = await request(`${server.baseUrl}/videos/${videoId}/content`, {
		headers: { authorization: `Bearer ${API_KEY}` },
	});
	await pipeline(body, createWriteStream(target));
	await rm(target);
}

async function nodeDownload(server: ContentServer, videoId: string): Promise<void> {
	const { error, items } = await runNode({
		credentials: { apiKey: API_KEY, baseUrl: server.baseUrl, authHeader: 'bearer' },
		binaryMode: 'filesystem',
		parameters: { resource: 'video', operation: 'download', videoId },
	});
	if (error || !items[0]?.binary?.data) throw error ?? new Error('no binary output');
}

const ROUNDS = 3;

/** Download through the node (filesystem binary mode) against a raw undici download of the same bytes. */
export async function benchDownload(): Promise<void> {
	const sizesMiB = [1, 100, 1024];
	const server = await startContentServer(sizesMiB);
	try {
		await rawDownload(server, server.ids[1]);
		await nodeDownload(server, server.ids[1]);
		for (const sizeMiB of sizesMiB.slice(1)) {
			const videoId = server.ids[sizeMiB];
			// Alternating rounds, best time of each: disk write-back of one run slows the next.
			const raw = [];
			const viaNode = [];
			for (let round = 0; round < ROUNDS; round++) {
				raw.push(await withPeakRss(async () => await rawDownload(server, videoId)));
				viaNode.push(await withPeakRss(async () => await nodeDownload(server, videoId)));
			}
			const rawMs = Math.min(...raw.map((run) => run.ms));
			const nodeMs = Math.min(...viaNode.map((run) => run.ms));
			const ratio = rawMs / nodeMs;
			const growthMiB = Math.max(...viaNode.map((run) => run.peakRss - run.baselineRss)) / MiB;
			console.log(
				`download ${sizeMiB} MiB, best of ${ROUNDS}: raw undici ${(sizeMiB / (rawMs / 1000)).toFixed(0)} MiB/s, node ${(sizeMiB / (nodeMs / 1000)).toFixed(0)} MiB/s`,
			);
			report(`download ${sizeMiB} MiB throughput vs raw`, ratio.toFixed(2), '>= 0.80', ratio >= 0.8);
			report(`download ${sizeMiB} MiB peak RSS growth (worst run)`, `${growthMiB.toFixed(1)} MiB`, '< 64 MiB', growthMiB < 64);
		}
	} finally {
		server.stop();
	}
}
