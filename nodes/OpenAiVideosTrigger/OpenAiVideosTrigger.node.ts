import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { openAiVideosApiTest } from '../shared/credential-test';
import { jobStateOf } from '../shared/job-status';
import { extraQueryOption, maxRetriesOf, maxRetriesOption, requestTimeoutOption, requestTimeoutSOf } from '../shared/options';
import { extraQueryOf } from '../shared/parameters';
import { connect, type Connection } from '../shared/transport/request';
import {
	CursorScan,
	matchesFilter,
	readState,
	sameState,
	type FinishedVideo,
	type TriggerEvent,
} from './cursor';
import { walkVideos, type ListSettings } from './listing';

interface TriggerSettings extends ListSettings {
	event: TriggerEvent;
	model: string | undefined;
	requestTimeoutS: number;
}

/** Every setting of a poll, checked before its first request (a poll has no items: index 0). */
function settingsOf(context: IPollFunctions): TriggerSettings {
	const event = context.getNodeParameter('event', 'completed') as TriggerEvent;
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const model = String(options.model ?? '').trim() || undefined;
	return {
		event,
		model,
		query: extraQueryOf(context, 0),
		maxRetries: maxRetriesOf(context, 0),
		requestTimeoutS: requestTimeoutSOf(context, 0),
	};
}

/**
 * The trigger emits the video objects only; it never downloads. A file stored inside `poll()`
 * belongs to no execution (n8n files it under execution "temp"), and n8n prunes binary data by
 * execution, so such files stayed on disk or in the database for good. A Download node after
 * the trigger stores the file within its execution, and n8n prunes it with that execution.
 */
export const DOWNLOAD_MOVED_NOTICE =
	'This trigger no longer downloads files: files it stored were never removed by n8n\'s pruning. ' +
	'It emits the video objects only. Add an OpenAI Videos node after it with Operation "Download" ' +
	'and its Video field set to {{ $json.id }} (By ID) to get each file, then switch this option off.';

function toItem({ video }: FinishedVideo): INodeExecutionData {
	return { json: video };
}

/** A saved workflow may still have Download Result on (the trigger once downloaded): say once per poll what changed. */
function warnIfDownloadWanted(context: IPollFunctions, emitted: number): void {
	if (!emitted || context.getNode().parameters.downloadResult !== true) return;
	context.logger.warn(`OpenAI Videos Trigger "${context.getNode().name}": ${DOWNLOAD_MOVED_NOTICE}`);
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
	}, settings);
	warnIfDownloadWanted(connection.context as IPollFunctions, found ? 1 : 0);
	return found ? [[toItem(found)]] : null;
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
			// Kept for saved workflows only: it shows while it is on, and is gone once switched off.
			{
				displayName: 'Download Result (No Longer Supported)',
				name: 'downloadResult',
				type: 'boolean',
				default: false,
				displayOptions: { show: { downloadResult: [true] } },
				description: 'Whether to download files: no longer done by the trigger, see the notice below',
			},
			{
				displayName: DOWNLOAD_MOVED_NOTICE,
				name: 'downloadMovedNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { downloadResult: [true] } },
			},
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
						placeholder: 'e.g. sora-2',
						description: 'Only start the workflow for videos of this model, e.g. sora-2 or sora-2-pro',
					},
					maxRetriesOption,
					requestTimeoutOption,
				],
			},
		],
	};

	methods = { credentialTest: { openAiVideosApiTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = settingsOf(this);
		const connection = await connect(this, settings.requestTimeoutS);
		if (this.getMode() === 'manual') return await pollManually(connection, settings);

		const staticData = this.getWorkflowStaticData('node');
		const previous = readState(staticData);
		const scan = new CursorScan(previous);
		await walkVideos(connection, ({ videos, hasMore }) => scan.addPage(videos, hasMore), settings);
		const { state, finished } = scan.result();

		const items = finished
			.filter((entry) => matchesFilter(entry.video, entry.state, settings.event, settings.model))
			.map(toItem);
		warnIfDownloadWanted(this, items.length);

		if (!sameState(previous, state)) {
			for (const key of Object.keys(staticData)) delete staticData[key];
			Object.assign(staticData, state);
		}
		return items.length ? [items] : null;
	}
}
