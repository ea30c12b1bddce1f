import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { readTestSettings } from '../config';

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * A folder of this run's own (removed after it), where the first test that needs one makes what every later test
     * file copies instead of making it again: the migrated empty PGlite database (src/test/harness.ts) and the demo
     * installation of the browser tests (e2e/browser.ts).
     */
    testRunDir: string;
    /** The name of this run's migrated template database on the TEST_DATABASE_URL server (src/test/harness.ts). */
    postgresTemplate: string;
  }
}

/**
 * Names the run's templates before any test file starts, and removes them after the last one: nothing is made here, so
 * a run of one small test file costs nothing more.
 */
export default function setup(project: TestProject) {
  const runId = `${process.pid}_${Date.now()}`;
  const runDir = join(tmpdir(), `motcua-test-run-${runId}`);
  mkdirSync(runDir, { recursive: true });
  const postgresTemplate = `motcua_template_${runId}`;
  project.provide('testRunDir', runDir);
  project.provide('postgresTemplate', postgresTemplate);
  return async () => {
    rmSync(runDir, { recursive: true, force: true });
    const serverUrl = readTestSettings().testDatabaseUrl;
    if (!serverUrl) return;
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(`drop database if exists ${postgresTemplate} with (force)`);
    } finally {
      await client.end();
    }
  };
}
