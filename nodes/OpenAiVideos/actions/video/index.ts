import type { Operation } from '../operation';
import * as create from './create.operation';
import * as deleteVideo from './delete.operation';
import * as download from './download.operation';
import * as edit from './edit.operation';
import * as extend from './extend.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as remix from './remix.operation';

/** Video's operations by their value. */
export const operations: Record<string, Operation> = { create, remix, edit, extend, get, getAll, delete: deleteVideo, download };
