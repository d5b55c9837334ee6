import type { Operation } from '../operation';
import * as create from './create.operation';
import * as get from './get.operation';

/** Character's operations by their value. */
export const operations: Record<string, Operation> = { create, get };
