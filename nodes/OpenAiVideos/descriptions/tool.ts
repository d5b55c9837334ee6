/**
 * What an AI Agent reads about this node as its tool, per operation: what it does, what it
 * returns and how long it takes. Shown (and editable) only in the tool variant (`@tool`); n8n adds
 * its own generic description ("Create a video in OpenAI Videos") only to nodes that have none.
 */
import type { INodeProperties } from 'n8n-workflow';

import { TOOL_WAIT_TIMEOUT_S } from '../helpers/job-settings';

const JOB =
	'and returns the new video job as JSON (id, status, progress, model, seconds, size, error). Generating a video takes about 1 to 10 minutes. ' +
	`Unless configured otherwise, this tool waits up to ${TOOL_WAIT_TIMEOUT_S} seconds for the job and returns its latest state: ` +
	'while the status is queued or in_progress the video is not ready yet, so report its id. The video file itself is never returned.';

const TOOL_DESCRIPTIONS: Array<[resource: string, operation: string, text: string]> = [
	['video', 'create', `Generates a video from a text prompt (OpenAI Videos API, Sora 2 or a server that speaks it) ${JOB}`],
	['video', 'remix', `Makes a new video from a completed video (by its id) and a prompt that says what to change, ${JOB}`],
	['video', 'edit', `Edits a completed video (by its id) as a prompt directs, ${JOB}`],
	['video', 'extend', `Continues a completed video (by its id) with a new segment that a prompt directs, ${JOB}`],
	['video', 'get', 'Returns the current state of a video job by its id (status, progress, error, prompt) in about a second. Use it to check on a job that was still running.'],
	['video', 'getAll', 'Lists recent video jobs (id, status, progress, prompt, created_at), newest first, in a few seconds.'],
	['video', 'delete', 'Deletes a completed or failed video and its files by its id, in about a second; answers with deleted: true.'],
	['video', 'download', 'Downloads the file of a completed video (by its id) into the workflow, in seconds to a minute. The agent gets only the file\'s details (name, type, size), not the file.'],
	['character', 'create', 'Creates a reusable character from the video file of the input item and returns it (id, name) in a few seconds.'],
	['character', 'get', 'Returns a character (id, name) by its id in about a second.'],
];

export const toolDescriptionFields: INodeProperties[] = TOOL_DESCRIPTIONS.map(([resource, operation, text]) => ({
	displayName: 'Description',
	name: 'toolDescription',
	type: 'string',
	typeOptions: { rows: 3 },
	required: true,
	default: text,
	description: 'What the AI agent reads about this tool: what it does, what it returns and how long it takes',
	displayOptions: { show: { '@tool': [true], resource: [resource], operation: [operation] } },
}));
