export const id = 374;
export const ids = [374];
export const modules = {

/***/ 6374:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Te: () => (/* binding */ packageNameProblem),
/* harmony export */   pw: () => (/* binding */ userProblem),
/* harmony export */   qH: () => (/* binding */ tagProblem)
/* harmony export */ });
/* harmony import */ var npm_package_arg__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8056);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2088);


/**
 * Checks shared by settings and command lines. Each returns a problem
 * sentence (what is wrong and what would be valid), or undefined when fine;
 * callers wrap it in an InputError naming where the value came from.
 */
/** A registry package name, without a version or range. */
function packageNameProblem(name) {
    try {
        const parsed = npm_package_arg__WEBPACK_IMPORTED_MODULE_0__(name);
        if (parsed.registry && parsed.name === name)
            return undefined;
    }
    catch {
        // falls through to the message
    }
    return `"${name}" is not a valid npm package name (lower-case, URL-safe, optionally @scope/name)`;
}
/** A dist-tag: not a semver range (npm refuses those) and URL-safe. */
function tagProblem(tag) {
    if (tag === '')
        return 'the tag is empty';
    if (semver__WEBPACK_IMPORTED_MODULE_1__.validRange(tag) !== null) {
        return `"${tag}" is a valid semver range, which npm refuses as a tag name (it would be ambiguous with versions). Use a name such as latest, next or beta`;
    }
    if (encodeURIComponent(tag) !== tag)
        return `"${tag}" is not URL-safe. Use letters, digits and - _ . ! ~ * ' ( ) only, such as next or beta`;
    return undefined;
}
/** An npm user name. */
function userProblem(user) {
    if (/^[a-z0-9][a-z0-9._-]*$/i.test(user) && user.length <= 214)
        return undefined;
    return `"${user}" is not a valid npm user name (letters, digits, . _ -)`;
}


/***/ })

};
