import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors';
import { toAppError } from './error-handler';

describe('mapping errors to the one error shape', () => {
  it('turns database races into 409 and broken references into 422, not 500', () => {
    const wrapped = (code: string) => Object.assign(new Error('Failed query'), { cause: Object.assign(new Error('db'), { code }) });
    expect(toAppError(wrapped('23505')).status).toBe(409);
    expect(toAppError(wrapped('23503')).status).toBe(422);
    expect(toAppError(wrapped('40001')).status).toBe(409);
    expect(toAppError(wrapped('XX000')).status).toBe(500);
  });

  it('keeps application errors and hides unknown ones behind a Vietnamese message', () => {
    const own = new AppError('forbidden', 'Không được.');
    expect(toAppError(own)).toBe(own);
    const unknown = toAppError(new TypeError('x is undefined'));
    expect(unknown.toBody()).toEqual({ error: { code: 'internal', message: expect.stringMatching(/Lỗi hệ thống/), details: [] } });
  });
});
