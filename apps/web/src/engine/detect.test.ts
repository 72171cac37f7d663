import { describe, expect, it } from 'vitest';
import { detectBrowser } from './detect';

describe('detectBrowser', () => {
  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.7000.1 Safari/537.36', 'chromium', 'Chrome', '156.0.7000.1'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36', 'chromium', 'Chromium', '156'], // reduced user agent: major only,
    ['Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0.1', 'chromium', 'Edge', '130.0.1'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0', 'firefox', 'Firefox', '153.0'],
    ['Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', 'webkit', 'Safari', '18.1'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko)', 'webkit', 'WebKit', '605.1.15'],
  ])('reads %s', (ua, engine, name, version) => {
    expect(detectBrowser(ua)).toEqual({ engine, name, version });
  });

  it('treats an unknown agent as Chromium and says it does not know the name', () => {
    expect(detectBrowser('curl/8')).toEqual({ engine: 'chromium', name: 'Unknown browser', version: '' });
  });
});
