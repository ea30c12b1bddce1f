import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testBackends } from './harness';

type JsonSchema = { type?: unknown; properties?: object; items?: unknown; anyOf?: unknown[]; oneOf?: unknown[]; $ref?: string };
type ResponseObject = { description?: string; content?: Record<string, { schema?: JsonSchema }> };
type OpenApiDocument = { paths: Record<string, Record<string, { responses?: Record<string, ResponseObject> }>> };

const methods = ['get', 'post', 'put', 'patch', 'delete'];

/** A schema that says something: not {} (what z.unknown() documents), not a bare "anything". */
function isDescriptive(schema: JsonSchema | undefined): boolean {
  if (!schema || Object.keys(schema).length === 0) return false;
  return schema.type !== undefined || schema.$ref !== undefined || !!schema.anyOf?.length || !!schema.oneOf?.length;
}

describe.each(testBackends())('the OpenAPI document on %s', (backend) => {
  let t: TestApp;
  let document: OpenApiDocument;
  beforeAll(async () => {
    t = await createTestApp(backend, { demo: false });
    document = (await t.app.inject({ url: '/api/openapi.json' })).json();
  });
  afterAll(() => t.close());

  it('describes the success body of every operation (204 answers have none by definition)', () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      methods.filter((method) => item[method]).map((method) => ({ key: `${method.toUpperCase()} ${path}`, ...item[method]! })),
    );
    expect(operations.length).toBeGreaterThan(30);
    const undocumented = operations
      .filter(({ responses = {} }) => {
        const success = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
        if (success.length === 0) return true;
        return !success.every(
          ([status, response]) => status === '204' || Object.values(response.content ?? {}).some((media) => isDescriptive(media.schema)),
        );
      })
      .map(({ key }) => key);
    expect(undocumented).toEqual([]);
  });
});
