/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/**
 * Runs a polling trigger the way an n8n instance does: one Workflow whose static data persists
 * between polls, each poll through n8n-core's PollContext and TriggersAndPollers. Static data is
 * saved (as a JSON copy) only when the workflow marks it changed, as n8n saves it after a poll;
 * `restart()` builds a new Workflow from what was saved, like an instance that came back up.
 */
import { Container } from '@n8n/di';
import { PollContext, TriggersAndPollers } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	WorkflowActivateMode,
} from 'n8n-workflow';

import { OpenAiVideosApi } from '../../credentials/OpenAiVideosApi.credentials';
import { OpenAiVideosTrigger } from '../../nodes/OpenAiVideosTrigger/OpenAiVideosTrigger.node';
import { FixtureCredentialsHelper } from './credentials-helper';
import { prepareEnvironment, type BinaryMode } from './environment';
import { nodeTypesOf } from './node-types';
import { additionalDataFor } from './run-node';

export const TRIGGER_TYPE = 'n8n-nodes-openai-videos.openAiVideosTrigger';
export const TRIGGER_NAME = 'OpenAI Videos Trigger';

export interface PollRunnerOptions {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	/** Static data to start from, as stored (e.g. from another runner's `saved`). */
	staticData?: IDataObject;
	nodeType?: INodeType;
	binaryMode?: BinaryMode;
}

export class PollRunner {
	/** The workflow's static data as last saved: what survives a restart. */
	saved: IDataObject;

	/** How often a poll changed the static data (n8n writes the workflow each time). */
	saves = 0;

	workflow!: Workflow;

	readonly node: INode;

	private readonly nodeType: INodeType;

	private readonly credentialsHelper: FixtureCredentialsHelper;

	constructor(private readonly options: PollRunnerOptions) {
		this.nodeType = options.nodeType ?? new OpenAiVideosTrigger();
		this.node = {
			id: 'trigger-1',
			name: TRIGGER_NAME,
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: options.parameters,
			credentials: { openAiVideosApi: { id: 'c1', name: 'Fixture' } },
		};
		this.credentialsHelper = new FixtureCredentialsHelper(new OpenAiVideosApi(), options.credentials);
		this.saved = structuredClone(options.staticData ?? {});
		this.restart();
	}

	/** A fresh Workflow from the saved static data, copied as JSON as n8n stores it. */
	restart(): void {
		this.workflow = new Workflow({
			id: 'wf-trigger',
			name: 'trigger test',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: nodeTypesOf({ [TRIGGER_TYPE]: this.nodeType }),
			staticData: JSON.parse(JSON.stringify(this.saved)) as IDataObject,
		});
	}

	/** Changes a node parameter (as an edit of the active workflow would). */
	setParameter(name: string, value: INodeParameters[string]): void {
		this.node.parameters[name] = value;
	}

	/**
	 * One poll. `trigger` mode is the active trigger's scheduled poll; `manual` is the editor's
	 * "Fetch Test Event". Returns the items of the first output, or null when the node had none.
	 */
	async poll(
		mode: 'trigger' | 'manual' = 'trigger',
		activation: WorkflowActivateMode = mode === 'manual' ? 'manual' : 'activate',
	): Promise<INodeExecutionData[] | null> {
		await prepareEnvironment(this.options.binaryMode);
		const context = new PollContext(
			this.workflow,
			this.node,
			additionalDataFor(this.credentialsHelper),
			mode,
			activation,
		);
		const result = await Container.get(TriggersAndPollers).runPollFunction(this.workflow, this.node, context);
		// Recorded in manual mode too, so a test can see a manual poll that touched the state.
		if (this.workflow.staticData.__dataChanged === true) {
			this.saved = JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
			this.saves += 1;
			this.workflow.staticData.__dataChanged = false;
		}
		return result ? result[0] : null;
	}

	/** The trigger node's own static data as saved. */
	nodeStaticData(): IDataObject {
		return (this.saved[`node:${TRIGGER_NAME}`] as IDataObject | undefined) ?? {};
	}

	/** Size in bytes of the saved static data as JSON. */
	staticDataBytes(): number {
		return Buffer.byteLength(JSON.stringify(this.saved));
	}
}
