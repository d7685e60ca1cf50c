import { describe, expect, it } from 'vitest';
import { previewKey, readPreviewToken, signPreviewToken } from '../src/signing/preview-token.ts';

const key = previewKey('admin-secret-for-tests');
const NOW = Date.parse('2026-03-20T10:00:00Z');
const claim = { documentId: 'abc123def456ghi789jkl012', locale: 'uk' };

describe('a draft preview token', () => {
  it('names one document and language, for ten minutes', () => {
    const token = signPreviewToken(key, claim, NOW);
    expect(readPreviewToken(key, token, NOW + 9 * 60_000)).toMatchObject(claim);
    expect(readPreviewToken(key, token, NOW + 10 * 60_000)).toBeUndefined();
  });

  it('is worth nothing altered, re-signed with another key, or truncated', () => {
    const token = signPreviewToken(key, claim, NOW);
    const [payload, signature] = token.split('.') as [string, string];
    const otherDocument = Buffer.from(
      JSON.stringify({ ...claim, documentId: 'someone-elses-draft', exp: NOW / 1000 + 600 }),
    ).toString('base64url');
    expect(readPreviewToken(key, `${otherDocument}.${signature}`, NOW)).toBeUndefined();
    expect(readPreviewToken(previewKey('another-secret'), token, NOW)).toBeUndefined();
    expect(readPreviewToken(key, payload, NOW)).toBeUndefined();
    expect(readPreviewToken(key, `${token}.x`, NOW)).toBeUndefined();
    expect(readPreviewToken(key, 'not a token', NOW)).toBeUndefined();
  });
});
