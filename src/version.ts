/** This product's version; kept equal to package.json's by a test. */
export const VERSION = '1.0.0';
/** Sent as the user agent of every registry request. */
export const USER_AGENT = `npm-totp-publish/${VERSION} node/${process.version}`;
