import type { INodeProperties } from 'n8n-workflow';

import { forOperations, optionsCollection } from '../options';
import { createFields, createOperation } from './create.operation';
import { deleteFields, deleteOperation } from './delete.operation';
import { downloadFields, downloadOperation } from './download.operation';
import { editFields, editOperation } from './edit.operation';
import { extendFields, extendOperation } from './extend.operation';
import { getFields, getOperation } from './get.operation';
import { getAllFields, getAllOperation } from './getAll.operation';
import { remixFields, remixOperation } from './remix.operation';
import { waitFields, waitOptions } from './wait.fields';

const JOB_OPERATIONS = ['create', 'remix', 'edit', 'extend'];

export const videoDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['video'] } },
		options: [
			createOperation,
			deleteOperation,
			downloadOperation,
			editOperation,
			extendOperation,
			getOperation,
			getAllOperation,
			remixOperation,
		],
		default: 'create',
	},
	...forOperations('video', ['create'], createFields),
	...forOperations('video', ['remix'], remixFields),
	...forOperations('video', ['edit'], editFields),
	...forOperations('video', ['extend'], extendFields),
	...forOperations('video', ['get'], getFields),
	...forOperations('video', ['getAll'], getAllFields),
	...forOperations('video', ['delete'], deleteFields),
	...forOperations('video', ['download'], downloadFields),
	...forOperations('video', JOB_OPERATIONS, waitFields),
	optionsCollection('video', JOB_OPERATIONS, waitOptions),
	optionsCollection('video', ['get', 'getAll', 'delete', 'download']),
];
