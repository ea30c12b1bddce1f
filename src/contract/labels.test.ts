import { describe, expect, it } from 'vitest';
import { dossierStatuses } from './enums';
import { dossierStatusFilterLabels, dossierStatusLabel, dossierStatusLabels } from './labels';

describe('dossier status labels', () => {
  it('tell a refusal at the desk from one in processing', () => {
    expect(dossierStatusLabel('refused', false)).toBe('Từ chối tiếp nhận');
    expect(dossierStatusLabel('refused', true)).toBe('Từ chối giải quyết');
    expect(dossierStatusFilterLabels.refused).toBe('Từ chối');
  });

  it('name every other status the same whether received or not', () => {
    for (const status of dossierStatuses.filter((value) => value !== 'refused')) {
      expect(dossierStatusLabel(status, true)).toBe(dossierStatusLabels[status]);
      expect(dossierStatusLabel(status, false)).toBe(dossierStatusLabels[status]);
    }
  });
});
