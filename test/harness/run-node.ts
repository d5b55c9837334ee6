/**
 * Runs one node through n8n-core's real WorkflowExecute, the way an n8n instance runs a workflow
 * step: input items in, output items (with binary data in the configured store) out.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { createRunExecutionData, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	ExecutionError,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { OpenAiVideosApi } from '../../credentials/OpenAiVideosApi.credentials';
import { OpenAiVideos } from '../../nodes/OpenAiVideos/OpenAiVideos.node';
import { FixtureCredentialsHelper } from './credentials-helper';
import { prepareEnvironment, type BinaryMode } from './environment';
import { nodeTypesOf } from './node-types';

export const NODE_TYPE = 'n8n-nodes-openai-videos.openAiVideos';
export const NODE_NAME = 'OpenAI Videos';

export interface RunNodeOptions {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** n8n's node settings, as a user sets them in the node's Settings tab. */
	settings?: Pick<INode, 'onError' | 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>;
	nodeType?: INodeType;
	/** The node's type name, e.g. the `…Tool` variant n8n builds for AI Agents (tool-variant.ts). */
	typeName?: string;
	binaryMode?: BinaryMode;
	/** How n8n started the execution (default: manual, the editor's "Execute workflow"). */
	mode?: WorkflowExecuteMode;
	/** The workflow's settings (Workflow Settings in the editor), e.g. which executions n8n saves. */
	workflowSettings?: IWorkflowSettings;
	/** Called once the run started, with a function that cancels it (as the editor's Stop button). */
	onStart?: (cancel: () => void) => void;
}

export interface RunNodeResult {
	items: INodeExecutionData[];
	/** The second output, with On Error = "Continue (using error output)". */
	errorItems: INodeExecutionData[];
	error?: ExecutionError;
	status: IRun['status'];
	run: IRun;
	/** How the execution was set up (test/harness/retry-execution.ts runs it again as n8n's Retry does). */
	setup: ExecutionSetup;
	executionId: string;
}

let executions = 0;

/** Each run is its own execution, as in n8n (the node's Retry On Fail memory is per execution). */
export function nextExecutionId(): string {
	return `test-execution-${++executions}`;
}

export function additionalDataFor(
	credentialsHelper: FixtureCredentialsHelper,
	hooks?: ExecutionLifecycleHooks,
	executionId = nextExecutionId(),
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks,
		executionId,
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not part of these tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** What one execution needs besides its run data: kept so that n8n's Retry can run it again. */
export interface ExecutionSetup {
	node: INode;
	nodeTypes: ReturnType<typeof nodeTypesOf>;
	credentialsHelper: FixtureCredentialsHelper;
	workflowSettings?: IWorkflowSettings;
	onStart?: (cancel: () => void) => void;
}

export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	await prepareEnvironment(options.binaryMode);
	const node: INode = {
		id: 'node-1',
		name: NODE_NAME,
		type: options.typeName ?? NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { openAiVideosApi: { id: 'c1', name: 'Fixture' } },
		...(options.continueOnFail ? { continueOnFail: true, onError: 'continueRegularOutput' as const } : {}),
		...options.settings,
	};
	const setup: ExecutionSetup = {
		node,
		nodeTypes: nodeTypesOf({ [node.type]: options.nodeType ?? new OpenAiVideos() }),
		credentialsHelper: new FixtureCredentialsHelper(new OpenAiVideosApi(), options.credentials),
		workflowSettings: options.workflowSettings,
		onStart: options.onStart,
	};
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [options.items ?? [{ json: {} }]] }, source: null }],
		},
	});
	return await executeRun(setup, options.mode ?? 'manual', runExecutionData);
}

/** Runs (or, given a failed execution's data, resumes) one execution of the one-node workflow. */
export async function executeRun(
	setup: ExecutionSetup,
	mode: WorkflowExecuteMode,
	runExecutionData: IRunExecutionData,
	executionId = nextExecutionId(),
): Promise<RunNodeResult> {
	const { node, nodeTypes, credentialsHelper, workflowSettings } = setup;
	const workflow = new Workflow({ id: 'wf-test', nodes: [node], connections: {}, active: false, nodeTypes, settings: workflowSettings });
	const workflowData = { id: 'wf-test', name: 'test', nodes: [node], connections: {} } as unknown as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const finished = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', resolve));
	const execution = new WorkflowExecute(additionalDataFor(credentialsHelper, hooks, executionId), mode, runExecutionData);
	let running: ReturnType<WorkflowExecute['processRunExecutionData']>;
	try {
		running = execution.processRunExecutionData(workflow);
	} catch (error) {
		// n8n refuses to start a workflow whose required parameters are empty.
		return { items: [], errorItems: [], error: error as ExecutionError, status: 'error', run: undefined as unknown as IRun, setup, executionId };
	}
	setup.onStart?.(() => running.cancel());
	const run = await finished;
	const task = run.data.resultData.runData[NODE_NAME]?.at(-1);
	return {
		items: task?.data?.main?.[0] ?? [],
		errorItems: task?.data?.main?.[1] ?? [],
		error: run.data.resultData.error ?? task?.error,
		status: run.status,
		run,
		setup,
		executionId,
	};
}
