export const id = 28;
export const ids = [28];
export const modules = {

/***/ 3028:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ failedResult),
/* harmony export */   w: () => (/* binding */ outcomeResult)
/* harmony export */ });
/* harmony import */ var _foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(403);

function failedResult(line, command, error, durationMs) {
    return { line, command, ok: false, skipped: false, outcome: 'failed', otpAttempts: 0, waitedMs: 0, durationMs, detail: (0,_foundation_describe_error_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error) };
}
function outcomeResult(line, command, outcome, tally, durationMs) {
    const published = outcome.published === true;
    return {
        line,
        command,
        ok: true,
        skipped: !published && outcome.status !== 'done' && outcome.status !== 'tagged' && outcome.status !== 'staged',
        outcome: published ? 'published' : outcome.status,
        otpAttempts: tally.otpAttempts,
        waitedMs: tally.waitedMs,
        durationMs,
        detail: outcome.detail,
        ...(outcome.stageId === undefined ? {} : { stageId: outcome.stageId }),
        ...(outcome.id === undefined ? {} : { id: outcome.id }),
        ...(outcome.data === undefined ? {} : { data: outcome.data }),
        ...(outcome.transparencyLogUrl ? { transparencyLogUrl: outcome.transparencyLogUrl } : {}),
    };
}


/***/ })

};
