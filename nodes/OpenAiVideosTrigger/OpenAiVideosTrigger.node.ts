import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { extraQueryOption, outputBinaryPropertyField, variantField } from '../OpenAiVideos/descriptions/fields';
import { downloadVideo, withBinary } from '../OpenAiVideos/helpers/download';
import { extraQueryOf } from '../OpenAiVideos/helpers/extras';
import { jobStateOf } from '../OpenAiVideos/helpers/status';
import { openAiVideosApiTest } from '../OpenAiVideos/methods/credentialTest';
import { DEFAULT_MAX_RETRIES } from '../OpenAiVideos/transport/limits';
import { connect, type Connection } from '../OpenAiVideos/transport/request';
import {
	CursorScan,
	matchesFilter,
	readState,
	sameState,
	type FinishedVideo,
	type TriggerEvent,
} from './cursor';
import { walkVideos } from './listing';

interface TriggerSettings {
	query: IDataObject;
	event: TriggerEvent;
	model: string | undefined;
	download: { variant: string; propertyName: string } | undefined;
}

function settingsOf(context: IPollFunctions): TriggerSettings {
	const event = context.getNodeParameter('event', 'completed') as TriggerEvent;
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const model = String(options.model ?? '').trim() || undefined;
	const downloadResult = context.getNodeParameter('downloadResult', false) as boolean;
	const download = downloadResult
		? {
				variant: context.getNodeParameter('variant', 'video') as string,
				propertyName: String(context.getNodeParameter('binaryPropertyName', 'data')).trim() || 'data',
			}
		: undefined;
	return { event, model, download, query: extraQueryOf(context, 0) };
}

/** One output item: the video as the API returned it, with the file when asked and completed. */
async function toItem(
	connection: Connection,
	{ video, state }: FinishedVideo,
	settings: TriggerSettings,
): Promise<INodeExecutionData> {
	const item: INodeExecutionData = { json: video };
	if (!settings.download || state !== 'completed') return item;
	const { binary } = await downloadVideo(connection, String(video.id), settings.download.variant, DEFAULT_MAX_RETRIES, settings.query);
	return withBinary(item, settings.download.propertyName, binary);
}

/** "Fetch Test Event": the newest matching video, however old, without touching the state. */
async function pollManually(connection: Connection, settings: TriggerSettings): Promise<INodeExecutionData[][] | null> {
	let found: FinishedVideo | undefined;
	await walkVideos(connection, ({ videos }) => {
		for (const video of videos) {
			const state = jobStateOf(video);
			if (state !== 'running' && matchesFilter(video, state, settings.event, settings.model)) {
				found = { video, state };
				return true;
			}
		}
		return false;
	}, settings.query);
	return found ? [[await toItem(connection, found, settings)]] : null;
}

export class OpenAiVideosTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OpenAI Videos Trigger',
		name: 'openAiVideosTrigger',
		icon: { light: 'file:openAiVideosTrigger.svg', dark: 'file:openAiVideosTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ {"completed": "Video completed", "failed": "Video failed", "completedOrFailed": "Video completed or failed"}[$parameter["event"]] }}',
		description: 'Starts the workflow once for every video job of the OpenAI Videos API (Sora 2) that finishes',
		defaults: { name: 'OpenAI Videos Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'openAiVideosApi', required: true, testedBy: 'openAiVideosApiTest' }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Video Completed',
						value: 'completed',
						description: 'A video job finished and its file can be downloaded',
					},
					{
						name: 'Video Failed',
						value: 'failed',
						description: 'A video job failed, was cancelled or expired',
					},
					{
						name: 'Video Completed or Failed',
						value: 'completedOrFailed',
						description: 'A video job finished either way',
					},
				],
				default: 'completed',
				description: 'Which outcome of a video job starts the workflow',
			},
			{
				displayName: 'Download Result',
				name: 'downloadResult',
				type: 'boolean',
				default: false,
				description: 'Whether to download the file of each completed video and attach it as binary data',
			},
			{ ...variantField, displayOptions: { show: { downloadResult: [true] } } },
			{ ...outputBinaryPropertyField, displayOptions: { show: { downloadResult: [true] } } },
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					extraQueryOption,
					{
						displayName: 'Model',
						name: 'model',
						type: 'string',
						default: '',
						placeholder: 'sora-2',
						description: 'Only start the workflow for videos of this model, e.g. sora-2 or sora-2-pro',
					},
				],
			},
		],
	};

	methods = { credentialTest: { openAiVideosApiTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = settingsOf(this);
		const connection = await connect(this);
		if (this.getMode() === 'manual') return await pollManually(connection, settings);

		const staticData = this.getWorkflowStaticData('node');
		const previous = readState(staticData);
		const scan = new CursorScan(previous);
		await walkVideos(connection, ({ videos, hasMore }) => scan.addPage(videos, hasMore), settings.query);
		const { state, finished } = scan.result();

		// Files first: a download that fails leaves the state as it was, so the next poll
		// emits the same videos again instead of losing them.
		const items: INodeExecutionData[] = [];
		for (const entry of finished) {
			if (matchesFilter(entry.video, entry.state, settings.event, settings.model)) {
				items.push(await toItem(connection, entry, settings));
			}
		}

		if (!sameState(previous, state)) {
			for (const key of Object.keys(staticData)) delete staticData[key];
			Object.assign(staticData, state);
		}
		return items.length ? [items] : null;
	}
}
