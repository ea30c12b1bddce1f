import { describe, expect, it } from 'vitest';
import { classifyHttpStatus, DeliveryError, describeFailure, maskRecipient, RETRY_CAP_MS, retryDelayMs } from './rules';

describe('retry delay', () => {
  it('doubles each attempt between half and all of the exponential step', () => {
    expect(retryDelayMs(1, 0)).toBe(15_000);
    expect(retryDelayMs(1, 0.999_999)).toBe(30_000);
    expect(retryDelayMs(2, 0)).toBe(30_000);
    expect(retryDelayMs(4, 0.5)).toBe(180_000);
  });
  it('is capped at an hour, however many attempts failed', () => {
    expect(retryDelayMs(30, 0.999_999)).toBeLessThanOrEqual(RETRY_CAP_MS);
    expect(retryDelayMs(30, 0.999_999)).toBeGreaterThan(RETRY_CAP_MS - 5);
    expect(retryDelayMs(1000, 0)).toBe(RETRY_CAP_MS / 2);
  });
  it('spreads messages that failed together', () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs(5)));
    expect(delays.size).toBeGreaterThan(10);
  });
});

describe('masked recipients', () => {
  it('keeps the domain of an address, the last digits of a phone, the ends of a Zalo id', () => {
    expect(maskRecipient('email', 'nguyenvana@example.vn')).toBe('ng***@example.vn');
    expect(maskRecipient('email', 'a@b.vn')).toBe('a***@b.vn');
    expect(maskRecipient('sms', '+84 912 345 678')).toBe('********678');
    expect(maskRecipient('zalo', '1234567890123')).toBe('12***23');
    expect(maskRecipient('zalo', 'abc')).toBe('***');
    expect(maskRecipient('national_portal', 'national-portal')).toBe('national-portal');
  });
});

describe('delivery failures', () => {
  it('keep only the name and code of an unexpected error, never its message', () => {
    const error = Object.assign(new Error('550 <nguyenvana@example.vn> rejected'), { code: 'EENVELOPE' });
    expect(describeFailure(error).summary).toBe('Error EENVELOPE');
    expect(describeFailure('boom').summary).toBe('Error');
    const known = new DeliveryError('HTTP 503');
    expect(describeFailure(known)).toBe(known);
  });
  it('classify HTTP answers', () => {
    expect([200, 204, 408, 429, 500, 503, 400, 404, 410].map(classifyHttpStatus)).toEqual([
      'delivered',
      'delivered',
      'retry',
      'retry',
      'retry',
      'retry',
      'refused',
      'refused',
      'refused',
    ]);
  });
});
