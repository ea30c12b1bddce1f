import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import type { DatabaseHandle } from '../db/client';

/** What the HTTP layer is built from; routes receive it, so that they never import the app that registers them. */
export type AppDependencies = { config: Config; database: DatabaseHandle; webRoot?: string };
export type App = FastifyInstance;
