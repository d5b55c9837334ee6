'use strict';
/*
 * What the editor asks n8n for, in a real `n8n start`: the "From List" results of the Video and
 * Model pickers (POST /rest/dynamic-node-parameters/resource-locator-results, as the editor's
 * Resource Locator calls it), the message a server without GET /models gets, and the node's AI
 * Agent tool variant (in /types/nodes.json, as the editor loads it): its own tool description per operation, and
 * Download Result off by default there.
 */
const path = require('node:path');
const { startN8nServer } = require('../n8n-server');
const { CREDENTIAL, requestsOf } = require('../lib/context');

const NODE = 'n8n-nodes-openai-videos.openAiVideos';

module.exports = {
	title: 'editor pickers and the AI Agent tool variant',
	async run(ctx, t) {
		const { n8n, api } = ctx;
		const done = api.addVideo({ prompt: 'A red kite over a beach' });
		api.addVideo({ status: 'in_progress', progress: 40, prompt: 'Still rendering' });
		const server = await startN8nServer(n8n, { logFile: path.join(ctx.runDir, 'n8n-start-pickers.log') });
		ctx.cleanups.push(() => server.stop());
		try {
			await server.setupOwner();
			const list = (methodName, parameterName, currentNodeParameters, extra = {}) =>
				server.rest('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
					nodeTypeAndVersion: { name: NODE, version: 1 },
					path: `parameters.${parameterName}`,
					methodName,
					currentNodeParameters,
					credentials: { openAiVideosApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
					...extra,
				});

			const all = (await list('searchVideos', 'videoId', { resource: 'video', operation: 'get' })).data;
			t.equal(
				all.results.map((item) => item.name),
				['Still rendering (in_progress)', 'A red kite over a beach (completed)'],
				'Get\'s Video list: newest first, a short prompt and the status',
			);
			const completed = (await list('searchCompletedVideos', 'videoId', { resource: 'video', operation: 'download' }, { filter: 'kite' })).data;
			t.equal(completed.results, [{ name: 'A red kite over a beach (completed)', value: done.id }], 'Download\'s list: completed videos only, searched');
			// >= 2: an active trigger left in this user folder by an earlier case (example 3b) may poll GET /videos too
			const orders = requestsOf(api, 'GET', '/videos').map((request) => request.query.order);
			t.ok(orders.length >= 2 && orders.every((order) => order === 'desc'), 'the lists ask GET /videos newest first', `orders: ${JSON.stringify(orders)}`);

			const models = (await list('searchModels', 'model', { resource: 'video', operation: 'create' })).data;
			t.equal(models.results.map((item) => item.value), ['sora-2', 'sora-2-pro'], 'Model list: GET /models');
			api.script({ method: 'GET', path: '/models' }, { status: 404, json: { detail: 'Not Found' } });
			const missing = await list('searchModels', 'model', { resource: 'video', operation: 'create' }).then(
				() => 'no error',
				(error) => error.message,
			);
			t.ok(/no list of models.*Choose \\?"By ID\\?"/.test(missing), 'a server without GET /models: the list says to choose "By ID"', missing);

			// The node types the editor loads; n8n adds each usableAsTool node's `…Tool` variant there.
			const types = await server.rest('GET', '/types/nodes.json');
			const tool = (Array.isArray(types) ? types : []).find((type) => type.name === `${NODE}Tool`);
			t.ok(tool, 'n8n lists the tool variant', `types: ${Array.isArray(types) ? types.length : typeof types}`);
			const properties = tool?.properties ?? [];
			const descriptions = properties.filter((property) => property.name === 'toolDescription');
			t.equal(descriptions.length, 10, 'the tool variant has its own Description for each of the 10 operations', JSON.stringify(properties.map((p) => p.name)));
			t.ok(!properties.some((property) => property.name === 'descriptionType'), 'n8n adds no generic "Set Automatically" description');
			const createText = descriptions.find((property) => property.displayOptions?.show?.operation?.[0] === 'create' && property.displayOptions.show.resource[0] === 'video')?.default;
			t.ok(/1 to 10 minutes/.test(createText ?? '') && /120 seconds/.test(createText ?? ''), 'Create\'s tool description says how long it takes', createText);
			const download = properties.filter((property) => property.name === 'downloadResult');
			t.equal(
				download.map((property) => [property.default, property.displayOptions?.show?.['@tool']?.[0]]),
				[[true, false], [false, true]],
				'Download Result: on in the workflow node, off in the tool variant',
			);
		} finally {
			await server.stop();
		}
	},
};
