import type { z } from 'zod';
import { bodiesContract } from './bodies';
import { documentsContract } from './documents';
import { historyContract } from './history';
import { meetingsContract } from './meetings';
import { organisationsContract } from './organisations';
import { partnersContract } from './partners';
import { peopleContract } from './people';
import { recommendationsContract } from './recommendations';
import { safetyContract } from './safety';
import { searchContract } from './search';
import { systemContract } from './system';
import { territoriesContract } from './territories';

/** Every RPC method Concerto has, declared once. Both sides infer their types from it. */
export const contract = {
  ...systemContract,
  ...territoriesContract,
  ...organisationsContract,
  ...peopleContract,
  ...bodiesContract,
  ...searchContract,
  ...historyContract,
  ...meetingsContract,
  ...recommendationsContract,
  ...documentsContract,
  ...partnersContract,
  ...safetyContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (before defaults and transforms). */
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
