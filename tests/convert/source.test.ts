import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sourceBytes } from '../helpers/real-plan.ts';

describe('embedded source', () => {
  it('is byte for byte the extraction the project was built from', () => {
    expect(createHash('sha256').update(sourceBytes).digest('hex')).toBe(
      '9cb5acb5069100611a8ed13ac480942e96dced3b2baa9b315b7d0bdc249c6640',
    );
  });
});
