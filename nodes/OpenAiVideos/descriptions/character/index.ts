import type { INodeProperties } from 'n8n-workflow';

import { forOperations, optionsCollection } from '../options';
import { extraBodyOption, maxParallelJobsOption } from '../video/wait.fields';
import { createCharacterFields, createCharacterOperation } from './create.operation';
import { getCharacterFields, getCharacterOperation } from './get.operation';

export const characterDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['character'] } },
		options: [createCharacterOperation, getCharacterOperation],
		default: 'create',
	},
	...forOperations('character', ['create'], createCharacterFields),
	...forOperations('character', ['get'], getCharacterFields),
	optionsCollection('character', ['get']),
	optionsCollection('character', ['create'], [extraBodyOption, maxParallelJobsOption]),
];
