export const id = 275;
export const ids = [275];
export const modules = {

/***/ 275:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   idTokenProviderFromEnv: () => (/* binding */ idTokenProviderFromEnv)
/* harmony export */ });
function idTokenProviderFromEnv(env, logger) {
    const given = env.NPM_ID_TOKEN?.trim();
    if (given) {
        logger.mask(given);
        return async () => given;
    }
    const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!url || !requestToken)
        return undefined;
    logger.mask(requestToken);
    return async (audience) => {
        const target = new URL(url);
        target.searchParams.set('audience', audience);
        const response = await fetch(target, {
            headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json' },
            signal: AbortSignal.timeout(30_000),
        });
        if (!response.ok)
            throw new Error(`the ID token endpoint answered ${response.status}`);
        const value = (await response.json()).value;
        if (typeof value !== 'string' || value === '')
            throw new Error('the ID token endpoint answered without a token');
        logger.mask(value);
        return value;
    };
}


/***/ })

};
