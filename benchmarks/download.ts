import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

import { request } from 'undici';

import { credentialsFor, startFakeApi, API_KEY, type FakeApi } from '../test/harness/fake-api';
import { runNode } from '../test/harness/run-node';
import { MiB, report, withPeakRss } from './measure';

async function rawDownload(api: FakeApi, videoId: string): Promise<void> {
	const target = path.join(tmpdir(), `raw-${videoId}.mp4`);
	const { body } = await request(`${api.baseUrl}/videos/${videoId}/content`, {
		headers: { authorization: `Bearer ${API_KEY}` },
	});
	await pipeline(body, createWriteStream(target));
	await rm(target);
}

async function nodeDownload(api: FakeApi, videoId: string): Promise<void> {
	const { error, items } = await runNode({
		credentials: credentialsFor(api),
		binaryMode: 'filesystem',
		parameters: { resource: 'video', operation: 'download', videoId },
	});
	if (error || !items[0]?.binary?.data) throw error ?? new Error('no binary output');
}

/** Download through the node (filesystem binary mode) against a raw undici download of the same bytes. */
export async function benchDownload(): Promise<void> {
	const api = await startFakeApi();
	try {
		const warmUp = api.addVideo();
		api.setContent(String(warmUp.id), 'video', { size: MiB, contentType: 'video/mp4' });
		await rawDownload(api, String(warmUp.id));
		await nodeDownload(api, String(warmUp.id));
		for (const sizeMiB of [100, 1024]) {
			const video = api.addVideo();
			api.setContent(String(video.id), 'video', { size: sizeMiB * MiB, contentType: 'video/mp4' });
			const raw = await withPeakRss(async () => await rawDownload(api, String(video.id)));
			const viaNode = await withPeakRss(async () => await nodeDownload(api, String(video.id)));
			const ratio = raw.ms / viaNode.ms;
			const growthMiB = (viaNode.peakRss - viaNode.baselineRss) / MiB;
			console.log(
				`download ${sizeMiB} MiB: raw undici ${(sizeMiB / (raw.ms / 1000)).toFixed(0)} MiB/s, node ${(sizeMiB / (viaNode.ms / 1000)).toFixed(0)} MiB/s`,
			);
			report(`download ${sizeMiB} MiB throughput vs raw`, ratio.toFixed(2), '>= 0.80', ratio >= 0.8);
			report(`download ${sizeMiB} MiB peak RSS growth`, `${growthMiB.toFixed(1)} MiB`, '< 64 MiB', growthMiB < 64);
		}
	} finally {
		await api.close();
	}
}
