import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from '../../../electron/core/externalUrl';

describe('safeExternalUrl', () => {
  it.each([
    ['https://www.hackney.gov.uk/mayor', 'https://www.hackney.gov.uk/mayor'],
    ['mailto:mayor@hackney.gov.uk', 'mailto:mayor@hackney.gov.uk'],
  ])('allows %s', (url, expected) => expect(safeExternalUrl(url)).toBe(expected));

  it.each([
    'http://example.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:pass@example.com',
    'https://example.com/\u0000',
    'mailto:not-an-address',
    'not a url',
    `https://example.com/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => expect(safeExternalUrl(url)).toBeNull());
});
