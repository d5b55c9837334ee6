/**
 * A paid operation as the job runner sees it (its endpoint, whether it can wait, how an item's
 * parameters become its request), and that request: checked before anything is sent, its body made
 * when it is sent (files are read again then, not held for the whole run).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ApiRequest } from '../../shared/transport/request';
import { bodyOf, endpointLabel, pathTo, type Endpoint } from '../helpers/endpoint';
import { multipartBody, readFile, type FileField } from '../helpers/multipart';
import type { JobSettings } from '../helpers/settings';

/** What one item asks for: the IDs in the path, the body values, the files, and how to send them. */
export interface JobInput {
	ids?: Record<string, string>;
	values: IDataObject;
	files: FileField[];
	multipart: boolean;
}

export interface PaidOperation {
	endpoint: Endpoint;
	/** Whether the node waits for the job (Create, Remix, Edit, Extend; not Character → Create). */
	waits: boolean;
	/** The item's input, checked (throws an InputError naming the parameter); sends nothing. */
	inputOf: (context: IExecuteFunctions, itemIndex: number) => JobInput;
}

export interface JobRequest {
	itemIndex: number;
	path: string;
	endpoint: string;
	qs: IDataObject;
	fields: IDataObject;
	files: FileField[];
	multipart: boolean;
}

/** Builds the item's request and checks everything it needs, its files included; sends nothing. */
export async function prepareJobRequest(context: IExecuteFunctions, itemIndex: number, operation: PaidOperation, settings: JobSettings): Promise<JobRequest> {
	const input = operation.inputOf(context, itemIndex);
	for (const file of input.files) await readFile(context, itemIndex, file);
	return {
		itemIndex,
		path: pathTo(operation.endpoint, input.ids),
		endpoint: endpointLabel(operation.endpoint),
		qs: settings.query,
		fields: { ...bodyOf(operation.endpoint, input.values), ...settings.extraBody },
		files: input.files,
		multipart: input.multipart,
	};
}

export async function toApiRequest(context: IExecuteFunctions, request: JobRequest): Promise<ApiRequest> {
	const body = request.multipart ? await multipartBody(context, request.itemIndex, request.fields, request.files) : request.fields;
	return { method: 'POST', path: request.path, qs: request.qs, body, endpoint: request.endpoint };
}
